// Rows as COPY text format (PostgreSQL docs, "COPY", File Formats > Text Format), the input of
// RawSession.copyFrom. One line per row, columns separated by a tab, NULL as \N; backslash, tab,
// newline and carriage return inside a value are backslash-escaped. Values go through each
// column type's input function, exactly as a quoted literal in an INSERT would.

const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
const SPECIAL = /[\\\t\n\r]/;
// Most values need no escape: testing first is several times cheaper than always replacing.
const escapeText = (text: string) => (SPECIAL.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : text);

/** One value as COPY text, before escaping. */
function valueText(v: unknown): string {
  if (v instanceof Date) return v.toISOString(); // timestamp(3)/date columns hold UTC wall time, as Prisma writes them
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error(`cannot write ${v} to the database`);
    return String(v);
  }
  if (typeof v === "boolean") return v ? "t" : "f";
  if (typeof v === "string") return v;
  if (Array.isArray(v)) {
    // text[] array literal: every element double-quoted, with " and \ escaped inside.
    const items = v.map((x) => {
      if (typeof x !== "string") throw new Error("only text arrays are supported");
      return `"${x.replace(/[\\"]/g, "\\$&")}"`;
    });
    return `{${items.join(",")}}`;
  }
  throw new Error(`cannot write a ${typeof v} to the database`);
}

export function copyValue(v: unknown): string {
  return v === null ? "\\N" : escapeText(valueText(v));
}

/**
 * The columns of `rows` (the first row's keys) and their COPY text. Every row must give every
 * column a value (null for none): COPY has no per-row DEFAULT, and a column silently defaulted
 * for some rows would be a generator bug.
 */
export function copyText(table: string, rows: readonly object[]): { columns: string[]; data: string } {
  const columns = rows.length ? Object.keys(rows[0]!) : [];
  let data = "";
  for (const row of rows) {
    const r = row as Record<string, unknown>;
    for (let i = 0; i < columns.length; i++) {
      const v = r[columns[i]!];
      if (v === undefined) throw new Error(`${table} row ${String(r.id ?? "")} has no value for ${columns[i]}`);
      data += (i ? "\t" : "") + copyValue(v);
    }
    data += "\n";
  }
  return { columns, data };
}
