// Benchmark of `contribute` with a batch of 1,000 mixed records (organizations, persons with NIKs,
// cases with assignments, participants, placements, crossings, referrals, referencing each other
// inside the batch): cold, exact replay, and the floor, a hand-written bulk INSERT ... ON CONFLICT
// from unnest writing the same rows in 9 statements, interleaved in one run.
//
//   npx tsx bench/contribute-batch.ts [--rounds 3]      (PostgreSQL: BENCH_DATABASE_URL, or a
//                                                         throwaway cluster on 127.0.0.1)
// The exported functions are for the benchmark suite (`npm run bench`).
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { contributeBatch, type ContributeOptions } from "../src/contribute";
import { openDatabase, type Database } from "../src/db/database";
import { applyMigrations } from "../src/db/migrations";
import { bundledSource } from "../src/regions/source";
import { syncRegions } from "../src/regions/sync";

export const BENCH_AGENCY = "BENCH-KALBAR";
/** Records per group; a batch of 1,000 is 100 groups. */
const GROUP = 10;

/** A valid NIK of Kota Pontianak (61.71.01), a man born on day `day` of January 1990, serial n. */
const nik = (day: number, n: number) => `617101${String(day).padStart(2, "0")}0190${String(n).padStart(4, "0")}`;

/**
 * The mixed batch, deterministic for a prefix: per group of 10, a P3MI, three persons (NIK), a
 * case assigned to the P3MI, a victim and a suspect, a placement, a border crossing and a referral,
 * each referencing records earlier in the batch by externalId. `seed` (1-28) makes the NIKs of
 * one batch differ from another's, so a new prefix with a new seed is a cold batch.
 */
export function mixedBatch(prefix: string, seed: number, n = 1000): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const src = "BENCH";
  for (let g = 0; out.length < n; g++) {
    const org = `${prefix}-org-${g}`;
    const per = (k: number) => `${prefix}-per-${g}-${k}`;
    const kase = `${prefix}-case-${g}`;
    const group: Record<string, unknown>[] = [
      { organization: { externalId: org, sourceSystem: src, name: `PT Bench ${g}`, kind: "P3MI", licenceNumber: `SIP3MI-${g}`, licenceStatus: "ACTIVE", regionCode: "61.71" } },
      ...[1, 2, 3].map((k) => ({
        person: { externalId: per(k), sourceSystem: src, fullName: `Orang Bench ${g}-${k}`, sex: "Masculine", originRegionCode: "61.71", documents: [{ type: "NIK", number: nik(seed, g * 3 + k) }] },
      })),
      { case: { externalId: kase, sourceSystem: src, title: `Kasus ${g}`, destinationCountry: "MY", originRegionCode: "61.71", assignedOrganizations: [{ organization: { externalId: org }, purpose: "MIGRANT_WORKER_PROTECTION" }] } },
      { caseParticipant: { externalId: `${prefix}-vic-${g}`, sourceSystem: src, case: { externalId: kase }, person: { externalId: per(1) }, role: "VICTIM", ageAtExploitation: 24, needs: ["SHELTER"] } },
      { caseParticipant: { externalId: `${prefix}-sus-${g}`, sourceSystem: src, case: { externalId: kase }, person: { externalId: per(3) }, role: "SUSPECT" } },
      { migrantPlacement: { externalId: `${prefix}-pl-${g}`, sourceSystem: src, worker: { externalId: per(1) }, case: { externalId: kase }, p3mi: { externalId: org }, destinationCountry: "MY", procedural: false, departureDate: "2023-01-10" } },
      { borderCrossing: { externalId: `${prefix}-bc-${g}`, sourceSystem: src, person: { externalId: per(2) }, direction: "EXIT", post: "PLBN_ENTIKONG", crossedAt: "2023-01-11T03:00:00Z" } },
      { serviceReferral: { externalId: `${prefix}-ref-${g}`, sourceSystem: src, person: { externalId: per(1) }, case: { externalId: kase }, toOrganization: { externalId: org }, serviceType: "SHELTER", requestedAt: "2023-02-01T08:00:00Z" } },
    ];
    out.push(...group.slice(0, n - out.length));
  }
  return out;
}

