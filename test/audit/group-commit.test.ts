// Group commit (docs/audit.md): many requests, and several hubs on one PostgreSQL, share seal
// passes and still produce ONE exact chain: seq 1, 2, 3, ... without a gap or a fork, every entry
// once. Entries committed but not yet sealed (the inbox) are sealed by the next pass, never lost,
// and cannot be changed; tampering with sealed entries is still detected.
import { randomUUID } from "node:crypto";
import { appendAuditEntries, recordAuditEntries, type AuditEntryInput } from "../../src/audit/append";
import { AuditSealer, auditSealer } from "../../src/audit/sealer";
import { AuditTrail } from "../../src/audit/trail";
import { verifyAuditChain } from "../../src/audit/verify";
import { applyMigrations } from "../../src/db/migrations";
import { openDatabase, type Database } from "../../src/db/database";
import { backends, emptyPostgresUrl, startTestHub, type TestHub } from "../support/hub";

const personRead = `query PersonRead($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id fullName phone } } }`;

const entry = (requestId: string, i = 0): AuditEntryInput => ({
  requestId,
  agency: "POLDA-KALBAR",
  roles: ["police-investigator"],
  purpose: "investigation",
  operationName: null,
  action: "WRITE",
  recordType: "Case",
  recordIds: [`case-${i}`],
  fields: ["status"],
  decision: "UPDATED",
});

/** seq of every entry, in order, and the request ids with how many entries each has. */
async function log(db: Database) {
  const rows = await db.raw.query<{ seq: string; requestId: string }>(`SELECT seq::text AS seq, "requestId" FROM "AuditEntry" ORDER BY "AuditEntry".seq`);
  const perRequest = new Map<string, number>();
  for (const r of rows) perRequest.set(r.requestId, (perRequest.get(r.requestId) ?? 0) + 1);
  return { seqs: rows.map((r) => Number(r.seq)), perRequest };
}

const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

async function tamper(db: Database, sql: string): Promise<void> {
  await db.raw.exec(`ALTER TABLE "AuditEntry" DISABLE TRIGGER USER; ${sql}; ALTER TABLE "AuditEntry" ENABLE TRIGGER USER`);
}

