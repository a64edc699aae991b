// Loading many rows into tables the way pg_restore does: indexes and key constraints are built
// once after the data (a sort per index, one join per foreign key) instead of being updated and
// checked row by row, which costs PostgreSQL about ten times more on the demo's tables.
//
// Safe because it all happens inside the caller's transaction: other sessions wait on the tables'
// locks and never see them without their constraints, every constraint is re-created from its own
// definition and validated against all rows, and any violation (or any other failure) rolls the
// whole load back, constraints and all.
import type { RawSession } from "./raw-sql";

interface Definition {
  table: string;
  name: string;
  def: string;
}

/**
 * Runs `load` with the listed tables' indexes, primary and unique keys and foreign keys (also
 * those of other tables pointing at them) dropped, then re-creates them exactly as they were.
 * Check constraints, NOT NULL and triggers stay in force throughout.
 * Tables are named as in the schema (`Person`), unquoted.
 */
export async function withConstraintsBuiltAfterLoad<T>(tx: RawSession, tables: readonly string[], load: () => Promise<T>): Promise<T> {
  const names = tables.map((t) => `"${t.replace(/"/g, '""')}"`); // regclass::text spells mixed-case names quoted
  const constraints = await tx.query<Definition & { kind: string }>(
    `SELECT c.conrelid::regclass::text AS "table", quote_ident(c.conname) AS name, pg_get_constraintdef(c.oid) AS def, c.contype AS kind
       FROM pg_constraint c
      WHERE (c.contype IN ('p', 'u', 'x') AND c.conrelid::regclass::text = ANY($1::text[]))
         OR (c.contype = 'f' AND (c.conrelid::regclass::text = ANY($1::text[]) OR c.confrelid::regclass::text = ANY($1::text[])))
      ORDER BY c.oid`,
    [names],
  );
  // Indexes of their own (a key constraint's index goes and comes back with the constraint).
  const indexes = await tx.query<Definition>(
    `SELECT i.indrelid::regclass::text AS "table", i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i
      WHERE i.indrelid::regclass::text = ANY($1::text[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)
      ORDER BY i.indexrelid`,
    [names],
  );
  const foreign = constraints.filter((c) => c.kind === "f");
  const keys = constraints.filter((c) => c.kind !== "f");

  for (const c of [...foreign, ...keys]) await tx.exec(`ALTER TABLE ${c.table} DROP CONSTRAINT ${c.name}`);
  for (const i of indexes) await tx.exec(`DROP INDEX ${i.name}`);
  const result = await load();
  for (const c of keys) await tx.exec(`ALTER TABLE ${c.table} ADD CONSTRAINT ${c.name} ${c.def}`);
  for (const i of indexes) await tx.exec(i.def);
  for (const c of foreign) await tx.exec(`ALTER TABLE ${c.table} ADD CONSTRAINT ${c.name} ${c.def}`);
  return result;
}
