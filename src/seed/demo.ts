// Deterministic synthetic demo dataset. No record describes a real person.
//
// `seedDemo(db, { scale })` writes about 60 x scale cases (Kalbar reported 54 cases with 175
// victims in 2024) with their persons and surrounding records. Everything comes from seeded
// PRNG streams and a fixed calendar (prng.ts), including the UUIDs, so the same scale always gives
// the same rows. Generation streams in chunks of cases; each chunk is loaded with one COPY per
// table (copy-text.ts) while the next one is generated, so memory stays flat at any scale and
// PostgreSQL works while Node generates. Everything is one transaction: an interrupted seed
// leaves nothing behind, and constraints and indexes stay on throughout.
import type { Database } from "../db/database";
import { withConstraintsBuiltAfterLoad } from "../db/bulk-load";
import type { RawSession } from "../db/raw-sql";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Logger } from "../logger";
import { batchSize, WRITE_ORDER, type Batch } from "./context";
import { copyText } from "./copy-text";
import { DEMO_MARKER, type OrgSeed } from "./organizations";
import { progressLog, type SeedProgress } from "./progress";
import { CASES_PER_SCALE, demoChunks, demoOrganizations } from "./records";
import { bundledSource, codeVersionOf, type RegionRow } from "../regions/source";
import { demoRegions } from "./regions";

export { CASES_PER_SCALE } from "./records";
/** True when the database holds no organizations, persons or cases (reference regions may exist). */
export async function isEmpty(prisma: PrismaClient): Promise<boolean> {
  const [orgs, persons, cases] = await Promise.all([prisma.organization.count(), prisma.person.count(), prisma.case.count()]);
  return orgs === 0 && persons === 0 && cases === 0;
}

/** Table of each batch key (Prisma model names are the table names: the schema has no @@map). */
const TABLES: Record<keyof Batch, string> = {
  persons: "Person",
  personStatements: "PersonStatement",
  identityDocuments: "IdentityDocument",
  cases: "Case",
  caseParticipants: "CaseParticipant",
  caseAssignments: "CaseAssignment",
  migrantPlacements: "MigrantPlacement",
  borderCrossings: "BorderCrossing",
  repatriations: "Repatriation",
  serviceReferrals: "ServiceReferral",
  legalProceedings: "LegalProceeding",
  earlyWarningReports: "EarlyWarningReport",
};

async function writeBatch(tx: RawSession, batch: Batch): Promise<void> {
  for (const key of WRITE_ORDER) await copyRows(tx, TABLES[key], batch[key]);
}

async function copyRows(tx: RawSession, table: string, rows: readonly object[]): Promise<void> {
  if (!rows.length) return;
  const { columns, data } = copyText(table, rows);
  await tx.copyFrom(table, columns, data);
}

/**
 * The demo's regions (Kalbar and Kalsel, regions.ts), parents in the same statement (foreign keys
 * are checked at its end). A migrated database has them all already (src/regions/sync.ts); this
 * keeps the seed whole on one that was not synced, and leaves rows already there as they are.
 */
async function insertDemoRegions(tx: RawSession, rows: readonly RegionRow[]): Promise<void> {
  await tx.query(
    `INSERT INTO "Region" ("code", "name", "level", "parentCode", "codeVersion")
     SELECT r.code, r.name, r.level::"RegionLevel", r.parent, $5 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS r(code, name, level, parent)
     ON CONFLICT ("code") DO NOTHING`,
    [rows.map((r) => r.code), rows.map((r) => r.name), rows.map((r) => r.level), rows.map((r) => r.parentCode), codeVersionOf(bundledSource())],
  );
}

/** Organizations and the tables the case generator fills, loaded with their constraints built afterwards. */
const LOADED_TABLES = ["Organization", ...WRITE_ORDER.map((k) => TABLES[k])];

/** Writes the cases chunk by chunk; at most one chunk is written while the next is generated. */
async function loadCases(tx: RawSession, scale: number, orgs: readonly OrgSeed[], counts: Record<string, number>, progress?: SeedProgress): Promise<void> {
  const done = { cases: 0, rows: 0 };
  progress?.start(CASES_PER_SCALE * scale);
  let writing: Promise<void> = Promise.resolve();
  for await (const { batch, cases } of demoChunks(scale, orgs)) {
    await writing;
    writing = writeBatch(tx, batch).then(() => {
      for (const key of WRITE_ORDER) counts[key] = (counts[key] ?? 0) + batch[key].length;
      done.cases = cases;
      done.rows += batchSize(batch);
      progress?.update(done);
    });
    writing.catch(() => undefined); // awaited above or below; a failure must not count as unhandled meanwhile
  }
  await writing;
  progress?.stop(done);
}

/** The database the demo goes into: Prisma for the checks, the raw driver for the bulk load. */
export type SeedTarget = Pick<Database, "prisma" | "raw">;

export interface SeedOptions {
  scale: number;
  /** Where the seed says what it did; without `progress`, also progress records every 5 s. */
  log?: Logger;
  /** Progress display (progress.ts: a bar at a terminal); default: records on `log`, if any. */
  progress?: SeedProgress;
}

export async function seedDemo(db: SeedTarget, opts: SeedOptions): Promise<Record<string, number>> {
  const { scale, log } = opts;
  const started = performance.now();
  const { prisma } = db;

  const orgs = demoOrganizations(scale); // checks the scale
  // Checked before writing anything, so a second run never stops half-way.
  if (await prisma.organization.findUnique({ where: { sourceAgency_externalId: DEMO_MARKER } })) {
    log?.warn({ marker: DEMO_MARKER }, "demo data already present: nothing seeded");
    return { alreadySeeded: 1 };
  }
  const codes = orgs.flatMap((o) => (o.code ? [o.code] : []));
  const clashing = await prisma.organization.findMany({ where: { code: { in: codes } }, select: { code: true } });
  if (clashing.length) {
    throw new Error(
      `cannot seed demo data: organizations ${clashing.map((c) => c.code).join(", ")} already exist without the demo's marker; seed into an empty database`,
    );
  }

  const progress = opts.progress ?? (log ? progressLog(log) : undefined);
  const counts: Record<string, number> = {};
  await db.raw.transaction(async (tx) => {
    // Regions first (organizations and records name them); those already there are kept.
    const regions = demoRegions();
    await insertDemoRegions(tx, regions);
    counts.regions = regions.length;
    await withConstraintsBuiltAfterLoad(tx, LOADED_TABLES, async () => {
      await copyRows(tx, "Organization", orgs);
      counts.organizations = orgs.length;
      for (const key of WRITE_ORDER) counts[key] = 0;
      await loadCases(tx, scale, orgs, counts, progress);
      log?.info("demo rows loaded: building indexes and checking keys");
    });
    await tx.exec(`ANALYZE ${LOADED_TABLES.map((t) => `"${t}"`).join(", ")}`); // the planner's statistics, before anyone queries
  });
  log?.info({ counts, seconds: Math.round((performance.now() - started) / 100) / 10 }, "demo data seeded");
  return counts;
}