describe.each(backends)("audit group commit on %s", (backend) => {
  let hub: TestHub;
  let personId: string;

  beforeAll(async () => {
    hub = await startTestHub(backend);
    personId = randomUUID();
    await hub.db.prisma.person.create({ data: { id: personId, fullName: "Siti Rahayu", phone: "+62 812 0000 1111" } });
  });
  afterAll(() => hub?.stop());

  it("16 clients reading at once get one exact chain, sealed before each response", async () => {
    const sealer = auditSealer(hub.db);
    const passesBefore = sealer.stats.passes;
    const before = (await log(hub.db)).seqs.length;
    const ids: string[] = [];
    // 16 clients, each sending 4 requests one after the other.
    await Promise.all(
      Array.from({ length: 16 }, async (_, c) => {
        for (let k = 0; k < 4; k++) {
          const requestId = `gc-read-${c}-${k}-${randomUUID()}`;
          ids.push(requestId);
          const r = await hub.gql(personRead, { r: [{ __typename: "Person", id: personId }] }, { headers: { "x-request-id": requestId } });
          expect(r.body.errors).toBeUndefined();
          // On the chain, sealed, before the response arrived.
          expect((await hub.db.prisma.auditEntry.findMany({ where: { requestId } })).length).toBeGreaterThan(0);
        }
      }),
    );
    const after = await log(hub.db);
    expect(after.seqs).toEqual(oneToN(after.seqs.length));
    expect(ids.every((id) => (after.perRequest.get(id) ?? 0) > 0)).toBe(true);
    expect(after.seqs.length - before).toBe(ids.reduce((n, id) => n + after.perRequest.get(id)!, 0));
    expect(await verifyAuditChain(hub.db.raw)).toMatchObject({ ok: true, entries: after.seqs.length });
    // Group commit: requests waiting together share a pass. (PGlite executes one statement at a
    // time, so its requests seldom wait together; at most one pass each.)
    if (backend === "postgres") expect(sealer.stats.passes - passesBefore).toBeLessThan(ids.length);
    else expect(sealer.stats.passes - passesBefore).toBeLessThanOrEqual(ids.length);
  });

  it("a pass of reads only is one INSERT on the head this process sealed; a head moved elsewhere makes a full pass", async () => {
    const sealer = auditSealer(hub.db);
    await sealer.sync(); // a full pass: the sealer knows its head
    const read = async () => {
      const r = await hub.gql(personRead, { r: [{ __typename: "Person", id: personId }] });
      expect(r.body.errors).toBeUndefined();
    };
    // One client, one request at a time: every pass is the one-statement fast pass.
    const fastBefore = sealer.stats.fastPasses;
    const passesBefore = sealer.stats.passes;
    for (let k = 0; k < 5; k++) await read();
    expect(sealer.stats.passes - passesBefore).toBe(5);
    expect(sealer.stats.fastPasses - fastBefore).toBe(5);
    // Someone else (a script, another replica) seals after our head: the next fast insert collides
    // on seq, and the pass is redone in full on the real head. No fork, no gap.
    await appendAuditEntries(hub.db.prisma, [entry(`gc-elsewhere-${randomUUID()}`)]);
    const fullBefore = sealer.stats.passes - sealer.stats.fastPasses;
    await read();
    expect(sealer.stats.passes - sealer.stats.fastPasses - fullBefore).toBe(1);
    await read();
    expect(sealer.stats.fastPasses - fastBefore).toBe(6);
    const after = await log(hub.db);
    expect(after.seqs).toEqual(oneToN(after.seqs.length));
    expect(await verifyAuditChain(hub.db.raw)).toMatchObject({ ok: true, entries: after.seqs.length });
  });

  it("records a batch of writes in their transaction with one statement, sealed by the request's flush", async () => {
    const requestId = `gc-batch-${randomUUID()}`;
    const trail = new AuditTrail(hub.db.prisma, { requestId, agency: "POLDA-KALBAR", roles: ["police-investigator"], purpose: "investigation" }, auditSealer(hub.db));
    const writes = [1, 2, 3].map((i) => ({ recordType: "Case", recordIds: [`case-${i}`], fields: ["status", "title"], decision: "UPDATED" }));
    let used = -1;
    await hub.db.prisma.$transaction(async (tx) => {
      const before = hub.db.queryCount;
      await trail.writeMany(writes, tx);
      used = hub.db.queryCount - before;
    });
    expect(used).toBe(1);
    expect(trail.pending).toBe(1); // waiting for its seal
    await trail.flush();
    const sealed = await hub.db.prisma.auditEntry.findMany({ where: { requestId }, orderBy: { seq: "asc" } });
    expect(sealed.map((e) => [e.recordIds, e.fields, e.decision])).toEqual(writes.map((w) => [w.recordIds, w.fields, "UPDATED"]));
    expect((await verifyAuditChain(hub.db.raw)).ok).toBe(true);
  });

  it("seals entries committed in the inbox by an earlier process, and never the rolled-back ones", async () => {
    const orphan = `gc-orphan-${randomUUID()}`;
    const rolledBack = `gc-rollback-${randomUUID()}`;
    // A contribution committed its entry and its process died before any seal pass.
    await hub.db.prisma.$transaction((tx) => recordAuditEntries(tx, [entry(orphan, 1), entry(orphan, 2)]));
    await expect(
      hub.db.prisma.$transaction(async (tx) => {
        await recordAuditEntries(tx, [entry(rolledBack)]);
        throw new Error("record rejected");
      }),
    ).rejects.toThrow("record rejected");
    expect((await log(hub.db)).perRequest.get(orphan)).toBeUndefined();
    // Another process (its own sealer) seals it with its next pass.
    const other = new AuditSealer(hub.db.raw);
    await other.sync();
    expect(other.stats.sealed).toBe(2);
    const l = await log(hub.db);
    expect(l.perRequest.get(orphan)).toBe(2);
    expect(l.perRequest.get(rolledBack)).toBeUndefined();
    expect(l.seqs).toEqual(oneToN(l.seqs.length));
    expect(await hub.db.raw.query(`SELECT id FROM "AuditInbox"`)).toEqual([]);
    expect((await verifyAuditChain(hub.db.raw)).ok).toBe(true);
  });

  it("the auditor's auditLog shows committed entries still waiting in the inbox, sealed", async () => {
    const waiting = `gc-waiting-${randomUUID()}`;
    await recordAuditEntries(hub.db.prisma, [entry(waiting)]);
    const auditor = await hub.token({ agency: "KOMINFO-DPO", roles: ["auditor"], purpose: "audit", jurisdiction: [] });
    const r = await hub.gql(`query($f: AuditLogFilter) { auditLog(first: 5, filter: $f) { edges { node { seq requestId } } } }`, { f: { requestId: waiting } }, { token: auditor });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.auditLog.edges).toEqual([{ node: { seq: expect.stringMatching(/^\d+$/), requestId: waiting } }]);
  });

  it("entries waiting in the inbox cannot be changed or removed, except by a seal pass", async () => {
    await recordAuditEntries(hub.db.prisma, [entry(`gc-guard-${randomUUID()}`)]);
    for (const sql of [`UPDATE "AuditInbox" SET agency = 'X'`, `DELETE FROM "AuditInbox"`, `TRUNCATE "AuditInbox"`]) {
      await expect(hub.db.raw.exec(sql)).rejects.toThrow(/AuditInbox holds audit entries waiting to be sealed: (UPDATE|DELETE|TRUNCATE) is not allowed/);
    }
    await auditSealer(hub.db).sync();
    expect(await hub.db.raw.query(`SELECT id FROM "AuditInbox"`)).toEqual([]);
  });

  it("a sealed entry deleted or edited is still detected", async () => {
    const { seqs } = await log(hub.db);
    const mid = seqs[Math.floor(seqs.length / 2)]!;
    await hub.db.raw.exec(`CREATE TABLE gc_backup AS SELECT * FROM "AuditEntry"`);
    try {
      await tamper(hub.db, `DELETE FROM "AuditEntry" WHERE seq = ${mid}`);
      expect((await verifyAuditChain(hub.db.raw)).firstBroken).toEqual({ seq: String(mid), reason: expect.stringContaining("missing (deleted)") });
      await tamper(hub.db, `DELETE FROM "AuditEntry"; INSERT INTO "AuditEntry" SELECT * FROM gc_backup`);
      expect((await verifyAuditChain(hub.db.raw)).ok).toBe(true);
      await tamper(hub.db, `UPDATE "AuditEntry" SET fields = ARRAY['sex'] WHERE seq = ${mid}`);
      expect((await verifyAuditChain(hub.db.raw)).firstBroken).toEqual({ seq: String(mid), reason: expect.stringContaining("the entry was edited") });
    } finally {
      await tamper(hub.db, `DELETE FROM "AuditEntry"; INSERT INTO "AuditEntry" SELECT * FROM gc_backup; DROP TABLE gc_backup`);
    }
  });
});

