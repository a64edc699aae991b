// Loads a reference-data release (source.ts) into "Region" in one transaction: COPY into a
// staging table, then one set-based upsert. Idempotent and versioned: "RegionSync" records each
// applied (dataset, version), and a version already there is not applied again. Nothing is
// deleted: a code the new release lacks is marked retired (cases and NIKs still carry it), and a
// renamed region keeps its earlier name in "RegionName".
import { withConstraintsBuiltAfterLoad } from "../db/bulk-load";
import type { RawDatabase } from "../db/raw-sql";
import { copyValue } from "../seed/copy-text";
import { codeVersionOf, readRegionSource, type RegionSource } from "./source";

export type RegionSyncResult =
  | { applied: false; reason: "already-applied" | "newer-applied"; dataset: string; version: string; current: string }
  | {
      applied: true;
      dataset: string;
      version: string;
      provinces: number;
      regencies: number;
      districts: number;
      villages: number;
      added: number;
      renamed: number;
      retired: number;
      durationMs: number;
    };

/** Serialises syncs of concurrent replicas (the migrations use 72707369). */
const LOCK = 72707370;
/** More new rows than this: load with the constraints built afterwards. */
const BULK_ADDED = 5000;

/** Numeric-aware order of release versions: 4.0.1 < 4.0.10 < 4.1.0. */
export function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}

type LedgerRow = { dataset: string; version: string };

async function latestOf(tx: Pick<RawDatabase, "query">, dataset: string): Promise<string | undefined> {
  const rows = await tx.query<LedgerRow>(`SELECT "dataset", "version" FROM "RegionSync" WHERE "dataset" = $1`, [dataset]);
  return rows.map((r) => r.version).sort(compareVersions).at(-1);
}

/**
 * Applies `source` unless that version (or, unless `allowOlder`, a newer one of the same dataset)
 * was applied already. The CSV files are read only when the sync will run.
 */