/** Regions and the bench agency's own Organization (the referrals' sender). Idempotent. */
export async function prepareBenchDatabase(db: Database): Promise<void> {
  await syncRegions(db.raw, bundledSource());
  await db.prisma.organization.upsert({
    where: { code: BENCH_AGENCY },
    create: { code: BENCH_AGENCY, name: "Bench agency", kind: "AGENCY", agencyType: "MIGRANT_WORKER_AGENCY", sourceAgency: BENCH_AGENCY, sourceSystem: "BENCH", externalId: "self", contributedBy: "bench" },
    update: {},
  });
}

/** Contribution options of the bench agency: every row readable and linkable, audit appended. */
export function benchOptions(db: Database): ContributeOptions {
  const { appendAuditEntries } = require("../src/audit/append") as typeof import("../src/audit/append");
  const toRow = (e: { recordType: string; recordIds: string[]; fields: string[]; decision: string }) => ({
    requestId: "bench",
    agency: BENCH_AGENCY,
    roles: ["bp3mi-officer"],
    purpose: "bench",
    operationName: null,
    action: "WRITE" as const,
    recordType: e.recordType,
    recordIds: [...e.recordIds].sort(),
    fields: [...e.fields].sort(),
    decision: e.decision,
  });
  return {
    prisma: db.prisma,
    contributor: { agency: BENCH_AGENCY, subject: "bench", roles: ["bp3mi-officer"], readWhere: () => ({}), linkWhere: () => ({}) },
    audit: async (e, tx) => void (await appendAuditEntries(tx ?? db.prisma, [toRow(e)])),
    onBulkFallback: (err) => console.error("bulk path failed:", err),
    auditMany: async (es, tx) => void (await appendAuditEntries(tx ?? db.prisma, es.map(toRow))),
  };
}

/**
 * The floor: the same rows as mixedBatch(prefix, seed) written by hand, set-based, with
 * INSERT ... SELECT FROM unnest(...) ON CONFLICT: 9 statements in one transaction, no
 * validation, no matching, no audit. References are resolved in memory (the floor knows them).
 */
