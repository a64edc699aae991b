// The bulk path of a batch (src/contribute/bulk/): statements bounded by the record types, not the
// number of records; an exact replay writes nothing but is audited; good and bad records mixed get
// exact per-record results and the good ones commit. Real databases, the engine called directly.
import { mixedBatch, prepareBenchDatabase, BENCH_AGENCY } from "../../bench/contribute-batch";
import { contributeBatch, type ContributeOptions } from "../../src/contribute";
import type { Database } from "../../src/db/database";
import { backends, freshDatabase } from "../support/hub";

describe.each(backends)("bulk contributions on %s", (backend) => {
  let db: Database;
  const audited: { decision: string; recordType: string; tx: boolean }[] = [];
  beforeAll(async () => {
    db = await freshDatabase(backend);
    await prepareBenchDatabase(db);
  });
  afterAll(() => db.close());

  const opts = (failOn: string | null = null): ContributeOptions => ({
    prisma: db.prisma,
    contributor: { agency: BENCH_AGENCY, subject: "officer:1", roles: ["bp3mi-officer"], readWhere: () => ({}), linkWhere: () => ({}) },
    audit: async (entry, tx) => {
      if (tx && entry.recordType === failOn) throw new Error("audit append failed");
      audited.push({ decision: entry.decision, recordType: entry.recordType, tx: !!tx });
    },
  });
  const versions = async () =>
    JSON.stringify([
      await db.prisma.personStatement.findMany({ select: { id: true, version: true, updatedAt: true }, orderBy: { id: "asc" } }),
      await db.prisma.case.findMany({ select: { id: true, version: true, updatedAt: true }, orderBy: { id: "asc" } }),
      await db.prisma.serviceReferral.findMany({ select: { id: true, version: true, updatedAt: true }, orderBy: { id: "asc" } }),
    ]);

  it("uses a number of statements that depends on the record types, not on the number of records", async () => {
    const count = async (prefix: string, seed: number, n: number) => {
      const before = db.queryCount;
      const results = await contributeBatch(opts(), mixedBatch(prefix, seed, n));
      expect(results.filter((r) => r.status !== "CREATED")).toEqual([]);
      return db.queryCount - before;
    };
    const small = await count("S", 1, 20);
    const large = await count("L", 2, 300);
    expect(large).toBeLessThanOrEqual(small); // the small one also read the column catalog once
    expect(large).toBeLessThan(80);
  });

  it("answers an exact replay UNCHANGED, writes nothing, and audits every record", async () => {
    const batch = mixedBatch("R", 3, 100);
    await contributeBatch(opts(), batch);
    const before = await versions();
    audited.length = 0;
    const q = db.queryCount;
    const replay = await contributeBatch(opts(), batch);
    expect(new Set(replay.map((r) => r.status))).toEqual(new Set(["UNCHANGED"]));
    expect(await versions()).toBe(before);
    expect(audited.filter((a) => a.decision === "UNCHANGED")).toHaveLength(100);
    expect(db.queryCount - q).toBeLessThan(40);
  });

  it("under concurrency: two agencies stating the same persons at once make one Person each; concurrent resends write once", async () => {
    const as = (agency: string): ContributeOptions => ({ ...opts(), contributor: { ...opts().contributor, agency } });
    const persons = (prefix: string) => mixedBatch(prefix, 7, 100).filter((e) => "person" in e);
    const [a, b] = await Promise.all([contributeBatch(as("AGENCY-A"), persons("CA")), contributeBatch(as("AGENCY-B"), persons("CB"))]);
    expect(new Set([...a, ...b].map((r) => r.status))).toEqual(new Set(["CREATED"]));
    expect(b.map((r) => r.id)).toEqual(a.map((r) => r.id));
    expect(await db.prisma.person.count({ where: { id: { in: a.map((r) => r.id!) } } })).toBe(a.length);

    const batch = mixedBatch("CC", 8, 100);
    const [r1, r2] = await Promise.all([contributeBatch(opts(), batch), contributeBatch(opts(), batch)]);
    for (let i = 0; i < batch.length; i++) expect([r1[i]!.status, r2[i]!.status].sort()).toEqual(["CREATED", "UNCHANGED"]);
    expect(await db.prisma.case.count({ where: { externalId: { startsWith: "CC-" } } })).toBe(10);
    expect(await db.prisma.caseAssignment.count({ where: { case: { externalId: { startsWith: "CC-" } } } })).toBe(10);
    expect(await db.prisma.identityDocument.count({ where: { statement: { externalId: { startsWith: "CC-" } } } })).toBe(30);
  });

  it("gives exact per-record results to good and bad records mixed, and commits the good ones", async () => {
    const batch = mixedBatch("M", 4, 20);
    (batch[1] as any).person.documents[0].number = "123"; // invalid NIK: schema
    (batch[6] as any).caseParticipant.case = { externalId: "no-such-case" }; // reference: database
    batch.push({ legalProceeding: { externalId: "M-lp", sourceSystem: "BENCH", case: { externalId: "M-case-0" }, stage: "INVESTIGATION" } });
    // This one fails only when written (inside the transaction): the whole run is replayed record by record.
    const results = await contributeBatch(opts("LegalProceeding"), batch);
    expect(results[1]).toMatchObject({ status: "REJECTED", errors: [{ path: ["documents", "0", "number"] }] });
    expect(results[6]).toMatchObject({ status: "REJECTED", errors: [{ path: ["case"], code: "NOT_FOUND" }] });
    // Records naming the rejected person (1) find no such person, as they would one by one.
    for (const i of [5, 7, 9]) expect(results[i]).toMatchObject({ status: "REJECTED", errors: [{ code: "NOT_FOUND" }] });
    expect(results[20]).toMatchObject({ status: "REJECTED", errors: [{ code: "INTERNAL" }] });
    expect(results.filter((r) => r.status === "CREATED")).toHaveLength(15);
    expect(await db.prisma.legalProceeding.count({ where: { externalId: "M-lp" } })).toBe(0);
    expect(await db.prisma.caseParticipant.count({ where: { externalId: { startsWith: "M-" } } })).toBe(2);
  });
});
