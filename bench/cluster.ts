// The benchmark's database: a throwaway PostgreSQL cluster (the tests' own starter,
// test/support/postgres-cluster.ts) with pg_stat_statements loaded, one database migrated and
// seeded with the demo dataset through the hub's seeder, then VACUUM ANALYZE.
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "../src/db/database";
import { applyMigrations } from "../src/db/migrations";
import { seedDemo } from "../src/seed/demo";
import { findPostgresBinaries, startPostgresCluster, withClient, withDatabase, type PostgresCluster } from "../test/support/postgres-cluster";

export interface BenchDatabase {
  cluster: PostgresCluster;
  /** Superuser URL of the seeded database. */
  url: string;
  /** Postmaster pid (backends are its children and inherit its CPU affinity). */
  postmasterPid: number;
  seedSeconds: number;
  counts: Record<string, number>;
  close(): void;
}



/** Starts the cluster, creates `bench`, migrates and seeds it at `scale`, analyses it. */
export async function startBenchDatabase(scale: number, log: (line: string) => void): Promise<BenchDatabase> {
  const bin = findPostgresBinaries();
  if (!bin) throw new Error("no PostgreSQL server binaries found (initdb, pg_ctl, postgres on PATH or in /usr/lib/postgresql/*/bin)");
  const cluster = await startPostgresCluster(bin, undefined, [
    "shared_preload_libraries = 'pg_stat_statements'",
    "pg_stat_statements.track = all",
    "pg_stat_statements.max = 10000",
    "shared_buffers = 256MB",
  ]);
  try {
    log(`PostgreSQL ${cluster.version} on 127.0.0.1:${cluster.port} (${cluster.dir})`);
    await withClient(cluster.url, (c) => c.query("CREATE DATABASE bench"));
    const url = withDatabase(cluster.url, "bench");
    await withClient(url, (c) => c.query("CREATE EXTENSION pg_stat_statements"));
    const db = await openDatabase({ kind: "postgres", url, poolSize: 4 });
    const t0 = process.hrtime.bigint();
    let counts: Record<string, number>;
    try {
      await applyMigrations(db.raw);
      counts = await seedDemo(db, { scale });
    } finally {
      await db.close();
    }
    const seedSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
    log(`seeded scale ${scale} in ${seedSeconds.toFixed(1)} s: ${counts.cases ?? "?"} cases`);
    await withClient(url, (c) => c.query("VACUUM ANALYZE"));
    const postmasterPid = Number(fs.readFileSync(path.join(cluster.dir, "data", "postmaster.pid"), "utf8").split("\n")[0]);
    return { cluster, url, postmasterPid, seedSeconds, counts, close: () => cluster.stop() };
  } catch (err) {
    cluster.stop();
    throw err;
  }
}
