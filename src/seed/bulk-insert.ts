// Multi-row INSERT statements with inline literals, for the demo's large tables.
//
// Why not createMany: on PGlite, Prisma's createMany writes about 1,300 rows/s (every value passes
// through the query compiler and the driver adapter's parameter encoding); one literal INSERT of
// 1,000 rows writes about 6,000 rows/s, on PGlite and PostgreSQL alike. The rows still have
// Prisma's CreateManyInput types (context.ts), so the compiler checks columns and values; values
// come only from the demo generator, and are escaped all the same.
import type { PrismaClient } from "../generated/prisma/client.ts";

function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** One value as a SQL literal (standard_conforming_strings, the default since PostgreSQL 9.1). */
export function sqlLiteral(v: unknown): string {
  if (v === null) return "NULL";
  if (v === undefined) return "DEFAULT";
  if (v instanceof Date) return quote(v.toISOString()); // timestamp(3)/date columns hold UTC wall time, as Prisma writes them
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error(`cannot write ${v} as SQL`);
    return String(v);
  }
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "string") return quote(v);
  if (Array.isArray(v)) {
    // text[] array literal: every element double-quoted, with " and \ escaped inside.
    const items = v.map((x) => {
      if (typeof x !== "string") throw new Error("only text arrays are supported");
      return `"${x.replace(/[\\"]/g, "\\$&")}"`;
    });
    return quote(`{${items.join(",")}}`);
  }
  throw new Error(`cannot write a ${typeof v} as SQL`);
}

/** INSERT for rows of one table; a column missing from a row takes the column's DEFAULT. */
export function insertSql(table: string, rows: readonly object[]): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const values = rows.map((r) => `(${columns.map((c) => sqlLiteral((r as Record<string, unknown>)[c])).join(",")})`);
  return `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(",")}) VALUES ${values.join(",")}`;
}

export async function bulkInsert(prisma: PrismaClient, table: string, rows: readonly object[], rowsPerStatement: number): Promise<void> {
  for (let i = 0; i < rows.length; i += rowsPerStatement) {
    await prisma.$executeRawUnsafe(insertSql(table, rows.slice(i, i + rowsPerStatement)));
  }
}