export async function runSqlFloor(db: Database, prefix: string, seed: number, n = 1000): Promise<void> {
  const groups = Math.ceil(n / GROUP);
  const id = () => randomUUID();
  const org = [] as { id: string; ext: string; name: string }[];
  const person = [] as { id: string }[];
  const st = [] as { id: string; personId: string; ext: string; name: string }[];
  const doc = [] as { id: string; personId: string; statementId: string; number: string }[];
  const kase = [] as { id: string; ext: string; title: string }[];
  const part = [] as { id: string; ext: string; caseId: string; personId: string; role: string }[];
  const pl = [] as { id: string; ext: string; workerId: string; caseId: string; p3miId: string }[];
  const bc = [] as { id: string; ext: string; personId: string }[];
  const ref = [] as { id: string; ext: string; personId: string; caseId: string; toId: string }[];
  for (let g = 0; g < groups; g++) {
    const o = { id: id(), ext: `${prefix}-org-${g}`, name: `PT Bench ${g}` };
    org.push(o);
    const ps = [1, 2, 3].map((k) => {
      const p = { id: id() };
      person.push(p);
      const s = { id: id(), personId: p.id, ext: `${prefix}-per-${g}-${k}`, name: `Orang Bench ${g}-${k}` };
      st.push(s);
      doc.push({ id: id(), personId: p.id, statementId: s.id, number: nik(seed, g * 3 + k) });
      return p.id;
    });
    const c = { id: id(), ext: `${prefix}-case-${g}`, title: `Kasus ${g}` };
    kase.push(c);
    part.push({ id: id(), ext: `${prefix}-vic-${g}`, caseId: c.id, personId: ps[0]!, role: "VICTIM" }, { id: id(), ext: `${prefix}-sus-${g}`, caseId: c.id, personId: ps[2]!, role: "SUSPECT" });
    pl.push({ id: id(), ext: `${prefix}-pl-${g}`, workerId: ps[0]!, caseId: c.id, p3miId: o.id });
    bc.push({ id: id(), ext: `${prefix}-bc-${g}`, personId: ps[1]! });
    ref.push({ id: id(), ext: `${prefix}-ref-${g}`, personId: ps[0]!, caseId: c.id, toId: o.id });
  }
  const P = `'${BENCH_AGENCY}', 'BENCH', 'bench', now(), now()`;
  const PC = `"sourceAgency", "sourceSystem", "contributedBy", "contributedAt", "updatedAt"`;
  const conflict = (table: string, set: string) => `ON CONFLICT ("sourceAgency", "externalId") DO UPDATE SET ${set}, "version" = "${table}"."version" + 1`;
  const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
  const statements: [string, unknown[]][] = [
    [
      `INSERT INTO "Organization" ("id", "externalId", "name", "kind", "licenceNumber", "licenceStatus", "regionCode", ${PC})
       SELECT id, ext, name, 'P3MI'::"OrganizationKind", 'SIP3MI-' || ext, 'ACTIVE'::"LicenceStatus", '61.71', ${P} FROM unnest($1::text[], $2::text[], $3::text[]) AS u(id, ext, name)
       ${conflict("Organization", `"name" = excluded."name"`)}`,
      [ids(org), org.map((o) => o.ext), org.map((o) => o.name)],
    ],
    [`INSERT INTO "Person" ("id", "createdByAgency", "updatedAt") SELECT id, '${BENCH_AGENCY}', now() FROM unnest($1::text[]) AS u(id) ON CONFLICT DO NOTHING`, [ids(person)]],
    [
      `INSERT INTO "PersonStatement" ("id", "personId", "externalId", "fullName", "sex", "originRegionCode", ${PC})
       SELECT id, pid, ext, name, 'Masculine'::"Sex", '61.71', ${P} FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(id, pid, ext, name)
       ${conflict("PersonStatement", `"fullName" = excluded."fullName"`)}`,
      [ids(st), st.map((x) => x.personId), st.map((x) => x.ext), st.map((x) => x.name)],
    ],
    [
      `INSERT INTO "IdentityDocument" ("id", "personId", "statementId", "type", "number", "issuingCountry", "flags")
       SELECT id, pid, sid, 'NIK'::"IdentityDocumentType", num, 'ID', '{}' FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(id, pid, sid, num) ON CONFLICT DO NOTHING`,
      [ids(doc), doc.map((d) => d.personId), doc.map((d) => d.statementId), doc.map((d) => d.number)],
    ],
    [
      `INSERT INTO "Case" ("id", "externalId", "title", "destinationCountry", "originRegionCode", ${PC})
       SELECT id, ext, title, 'MY', '61.71', ${P} FROM unnest($1::text[], $2::text[], $3::text[]) AS u(id, ext, title)
       ${conflict("Case", `"title" = excluded."title"`)}`,
      [ids(kase), kase.map((c) => c.ext), kase.map((c) => c.title)],
    ],
    [
      `INSERT INTO "CaseParticipant" ("id", "externalId", "caseId", "personId", "role", ${PC})
       SELECT id, ext, cid, pid, role::"ParticipantRole", ${P} FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(id, ext, cid, pid, role)
       ${conflict("CaseParticipant", `"role" = excluded."role"`)}`,
      [ids(part), part.map((x) => x.ext), part.map((x) => x.caseId), part.map((x) => x.personId), part.map((x) => x.role)],
    ],
    [
      `INSERT INTO "MigrantPlacement" ("id", "externalId", "workerId", "caseId", "p3miId", "destinationCountry", "procedural", ${PC})
       SELECT id, ext, wid, cid, oid, 'MY', false, ${P} FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(id, ext, wid, cid, oid)
       ${conflict("MigrantPlacement", `"caseId" = excluded."caseId"`)}`,
      [ids(pl), pl.map((x) => x.ext), pl.map((x) => x.workerId), pl.map((x) => x.caseId), pl.map((x) => x.p3miId)],
    ],
    [
      `INSERT INTO "BorderCrossing" ("id", "externalId", "personId", "direction", "post", "crossedAt", ${PC})
       SELECT id, ext, pid, 'EXIT'::"CrossingDirection", 'PLBN_ENTIKONG'::"BorderPost", '2023-01-11 03:00:00', ${P} FROM unnest($1::text[], $2::text[], $3::text[]) AS u(id, ext, pid)
       ${conflict("BorderCrossing", `"personId" = excluded."personId"`)}`,
      [ids(bc), bc.map((x) => x.ext), bc.map((x) => x.personId)],
    ],
    [
      `INSERT INTO "ServiceReferral" ("id", "externalId", "personId", "caseId", "toOrganizationId", "fromOrganizationId", "serviceType", "requestedAt", ${PC})
       SELECT id, ext, pid, cid, oid, (SELECT "id" FROM "Organization" WHERE "code" = '${BENCH_AGENCY}'), 'SHELTER'::"ServiceType", '2023-02-01 08:00:00', ${P} FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(id, ext, pid, cid, oid)
       ${conflict("ServiceReferral", `"caseId" = excluded."caseId"`)}`,
      [ids(ref), ref.map((x) => x.ext), ref.map((x) => x.personId), ref.map((x) => x.caseId), ref.map((x) => x.toId)],
    ],
  ];
  // RawSql has no transaction of its own: the floor runs its statements in autocommit.
  for (const [sql, params] of statements) await db.raw.query(sql, params);
}