// Two hubs, each with its own pool and sealer (as two processes would be), on ONE PostgreSQL database.
(backends.includes("postgres") ? describe : describe.skip)("two hubs on one PostgreSQL database", () => {
  let a: TestHub;
  let b: TestHub;

  beforeAll(async () => {
    const url = await emptyPostgresUrl();
    const dbA = await openDatabase({ kind: "postgres", url, poolSize: 8 });
    await applyMigrations(dbA.raw);
    const dbB = await openDatabase({ kind: "postgres", url, poolSize: 8 });
    a = await startTestHub("postgres", { db: dbA });
    b = await startTestHub("postgres", { db: dbB, seed: "none" });
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
  });

  it("append concurrently (reads, writes in transactions, direct appends) into one exact chain", async () => {
    const personId = randomUUID();
    await a.db.prisma.person.create({ data: { id: personId, fullName: "Dewi Lestari", phone: "+62 813 0000 2222" } });
    const expected = new Map<string, number>();
    const reads = (hub: TestHub, name: string) =>
      Array.from({ length: 16 }, async (_, c) => {
        for (let k = 0; k < 3; k++) {
          const requestId = `two-${name}-${c}-${k}-${randomUUID()}`;
          const r = await hub.gql(personRead, { r: [{ __typename: "Person", id: personId }] }, { headers: { "x-request-id": requestId } });
          expect(r.body.errors).toBeUndefined();
          expected.set(requestId, -1); // one or more entries
        }
      });
    const writes = (hub: TestHub, name: string) =>
      Array.from({ length: 6 }, async (_, i) => {
        const requestId = `two-${name}-write-${i}-${randomUUID()}`;
        await hub.db.prisma.$transaction((tx) => recordAuditEntries(tx, [entry(requestId, 1), entry(requestId, 2)]));
        await auditSealer(hub.db).sync();
        expected.set(requestId, 2);
      });
    const direct = (hub: TestHub, name: string) =>
      Array.from({ length: 4 }, async (_, i) => {
        const requestId = `two-${name}-direct-${i}-${randomUUID()}`;
        const sealed = await appendAuditEntries(hub.db.prisma, [entry(requestId)]);
        expect(sealed).toHaveLength(1);
        expected.set(requestId, 1);
      });
    await Promise.all([...reads(a, "a"), ...reads(b, "b"), ...writes(a, "a"), ...writes(b, "b"), ...direct(a, "a"), ...direct(b, "b")]);

    const l = await log(a.db);
    expect(l.seqs).toEqual(oneToN(l.seqs.length));
    for (const [id, n] of expected) {
      if (n === -1) expect(l.perRequest.get(id)).toBeGreaterThan(0);
      else expect(l.perRequest.get(id)).toBe(n);
    }
    // Both hubs sealed part of it, and both read the same verified chain.
    expect(auditSealer(a.db).stats.sealed).toBeGreaterThan(0);
    expect(auditSealer(b.db).stats.sealed).toBeGreaterThan(0);
    const va = await verifyAuditChain(a.db.raw);
    expect(va).toMatchObject({ ok: true, entries: l.seqs.length });
    expect(await verifyAuditChain(b.db.raw)).toEqual(va);
    const forks = await a.db.raw.query(`SELECT "prevHash" FROM "AuditEntry" GROUP BY "prevHash" HAVING count(*) > 1`);
    expect(forks).toEqual([]);
  });
});
