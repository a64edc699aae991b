// A cell's value as the record needs it: value maps (case- and space-insensitive), dates, numbers,
// booleans, lists. Problems are ValueErrors with a code from messages.ts and both languages.
import type { FieldSource, Mapping } from "./mapping";
import { fromDateCell, fromExcelSerial, isoDate, parseDateText, type Ymd } from "./dates";
import type { ReportCode } from "./messages";

/** What the readers hand over: exceljs and csv-parse values reduced to these. */
export type Cell = string | number | boolean | Date | null;

export class ValueError extends Error {
  constructor(
    readonly code: ReportCode,
    /** The English detail (the report's `reason`). */
    message: string,
    /** The Indonesian detail (the report's `alasan`). */
    readonly alasan: string,
  ) {
    super(message);
  }
}

export const normalizeKey = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

export const isBlank = (c: Cell | undefined): boolean => c === null || c === undefined || (typeof c === "string" && c.trim() === "");

/** The cell as text (templates, externalIds, value-map keys): dates as YYYY-MM-DD. */
export function cellText(c: Cell): string {
  if (c === null) return "";
  if (c instanceof Date) return isoDate(fromDateCell(c));
  if (typeof c === "number") return Number.isInteger(c) && Math.abs(c) < 1e21 ? c.toFixed(0) : String(c);
  return String(c).replace(/\s+/g, " ").trim();
}

const TRUE = new Set(["ya", "y", "yes", "true", "1", "benar", "b"]);
const FALSE = new Set(["tidak", "t", "tdk", "no", "n", "false", "0", "salah", "bukan"]);

const quote = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);

function toDate(c: Cell, formats: readonly string[]): Ymd {
  const excel = formats.includes("excel");
  if (c instanceof Date && excel) return fromDateCell(c);
  if (typeof c === "number" && excel) {
    const d = fromExcelSerial(c);
    if (d) return d;
  }
  const d = parseDateText(cellText(c), formats);
  if (d) return d;
  throw new ValueError(
    "INVALID_DATE",
    `${quote(cellText(c))} is not a date in any of the formats ${formats.join(", ")}.`,
    `${quote(cellText(c))} bukan tanggal dalam format ${formats.join(", ")}.`,
  );
}

function toDateTime(c: Cell, formats: readonly string[], timeZone: string): string {
  if (c instanceof Date) {
    // A date-time cell: the sheet's wall time, in the mapping's time zone.
    const wall = c.toISOString().slice(0, 19);
    return `${wall}${timeZone}`;
  }
  const text = cellText(c);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return text;
  const m = /^(.*?)[\sT]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$/.exec(text);
  const day = toDate(m ? m[1]! : c, formats);
  const [h, min, s] = m ? [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)] : [0, 0, 0];
  if (h > 23 || min > 59 || s > 59) throw new ValueError("INVALID_DATE", `${quote(text)}: not a time of day.`, `${quote(text)}: jam tidak sah.`);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${isoDate(day)}T${p(h)}:${p(min)}:${p(s)}${timeZone}`;
}

function toNumber(c: Cell, int: boolean): number {
  let n: number;
  if (typeof c === "number") n = c;
  else {
    // Indonesian spreadsheets write decimals with a comma.
    const t = cellText(c).replace(/\s/g, "");
    n = /^[+-]?\d+([.,]\d+)?$/.test(t) ? Number(t.replace(",", ".")) : NaN;
  }
  if (!Number.isFinite(n) || (int && !Number.isInteger(n))) {
    throw new ValueError("INVALID_NUMBER", `${quote(cellText(c))} is not ${int ? "a whole number" : "a number"}.`, `${quote(cellText(c))} bukan ${int ? "bilangan bulat" : "angka"}.`);
  }
  return n;
}

function toBoolean(c: Cell): boolean {
  if (typeof c === "boolean") return c;
  const t = normalizeKey(cellText(c));
  if (TRUE.has(t)) return true;
  if (FALSE.has(t)) return false;
  throw new ValueError("INVALID_BOOLEAN", `${quote(cellText(c))} is not Ya/Tidak (Y/T, 1/0, true/false).`, `${quote(cellText(c))} bukan Ya/Tidak (Y/T, 1/0).`);
}

/** A value map with normalized keys (built once per mapping). */
export type CompiledMap = { name: string; entries: Map<string, unknown>; keys: string[] };

export function compileMap(name: string, map: Record<string, unknown>): CompiledMap {
  return { name, entries: new Map(Object.entries(map).map(([k, v]) => [normalizeKey(k), v])), keys: Object.keys(map) };
}

function lookup(map: CompiledMap, text: string): unknown {
  const key = normalizeKey(text);
  if (map.entries.has(key)) return map.entries.get(key);
  throw new ValueError(
    "VALUE_NOT_MAPPED",
    `${quote(text)} is not in the value map ${map.name} (known: ${map.keys.slice(0, 12).join(", ")}).`,
    `${quote(text)} tidak ada dalam daftar padanan ${map.name} (yang dikenal: ${map.keys.slice(0, 12).join(", ")}).`,
  );
}

/** One non-blank cell converted by the field's type, through its value map when it has one. */
export function convertCell(c: Cell, src: FieldSource, map: CompiledMap | null, mapping: Pick<Mapping, "dateFormats" | "timeZone">): unknown {
  const type = src.type ?? "string";
  if (type === "list") {
    const items = cellText(c).split(/[,;]/).map((s) => s.trim()).filter(Boolean);
    return items.map((s) => (map ? lookup(map, s) : s));
  }
  if (map) return lookup(map, cellText(c));
  switch (type) {
    case "date":
      return isoDate(toDate(c, mapping.dateFormats));
    case "datetime":
      return toDateTime(c, mapping.dateFormats, mapping.timeZone);
    case "int":
      return toNumber(c, true);
    case "number":
      return toNumber(c, false);
    case "boolean":
      return toBoolean(c);
    default:
      return cellText(c);
  }
}
