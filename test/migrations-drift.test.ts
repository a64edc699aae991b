// prisma/migrations must build exactly the database prisma/schema.prisma describes, on both
// backends, and the runner (src/db/migrations.ts) must keep Prisma's ledger honest: a migration
// edited after it was applied stops the runner, and a failed one leaves nothing behind.
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { applyMigrations, migrationStatus, readMigrations, MIGRATIONS_DIR } from "../src/db/migrations";
import type { Database } from "../src/db/database";
import { backends, emptyDatabase, freshDatabase } from "./support/hub";
import { catalogDifference, readCatalog } from "./support/catalog";

const ROOT = path.resolve(__dirname, "..");
const run = promisify(execFile);

// What Prisma itself would create for schema.prisma on an empty database. Offline: the CLI uses
// the WASM schema engine (prisma.config.ts). CHECKPOINT_DISABLE skips its update check.
let schemaSql: string;
beforeAll(async () => {
  const cli = path.join(path.dirname(require.resolve("prisma/package.json")), "build/index.js");
  const { stdout } = await run(
    process.execPath,
    [cli, "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    { cwd: ROOT, env: { ...process.env, CHECKPOINT_DISABLE: "1" }, maxBuffer: 64 * 1024 * 1024 },
  );
  schemaSql = stdout;
  expect(schemaSql).toMatch(/CREATE TABLE "Case"/);
});

const sha256 = (text: string) => crypto.createHash("sha256").update(text).digest("hex");

function copyMigrations(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tppo-migrations-"));
  fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

describe.each(backends)("migrations on %s", (backend) => {
  const open: Database[] = [];
  const tmpDirs: string[] = [];
  const fresh = async () => {
    const db = await emptyDatabase(backend);
    open.push(db);
    return db;
  };
  // Migrated by the runner from prisma/migrations (see test/support/hub.ts), so identical to tmpMigrations().
  const migrated = async () => {
    const db = await freshDatabase(backend);
    open.push(db);
    return db;
  };
  const tmpMigrations = () => {
    const dir = copyMigrations();
    tmpDirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    await Promise.all(open.map((db) => db.close()));
    for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it("applying prisma/migrations to an empty database gives exactly what schema.prisma describes", async () => {
    const fromSchema = await fresh();
    await fromSchema.raw.exec(schemaSql);
    const expected = await readCatalog(fromSchema.raw);

    const migrated = await fresh();
    expect(await applyMigrations(migrated.raw)).toEqual(readMigrations().map((m) => m.name));
    const actual = await readCatalog(migrated.raw);

    expect(expected).toContain(`table "Case"`);
    expect(expected.filter((l) => l.startsWith("column ")).length).toBeGreaterThan(100);
    // On failure: `unexpected` is what the migrations create that schema.prisma does not describe,
    // `missing` what schema.prisma describes that no migration creates. See DEVELOPERS.md.
    expect(catalogDifference(actual, expected)).toEqual({ unexpected: [], missing: [] });

    // The comparison sees nullability, types and indexes (a drifted copy must not pass).
    await migrated.raw.exec(`ALTER TABLE "Region" ALTER COLUMN "name" DROP NOT NULL; CREATE INDEX "Region_extra_idx" ON "Region" ("name")`);
    const drifted = catalogDifference(await readCatalog(migrated.raw), expected);
    expect(drifted.missing).toEqual([expect.stringMatching(/^column "Region"\.name text NOT NULL$/)]);
    expect(drifted.unexpected).toEqual([
      expect.stringMatching(/^column "Region"\.name text$/),
      expect.stringMatching(/^index CREATE INDEX "Region_extra_idx" ON public\."Region" USING btree \(name\)$/),
    ]);
  });

  it("records every migration in Prisma's ledger with the sha256 of its file", async () => {
    const db = await fresh();
    const dir = tmpMigrations();
    const names = readMigrations(dir).map((m) => m.name);
    expect(await applyMigrations(db.raw, readMigrations(dir))).toEqual(names);
    const rows = await db.raw.query<{ migration_name: string; checksum: string; finished: boolean; rolled_back_at: unknown; applied_steps_count: number }>(
      `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows).toEqual(
      names.map((name) => ({
        migration_name: name,
        checksum: sha256(fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8")),
        finished: true,
        rolled_back_at: null,
        applied_steps_count: 1,
      })),
    );
    // Applying again is a no-op.
    expect(await applyMigrations(db.raw, readMigrations(dir))).toEqual([]);
    expect(await migrationStatus(db.raw, readMigrations(dir))).toEqual({ applied: names, pending: [], modified: [] });
  });

  it("refuses to migrate when an applied migration file was edited afterwards", async () => {
    const db = await migrated();
    const dir = tmpMigrations();
    const first = readMigrations(dir)[0]!.name;
    const file = path.join(dir, first, "migration.sql");
    const original = fs.readFileSync(file, "utf8");
    fs.appendFileSync(file, "\n-- a harmless-looking edit is still an edit\n");
    // A new migration waiting behind the edited one must not be applied either.
    fs.mkdirSync(path.join(dir, "29991231000000_later"));
    fs.writeFileSync(path.join(dir, "29991231000000_later", "migration.sql"), `CREATE TABLE "Later" ("id" TEXT PRIMARY KEY);`);

    expect(await migrationStatus(db.raw, readMigrations(dir))).toMatchObject({ pending: ["29991231000000_later"], modified: [first] });
    await expect(applyMigrations(db.raw, readMigrations(dir))).rejects.toThrow(`Applied migrations were edited afterwards: ${first}`);
    expect(await db.raw.query(`SELECT to_regclass('"Later"')::text AS t`)).toEqual([{ t: null }]);

    // Restoring the file lets the pending one through.
    fs.writeFileSync(file, original);
    expect(await applyMigrations(db.raw, readMigrations(dir))).toEqual(["29991231000000_later"]);
    expect(await db.raw.query(`SELECT to_regclass('"Later"')::text AS t`)).toEqual([{ t: "\"Later\"" }]);
  });

  it("a failing migration leaves no trace, keeps the ledger open for a retry and the database usable", async () => {
    const db = await migrated();
    const dir = tmpMigrations();
    fs.mkdirSync(path.join(dir, "29991231000000_broken"));
    fs.writeFileSync(
      path.join(dir, "29991231000000_broken", "migration.sql"),
      `CREATE TABLE "Half" ("id" TEXT PRIMARY KEY);\nALTER TABLE "NoSuchTable" ADD COLUMN "x" INTEGER;`,
    );
    await expect(applyMigrations(db.raw, readMigrations(dir))).rejects.toThrow(/NoSuchTable/);
    expect(await db.raw.query(`SELECT to_regclass('"Half"')::text AS t`)).toEqual([{ t: null }]);
    expect((await migrationStatus(db.raw, readMigrations(dir))).pending).toEqual(["29991231000000_broken"]);
    // The migration lock is released and no pooled connection is left inside the failed transaction.
    const locks = `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database
                    WHERE l.locktype = 'advisory' AND d.datname = current_database()`;
    expect(await db.raw.query(locks)).toEqual([{ n: 0 }]);
    const answers = await Promise.all(Array.from({ length: 8 }, () => db.raw.query<{ one: number }>(`SELECT 1 AS one`)));
    expect(answers).toEqual(Array.from({ length: 8 }, () => [{ one: 1 }]));
    expect(await db.prisma.region.count()).toBe(91_599); // the reference regions every migrated database has
  });
});
