// Opens the database the configuration names and enforces the migration policy:
// embedded databases migrate themselves (and load the reference regions); PostgreSQL refuses to
// serve a stale schema unless told.
import path from "node:path";
import type { Config } from "../config";
import type { Logger } from "../logger";
import { openDatabase, type Database } from "./database";
import { applyMigrations, migrationStatus } from "./migrations";
import { bundledSource } from "../regions/source";
import { describeSync, syncRegions } from "../regions/sync";

export class PendingMigrationsError extends Error {
  constructor(pending: string[]) {
    super(
      `PostgreSQL has ${pending.length} pending migration(s) (${pending.join(", ")}). ` +
        `Run \`tppo-hub migrate\` or start with \`tppo-hub serve --migrate\`.`,
    );
    this.name = "PendingMigrationsError";
  }
}

export function openConfiguredDatabase(config: Config): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({ kind: "postgres", url: config.databaseUrl })
    : openDatabase({ kind: "pglite", dataDir: path.join(config.dataDir, "pglite") });
}

/** Migrations, then the reference regions (src/regions): a migrated database can take any NIK. */
export async function prepareSchema(db: Database, opts: { migrate: boolean; log: Logger }): Promise<void> {
  if (db.kind === "pglite" || opts.migrate) {
    const applied = await applyMigrations(db.raw);
    if (applied.length) {
      opts.log.info({ applied }, "migrations applied");
      await db.typesChanged();
    }
    const regions = await syncRegions(db.raw, bundledSource());
    if (regions.applied) opts.log.info({ regions }, describeSync(regions));
    return;
  }
  const s = await migrationStatus(db.raw);
  if (s.modified.length) throw new Error(`Applied migrations were edited afterwards: ${s.modified.join(", ")}`);
  if (s.pending.length) throw new PendingMigrationsError(s.pending);
  const synced = await db.raw.query(`SELECT 1 FROM "RegionSync" LIMIT 1`);
  if (!synced.length) opts.log.warn("no reference regions loaded: every NIK is refused (NIK_REGION). Run `tppo-hub regions sync` (or `tppo-hub migrate`).");
}