export interface BatchFigures {
  coldMs: number;
  replayMs: number;
  floorMs: number;
  coldStatements: number;
  replayStatements: number;
  records: number;
}

/** One round: a cold batch, its exact replay, and the floor on fresh keys. */
export async function measureRound(db: Database, round: number, n = 1000, audit = true): Promise<BatchFigures> {
  const opts = benchOptions(db);
  // Without the audit: what the contribution engine costs apart from appending the entries.
  if (!audit) Object.assign(opts, { audit: async () => {}, auditMany: async () => {} });
  const prefix = `B${round}-${Date.now().toString(36)}`;
  const batch = mixedBatch(prefix, 1 + (round % 14), n);
  let q = db.queryCount;
  let t = performance.now();
  const cold = await contributeBatch(opts, batch);
  const coldMs = performance.now() - t;
  const coldStatements = db.queryCount - q;
  const bad = cold.filter((r) => r.status !== "CREATED");
  if (bad.length) throw new Error(`cold batch: ${bad.length} records not CREATED, e.g. ${JSON.stringify(bad[0])}`);
  q = db.queryCount;
  t = performance.now();
  const replay = await contributeBatch(opts, batch);
  const replayMs = performance.now() - t;
  const replayStatements = db.queryCount - q;
  if (replay.some((r) => r.status !== "UNCHANGED")) throw new Error("replay: not all UNCHANGED");
  t = performance.now();
  await runSqlFloor(db, `F${prefix}`, 15 + (round % 14), n);
  const floorMs = performance.now() - t;
  return { coldMs, replayMs, floorMs, coldStatements, replayStatements, records: n };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const i = process.argv.indexOf("--rounds");
  const rounds = i > 0 ? Number(process.argv[i + 1]) : 3;
  let url = process.env.BENCH_DATABASE_URL;
  let stop = () => {};
  if (!url) {
    const { findPostgresBinaries, startPostgresCluster } = require("../test/support/postgres-cluster") as typeof import("../test/support/postgres-cluster");
    const bin = findPostgresBinaries();
    if (!bin) throw new Error("no PostgreSQL binaries: set BENCH_DATABASE_URL");
    const cluster = await startPostgresCluster(bin);
    stop = () => cluster.stop();
    url = cluster.url;
  }
  const db = await openDatabase({ kind: "postgres", url: url! });
  try {
    await applyMigrations(db.raw);
    await prepareBenchDatabase(db);
    await measureRound(db, 0, 100); // warm-up: connections, catalog, JIT of the engine
    for (const audit of [true, false]) {
      const all: BatchFigures[] = [];
      for (let r = 1; r <= rounds; r++) {
        const f = await measureRound(db, r + (audit ? 0 : rounds), 1000, audit);
        all.push(f);
        console.log(`round ${r}${audit ? "" : " (no audit)"}: cold ${f.coldMs.toFixed(0)} ms (${f.coldStatements} statements), replay ${f.replayMs.toFixed(0)} ms (${f.replayStatements}), floor ${f.floorMs.toFixed(0)} ms`);
      }
      const cold = median(all.map((f) => f.coldMs));
      const replay = median(all.map((f) => f.replayMs));
      const floor = median(all.map((f) => f.floorMs));
      console.log(
        `median of ${rounds}${audit ? ", audit on" : ", audit off"}: cold ${cold.toFixed(0)} ms = ${((1000 * 1000) / cold).toFixed(0)} records/s, ${(cold / floor).toFixed(1)}x the floor (${floor.toFixed(0)} ms); replay ${replay.toFixed(0)} ms = ${(replay / cold).toFixed(2)}x cold`,
      );
    }
  } finally {
    await db.close();
    stop();
  }
}

if (require.main === module) main().catch((err) => {
  console.error(err);
  process.exit(1);
});
