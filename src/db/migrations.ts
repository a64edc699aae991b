// Applies prisma/migrations/<ts>_<name>/migration.sql in order and records them in Prisma's own
// _prisma_migrations table (same columns and sha256 checksums), so an online deployment can
// switch to `prisma migrate deploy` at any time. We apply them ourselves because the offline
// Prisma 6 CLI cannot (see DEVELOPERS notes in README).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { RawSql } from "./raw-sql";

export const MIGRATIONS_DIR = path.resolve(__dirname, "../../prisma/migrations");

export type Migration = { name: string; sql: string; checksum: string };

export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

const LEDGER = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export type MigrationStatus = { applied: string[]; pending: string[]; modified: string[] };

export async function migrationStatus(db: RawSql, all: Migration[] = readMigrations()): Promise<MigrationStatus> {
  const exists = await db.query<{ t: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS t`);
  const rows = exists[0]?.t
    ? await db.query<{ migration_name: string; checksum: string }>(
        `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      )
    : [];
  const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
  return {
    applied: all.filter((m) => done.has(m.name)).map((m) => m.name),
    pending: all.filter((m) => !done.has(m.name)).map((m) => m.name),
    modified: all.filter((m) => done.has(m.name) && done.get(m.name) !== m.checksum).map((m) => m.name),
  };
}

/** Applies pending migrations, each in its own transaction. Returns the names applied. */
export async function applyMigrations(db: RawSql, all: Migration[] = readMigrations()): Promise<string[]> {
  // Serialises concurrent replicas starting with --migrate; same key Prisma uses.
  await db.exec(`SELECT pg_advisory_lock(72707369)`);
  try {
    await db.exec(LEDGER);
    const { pending, modified } = await migrationStatus(db, all);
    if (modified.length > 0) {
      throw new Error(`Applied migrations were edited afterwards: ${modified.join(", ")}`);
    }
    for (const m of all.filter((x) => pending.includes(x.name))) {
      const id = crypto.randomUUID();
      await db.exec(
        `BEGIN;\n${m.sql}\n;INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) ` +
          `VALUES ('${id}', '${m.checksum}', now(), '${m.name.replace(/'/g, "''")}', 1);\nCOMMIT;`,
      );
    }
    return pending;
  } catch (err) {
    await db.exec("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    await db.exec(`SELECT pg_advisory_unlock(72707369)`).catch(() => undefined);
  }
}
