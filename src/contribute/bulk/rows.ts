// Set-based writes for the bulk path: many rows of one table in one statement. Rows travel as one
// JSON parameter expanded by jsonb_to_recordset, so the statement text depends only on the table
// and its column list (never on the number of rows) and binds the same way on PGlite and
// PostgreSQL. Runs on Prisma's transaction client as raw SQL: no per-query compilation.
import type { Prisma, PrismaClient } from "../../generated/prisma/client.ts";

export type SqlClient = Prisma.TransactionClient | PrismaClient;

/** Column -> SQL type (format_type: `timestamp(3) without time zone`, `"CaseStatus"`, `text[]`). */
export type Columns = ReadonlyMap<string, string>;

const catalogs = new WeakMap<object, Promise<Map<string, Columns>>>();

/** Column types of the contributed tables, read once per client (one statement per process). */
export function columnCatalog(prisma: PrismaClient): Promise<Map<string, Columns>> {
  let p = catalogs.get(prisma);
  if (!p) {
    p = prisma
      .$queryRawUnsafe<{ t: string; c: string; ty: string }[]>(
        `SELECT cl.relname::text AS t, a.attname::text AS c, format_type(a.atttypid, a.atttypmod) AS ty
           FROM pg_attribute a JOIN pg_class cl ON cl.oid = a.attrelid JOIN pg_namespace n ON n.oid = cl.relnamespace
          WHERE n.nspname = current_schema() AND cl.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped`,
      )
      .then((rows) => {
        const out = new Map<string, Map<string, string>>();
        for (const r of rows) {
          let m = out.get(r.t);
          if (!m) out.set(r.t, (m = new Map()));
          m.set(r.c, r.ty);
        }
        return out as Map<string, Columns>;
      });
    p.catch(() => catalogs.delete(prisma));
    catalogs.set(prisma, p);
  }
  return p;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A value as jsonb_to_recordset reads it back into the column's type. */
function encode(v: unknown, type: string): unknown {
  if (v == null) return null;
  if (v instanceof Date) return type === "date" ? v.toISOString().slice(0, 10) : v.toISOString(); // timestamps are stored as UTC
  if (typeof v === "bigint") return v.toString();
  return v;
}

function recordset(cols: readonly string[], types: Columns, table: string): string {
  return cols
    .map((c) => {
      const t = types.get(c);
      if (!t) throw new Error(`bulk write: ${table} has no column ${c}`);
      return `${q(c)} ${t}`;
    })
    .join(", ");
}

function payload(rows: readonly Record<string, unknown>[], cols: readonly string[], types: Columns): string {
  return JSON.stringify(rows.map((r) => Object.fromEntries(cols.map((c) => [c, encode(r[c], types.get(c)!)]))));
}

/** INSERT of many rows; every row gives the same columns. */
export async function insertRows(client: SqlClient, types: Columns, table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (!rows.length) return;
  const cols = Object.keys(rows[0]!);
  const list = cols.map(q).join(", ");
  await client.$executeRawUnsafe(
    `INSERT INTO ${q(table)} (${list}) SELECT ${list} FROM jsonb_to_recordset($1::jsonb) AS r(${recordset(cols, types, table)})`,
    payload(rows, cols, types),
  );
}

/**
 * UPDATE of many rows by id: sets the given columns to each row's values; `bump` columns are
 * incremented by one (version).
 */
export async function updateRows(
  client: SqlClient,
  types: Columns,
  table: string,
  rows: readonly Record<string, unknown>[],
  bump: readonly string[] = [],
): Promise<void> {
  if (!rows.length) return;
  const cols = Object.keys(rows[0]!);
  const sets = [...cols.filter((c) => c !== "id").map((c) => `${q(c)} = r.${q(c)}`), ...bump.map((c) => `${q(c)} = t.${q(c)} + 1`)];
  await client.$executeRawUnsafe(
    `UPDATE ${q(table)} AS t SET ${sets.join(", ")} FROM jsonb_to_recordset($1::jsonb) AS r(${recordset(cols, types, table)}) WHERE t."id" = r."id"`,
    payload(rows, cols, types),
  );
}

/** DELETE of rows by id. */
export async function deleteRows(client: SqlClient, table: string, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  await client.$executeRawUnsafe(`DELETE FROM ${q(table)} WHERE "id" = ANY(SELECT jsonb_array_elements_text($1::jsonb))`, JSON.stringify(ids));
}

/**
 * Advisory transaction locks on many keys in one statement, taken in the order given (callers
 * sort them), the same keys and hash as the per-record path's lockKey.
 */
export async function lockKeys(client: SqlClient, keys: readonly string[]): Promise<void> {
  if (!keys.length) return;
  await client.$queryRawUnsafe(
    `SELECT count(pg_advisory_xact_lock(hashtext(k)))::int AS n FROM (SELECT k FROM jsonb_array_elements_text($1::jsonb) WITH ORDINALITY AS e(k, i) ORDER BY i) s`,
    JSON.stringify(keys),
  );
}
