// Deterministic synthetic demo dataset. No record describes a real person.
//
// `seedDemo(prisma, { scale })` writes about 60 x scale cases (Kalbar reported 54 cases with 175
// victims in 2024) with their persons and surrounding records. Everything comes from seeded
// PRNG streams and a fixed calendar (prng.ts), including the UUIDs, so the same scale always gives
// the same rows. Generation streams in chunks of cases, each written with multi-row INSERTs
// (bulk-insert.ts), so memory stays flat at any scale.
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Logger } from "../logger";
import { addDeportee, addMigrantWorker, addStandaloneWarning } from "./background";
import { bulkInsert } from "./bulk-insert";
import { addCase, type SuspectPool } from "./cases";
import { batchSize, emptyBatch, SeedContext, WRITE_ORDER, type Batch } from "./context";
import { buildOrganizations, DEMO_MARKER, OrgIndex, type OrgSeed } from "./organizations";
import { Rng } from "./prng";
import { DISTRICTS, PROVINCES, REGENCIES, levelOf, parentOf, type RegionSeed } from "./regions";
import { SYNTHETIC_DISTRICTS, SYNTHETIC_VILLAGES } from "./synthetic-regions";

/** Version of the generator: change it when the dataset changes shape, so old and new never mix. */
const SEED = "tppo-hub-demo/v1";
export const CASES_PER_SCALE = 60;
/** Cases generated before each write; about 35 rows per case. */
const CASES_PER_CHUNK = 200;
/** Rows per INSERT statement (bind parameters for createMany, statement size for bulk inserts). */
const ROWS_PER_INSERT = 1000;

/** True when the database holds no organizations, persons or cases (reference regions may exist). */
export async function isEmpty(prisma: PrismaClient): Promise<boolean> {
  const [orgs, persons, cases] = await Promise.all([prisma.organization.count(), prisma.person.count(), prisma.case.count()]);
  return orgs === 0 && persons === 0 && cases === 0;
}

async function insertRegions(prisma: PrismaClient, rows: readonly RegionSeed[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await prisma.region.createMany({
      data: rows.slice(i, i + ROWS_PER_INSERT).map((r) => ({ code: r.code, name: r.name, level: levelOf(r.code), parentCode: parentOf(r.code) })),
      skipDuplicates: true,
    });
  }
}

/** The real Kemendagri regions (provinces, kabupaten/kota, PLBN kecamatan). */
export async function seedRegions(prisma: PrismaClient): Promise<number> {
  const all = [...PROVINCES, ...REGENCIES, ...DISTRICTS];
  await insertRegions(prisma, all);
  return all.length;
}

/** The demo's synthetic kecamatan and desa/kelurahan (synthetic-regions.ts); parents first. */
export async function seedSyntheticRegions(prisma: PrismaClient): Promise<number> {
  await insertRegions(prisma, SYNTHETIC_DISTRICTS);
  await insertRegions(prisma, SYNTHETIC_VILLAGES);
  return SYNTHETIC_DISTRICTS.length + SYNTHETIC_VILLAGES.length;
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

async function writeBatch(prisma: PrismaClient, batch: Batch, counts: Record<string, number>): Promise<void> {
  for (const key of WRITE_ORDER) {
    await bulkInsert(prisma, TABLES[key], batch[key], ROWS_PER_INSERT);
    counts[key] = (counts[key] ?? 0) + batch[key].length;
  }
}

async function writeOrganizations(prisma: PrismaClient, orgs: readonly OrgSeed[]): Promise<void> {
  for (let i = 0; i < orgs.length; i += ROWS_PER_INSERT) await prisma.organization.createMany({ data: orgs.slice(i, i + ROWS_PER_INSERT) });
}

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

export async function seedDemo(prisma: PrismaClient, opts: { scale: number; log?: Logger }): Promise<Record<string, number>> {
  const { scale, log } = opts;
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`scale must be a positive integer, got ${scale}`);
  const started = process.hrtime.bigint();

  const orgs = buildOrganizations(new Rng(`${SEED}/organizations`), scale);
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

  // Agencies come first: every other record names one as its source. Only the real reference
  // regions precede them, because an agency's regionCode must exist.
  const counts: Record<string, number> = {};
  counts.regions = await seedRegions(prisma);
  await writeOrganizations(prisma, orgs.filter((o) => o.kind === "AGENCY"));
  counts.regions += await seedSyntheticRegions(prisma);
  await writeOrganizations(prisma, orgs.filter((o) => o.kind !== "AGENCY"));
  counts.organizations = orgs.length;
  log?.info({ regions: counts.regions, organizations: counts.organizations }, "demo regions and organizations seeded");

  const ctx = new SeedContext(SEED, new OrgIndex(orgs));
  const total = CASES_PER_SCALE * scale;
  let lastLog = process.hrtime.bigint();
  for (let from = 0; from < total; from += CASES_PER_CHUNK) {
    const pool: SuspectPool = new Map(); // per chunk: memory stays bounded, output stays deterministic
    for (let i = from; i < Math.min(total, from + CASES_PER_CHUNK); i++) {
      addCase(ctx, i, pool);
      // Per 60 cases: 40 procedural workers, 10 deportees, 15 warnings outside any case.
      if (i % 3 !== 0) addMigrantWorker(ctx);
      if (i % 6 === 1) addDeportee(ctx);
      if (i % 4 === 0) addStandaloneWarning(ctx);
    }
    const rows = batchSize(ctx.batch);
    await writeBatch(prisma, ctx.batch, counts);
    ctx.batch = emptyBatch();
    counts.rowsWritten = (counts.rowsWritten ?? 0) + rows;
    if (log && (seconds(lastLog) >= 5 || from + CASES_PER_CHUNK >= total)) {
      lastLog = process.hrtime.bigint();
      const elapsed = seconds(started);
      log.info(
        { cases: Math.min(total, from + CASES_PER_CHUNK), of: total, rows: counts.rowsWritten, rowsPerSecond: Math.round(counts.rowsWritten / elapsed) },
        "demo seed progress",
      );
    }
  }
  delete counts.rowsWritten;
  log?.info({ counts, seconds: Math.round(seconds(started) * 10) / 10 }, "demo data seeded");
  return counts;
}
