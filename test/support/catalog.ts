// A normalized description of what schema.prisma can describe, read from pg_catalog: tables,
// columns (type, nullability, default), enums, indexes and primary/unique/foreign keys in the
// public schema. Deliberately NOT included, because migrations add them on purpose beyond
// Prisma's model: triggers, functions, check constraints, views, comments and grants.
// Enum values are compared as sets: a migration that adds a value appends it (Prisma generates
// ALTER TYPE ... ADD VALUE), while a schema built from scratch lists it where schema.prisma does.
// Each entry is one line, so two catalogs compare as sorted string lists with a readable diff.
import type { RawSql } from "../../src/db/raw-sql";

/** Prisma's migration ledger exists only where migrations were applied by a runner. */
const IGNORED_TABLES = ["_prisma_migrations"];

export async function readCatalog(db: RawSql): Promise<string[]> {
  const ignored = `(${IGNORED_TABLES.map((t) => `'${t}'`).join(", ")})`;
  const rows = await db.query<{ line: string }>(`
    SELECT format('table %I', c.relname) AS line
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname NOT IN ${ignored}
    UNION ALL
    SELECT format('column %I.%I %s%s%s%s', c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
                  CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END,
                  CASE WHEN d.adbin IS NOT NULL THEN ' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid) ELSE '' END,
                  CASE WHEN a.attidentity <> '' THEN ' IDENTITY ' || a.attidentity::text ELSE '' END)
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname NOT IN ${ignored}
       AND a.attnum > 0 AND NOT a.attisdropped
    UNION ALL
    SELECT format('enum %I (%s)', t.typname, string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumlabel))
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
     WHERE n.nspname = 'public'
     GROUP BY t.typname
    UNION ALL
    SELECT format('index %s', pg_get_indexdef(i.indexrelid))
      FROM pg_index i
      JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND t.relname NOT IN ${ignored}
    UNION ALL
    SELECT format('constraint %I on %I: %s', con.conname, t.relname, pg_get_constraintdef(con.oid))
      FROM pg_constraint con
      JOIN pg_class t ON t.oid = con.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND con.contype IN ('p', 'u', 'f') AND t.relname NOT IN ${ignored}
  `);
  return rows.map((r) => r.line).sort();
}

/** What one catalog has that the other lacks, in both directions. */
export function catalogDifference(actual: string[], expected: string[]): { unexpected: string[]; missing: string[] } {
  const a = new Set(actual);
  const e = new Set(expected);
  return { unexpected: actual.filter((x) => !e.has(x)), missing: expected.filter((x) => !a.has(x)) };
}