export async function syncRegions(db: RawDatabase, source: RegionSource, opts: { allowOlder?: boolean } = {}): Promise<RegionSyncResult> {
  // Cheap check outside the transaction: the usual start of an up-to-date hub reads no CSV.
  const before = await latestOf(db, source.dataset);
  if (before !== undefined && compareVersions(before, source.version) >= 0 && !opts.allowOlder) {
    return { applied: false, reason: before === source.version ? "already-applied" : "newer-applied", dataset: source.dataset, version: source.version, current: before };
  }
  const started = performance.now();
  const rows = readRegionSource(source);
  const codeVersion = codeVersionOf(source);
  return db.transaction(async (tx) => {
    await tx.exec(`SELECT pg_advisory_xact_lock(${LOCK})`);
    const done = await tx.query<LedgerRow>(`SELECT "version" FROM "RegionSync" WHERE "dataset" = $1 AND "version" = $2`, [source.dataset, source.version]);
    const current = (await latestOf(tx, source.dataset)) ?? source.version;
    if (done.length) return { applied: false, reason: "already-applied", dataset: source.dataset, version: source.version, current } as const;

    await tx.exec(`CREATE TEMP TABLE "region_stage" ("code" text PRIMARY KEY, "name" text NOT NULL, "level" "RegionLevel" NOT NULL, "parentCode" text) ON COMMIT DROP`);
    let data = "";
    for (const r of rows) data += `${copyValue(r.code)}\t${copyValue(r.name)}\t${r.level}\t${copyValue(r.parentCode)}\n`;
    await tx.copyFrom("region_stage", ["code", "name", "level", "parentCode"], data);
    await tx.exec(`ANALYZE "region_stage"`); // the planner's row counts for the joins below

    const count = async (sql: string, params: unknown[] = []) => Number((await tx.query<{ n: string | number }>(sql, params))[0]!.n);
    const added = await count(`SELECT count(*) AS n FROM "region_stage" s WHERE NOT EXISTS (SELECT 1 FROM "Region" r WHERE r."code" = s."code")`);
    const renamed = await count(
      `WITH h AS (
         INSERT INTO "RegionName" ("code", "name", "version", "replacedInVersion")
         SELECT r."code", r."name", r."codeVersion", $1 FROM "Region" r JOIN "region_stage" s ON s."code" = r."code" WHERE r."name" <> s."name"
         RETURNING 1)
       SELECT count(*) AS n FROM h`,
      [codeVersion],
    );
    const upsert = async () => {
      await tx.query(
        `UPDATE "Region" r SET "name" = s."name", "level" = s."level", "parentCode" = s."parentCode", "codeSystem" = 'KEMENDAGRI',
           "codeVersion" = $1, "retiredAt" = NULL, "retiredInVersion" = NULL
         FROM "region_stage" s WHERE s."code" = r."code"`,
        [codeVersion],
      );
      // One statement, parents with their children: foreign keys are checked at its end.
      await tx.query(
        `INSERT INTO "Region" ("code", "name", "level", "parentCode", "codeSystem", "codeVersion")
         SELECT s."code", s."name", s."level", s."parentCode", 'KEMENDAGRI', $1 FROM "region_stage" s
         WHERE NOT EXISTS (SELECT 1 FROM "Region" r WHERE r."code" = s."code")`,
        [codeVersion],
      );
    };
    // A first load (tens of thousands of new rows) builds Region's indexes and keys once afterwards,
    // several times faster than row by row; a later release changes rows in place.
    if (added > BULK_ADDED) await withConstraintsBuiltAfterLoad(tx, ["Region"], upsert);
    else await upsert();
    // Codes the new release lacks, if any row is not in it (none on a first load into a fresh database).
    const stale = (await count(`SELECT count(*) AS n FROM "Region"`)) > rows.length;
    const retired = !stale ? 0 : await count(
      `WITH u AS (
         UPDATE "Region" r SET "retiredAt" = now(), "retiredInVersion" = $1
         WHERE r."retiredAt" IS NULL AND r."codeSystem" = 'KEMENDAGRI' AND NOT EXISTS (SELECT 1 FROM "region_stage" s WHERE s."code" = r."code")
         RETURNING 1)
       SELECT count(*) AS n FROM u`,
      [codeVersion],
    );
    const byLevel = (level: string) => rows.filter((r) => r.level === level).length;
    const result = {
      applied: true as const,
      dataset: source.dataset,
      version: source.version,
      provinces: byLevel("PROVINCE"),
      regencies: byLevel("REGENCY"),
      districts: byLevel("DISTRICT"),
      villages: byLevel("VILLAGE"),
      added,
      renamed,
      retired,
      durationMs: Math.round(performance.now() - started),
    };
    await tx.query(
      `INSERT INTO "RegionSync" ("dataset", "version", "provinces", "regencies", "districts", "villages", "added", "renamed", "retired", "durationMs")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [result.dataset, result.version, result.provinces, result.regencies, result.districts, result.villages, added, renamed, retired, result.durationMs],
    );
    await tx.exec(`ANALYZE "Region"`);
    return result;
  });
}

/** One line for a terminal or a log: what a sync did. */
export function describeSync(r: RegionSyncResult): string {
  if (!r.applied) {
    return r.reason === "already-applied"
      ? `Regions: ${r.dataset} ${r.version} already loaded.`
      : `Regions: ${r.dataset} ${r.current} (newer than ${r.version}) already loaded; nothing changed.`;
  }
  return (
    `Regions: loaded ${r.dataset} ${r.version} (${r.provinces} provinces, ${r.regencies} kabupaten/kota, ${r.districts} kecamatan, ${r.villages} desa/kelurahan): ` +
    `${r.added} added, ${r.renamed} renamed, ${r.retired} retired, in ${(r.durationMs / 1000).toFixed(1)} s.`
  );
}
