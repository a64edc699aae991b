// Runs once before all test files. Starts a throwaway PostgreSQL cluster when server binaries
// are installed, so every `describe.each(backends)` suite also runs on PostgreSQL, and prepares
// a migrated template database the test hubs copy (CREATE DATABASE ... TEMPLATE is far faster
// than migrating each one). Environment set here reaches the test workers.
//
//   TEST_PG_URL=postgresql://...  use this server instead of starting one (databases are created in it)
//   TEST_PG=0                     skip PostgreSQL for this run (quick local loops)
//   REQUIRE_POSTGRES=1            a run without PostgreSQL is a failure (set by .ci/run)
import os from "node:os";
import { applyMigrations } from "../../src/db/migrations";
import { openDatabase } from "../../src/db/database";
import { bundledSource } from "../../src/regions/source";
import { syncRegions } from "../../src/regions/sync";
import { buildDist } from "./build-dist";
import { findPostgresBinaries, startPostgresCluster, withClient, withDatabase, type PostgresCluster } from "./postgres-cluster";

export interface PostgresRun {
  cluster?: PostgresCluster;
  adminUrl: string;
  template: string;
  /** Undoes the process exit/signal hooks installed below. */
  unhook(): void;
}

// globalSetup and globalTeardown run in the same process; this is how they share state.
export const STATE_KEY = Symbol.for("tppo-hub.test.postgres");

function announce(line: string): void {
  process.stderr.write(`\nPostgreSQL tests: ${line}\n`);
}



/** Creates `name`, applies every migration and loads the reference regions (as `tppo-hub migrate`
 * does); nothing stays connected, so it can be a template. */
async function createTemplate(adminUrl: string, name: string): Promise<string> {
  const version = await withClient(adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}"`);
    await c.query(`CREATE DATABASE "${name}"`);
    return String((await c.query("SELECT current_setting('server_version') AS v")).rows[0].v).split(" ")[0]!;
  });
  const db = await openDatabase({ kind: "postgres", url: withDatabase(adminUrl, name), poolSize: 1 });
  try {
    await applyMigrations(db.raw);
    await syncRegions(db.raw, bundledSource());
  } finally {
    await db.close();
  }
  return version;
}

export default async function globalSetup(): Promise<void> {
  buildDist();
  const required = process.env.REQUIRE_POSTGRES === "1";
  if (process.env.TEST_PG === "0") {
    if (required) throw new Error("PostgreSQL tests: REQUIRE_POSTGRES=1 contradicts TEST_PG=0");
    announce("SKIPPED (TEST_PG=0)");
    return;
  }

  let cluster: PostgresCluster | undefined;
  let adminUrl = process.env.TEST_PG_URL;
  if (!adminUrl) {
    const bin = findPostgresBinaries();
    if (!bin) {
      const hint = "no PostgreSQL server binaries found (looked for initdb, pg_ctl, postgres on PATH and in /usr/lib/postgresql/*/bin)";
      if (required) throw new Error(`PostgreSQL tests: REQUIRE_POSTGRES=1 but ${hint}`);
      announce(`SKIPPED (${hint}; install PostgreSQL to run them)`);
      return;
    }
    try {
      cluster = await startPostgresCluster(bin);
    } catch (err) {
      if (required) throw err;
      announce(`SKIPPED (could not start a PostgreSQL cluster: ${(err as Error).message.split("\n")[0]})`);
      return;
    }
    adminUrl = cluster.url;
  }

  // A cluster we started is gone with the run; in a server someone gave us, the name must not clash.
  const template = cluster ? "tppo_template" : `tppo_template_${process.pid}`;
  const stopCluster = () => cluster?.stop();
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  // exit() rather than re-raising the signal, so other exit hooks (child processes) run too.
  const onSignal = (sig: NodeJS.Signals) => process.exit(128 + (os.constants.signals[sig] ?? 0));
  process.once("exit", stopCluster);
  for (const s of signals) process.once(s, onSignal);
  const unhook = () => {
    process.off("exit", stopCluster);
    for (const s of signals) process.off(s, onSignal);
  };

  let version: string;
  try {
    version = await createTemplate(adminUrl, template);
  } catch (err) {
    unhook();
    stopCluster();
    throw new Error(`PostgreSQL tests: could not prepare the template database: ${(err as Error).message}`);
  }

  process.env.TEST_PG_URL = adminUrl;
  process.env.TEST_PG_TEMPLATE = template;
  const state: PostgresRun = { cluster, adminUrl, template, unhook };
  (globalThis as Record<symbol, unknown>)[STATE_KEY] = state;
  const where = cluster ? `port ${cluster.port}` : `TEST_PG_URL (${new URL(adminUrl).host})`;
  announce(`running against PostgreSQL ${version} on ${where}`);
}
