// The hash chain against a real database: appends (also concurrent), tamper detection for every
// column, deletions, reordering, tail truncation, and the append-only triggers.
import type { Database } from "../../src/db/database";
import { appendAuditEntries, type AuditEntryInput } from "../../src/audit/append";
import { GENESIS_HASH } from "../../src/audit/chain";
import { verifyAuditChain } from "../../src/audit/verify";
import { backends, freshDatabase } from "../support/hub";

const entry = (i: number, over: Partial<AuditEntryInput> = {}): AuditEntryInput => ({
  requestId: `req-${String(i).padStart(6, "0")}`,
  agency: i % 2 ? "POLDA-KALBAR" : "BP3MI-KALBAR",
  roles: i % 2 ? ["police-investigator"] : ["bp3mi-officer", "admin"],
  purpose: "investigation",
  operationName: i % 3 ? `Op${i}` : null,
  action: i % 2 ? "READ" : "WRITE",
  recordType: "Person",
  recordIds: [`00000000-0000-4000-8000-${String(i).padStart(12, "0")}`],
  fields: ["fullName", "nik"],
  decision: i % 2 ? "MASK" : "CREATED",
  ...over,
});

/** Runs SQL as the table owner with the append-only triggers switched off (what an intruder with owner rights could do). */
async function tamper(db: Database, sql: string): Promise<void> {
  await db.raw.exec(`ALTER TABLE "AuditEntry" DISABLE TRIGGER USER; ${sql}; ALTER TABLE "AuditEntry" ENABLE TRIGGER USER`);
}

async function seqs(db: Database): Promise<number[]> {
  return (await db.raw.query<{ seq: string }>(`SELECT seq::text AS seq FROM "AuditEntry" ORDER BY "AuditEntry".seq`)).map((r) => Number(r.seq));
}

describe.each(backends)("audit hash chain on %s", (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await freshDatabase(backend);
  });
  afterAll(() => db.close());

  it("verifies an empty log", async () => {
    expect(await verifyAuditChain(db.raw)).toEqual({ ok: true, entries: 0, head: null });
  });

  it("chains sequential and concurrent appends without a fork or a gap", async () => {
    const first = await appendAuditEntries(db.prisma, [entry(1), entry(2)]);
    expect(first.map((e) => e.seq)).toEqual([1n, 2n]);
    const row = await db.prisma.auditEntry.findUniqueOrThrow({ where: { seq: 1n } });
    expect(row.prevHash).toBe(GENESIS_HASH);

    // 40 appends at once: 20 on their own, 20 inside transactions that also write something else.
    await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => appendAuditEntries(db.prisma, [entry(100 + i)])),
      ...Array.from({ length: 20 }, (_, i) =>
        db.prisma.$transaction(
          async (tx) => {
            await tx.$executeRaw`SELECT 1`;
            await appendAuditEntries(tx, [entry(200 + i), entry(300 + i)]);
          },
          { maxWait: 20_000, timeout: 20_000 },
        ),
      ),
    ]);
    expect(await seqs(db)).toEqual(Array.from({ length: 62 }, (_, i) => i + 1));
    const r = await verifyAuditChain(db.raw);
    expect(r).toMatchObject({ ok: true, entries: 62, head: { seq: "62" } });
    // Prisma reads the same chain the same way.
    expect(await verifyAuditChain(db.prisma)).toEqual(r);
    // Paging in small batches changes nothing.
    expect(await verifyAuditChain(db.raw, { batchSize: 7 })).toEqual(r);
  });

  it("leaves neither an entry nor a gap when the transaction holding an append rolls back", async () => {
    const before = (await seqs(db)).length;
    await expect(
      db.prisma.$transaction(async (tx) => {
        await appendAuditEntries(tx, [entry(900)]);
        throw new Error("record rejected");
      }),
    ).rejects.toThrow("record rejected");
    expect((await seqs(db)).length).toBe(before);
    await appendAuditEntries(db.prisma, [entry(901)]);
    expect(await seqs(db)).toEqual(Array.from({ length: before + 1 }, (_, i) => i + 1));
    expect((await verifyAuditChain(db.raw)).ok).toBe(true);
  });

  describe("tampering", () => {
    beforeAll(async () => {
      await db.raw.exec(`CREATE TABLE audit_backup AS SELECT * FROM "AuditEntry"`);
    });
    afterEach(async () => {
      // Put the original rows back exactly, so each case starts from a valid chain.
      await tamper(db, `DELETE FROM "AuditEntry"; INSERT INTO "AuditEntry" SELECT * FROM audit_backup`);
      expect((await verifyAuditChain(db.raw)).ok).toBe(true);
    });

    const edits: [string, string][] = [
      ["at", `"at" = "at" + interval '1 second'`],
      ["requestId", `"requestId" = 'req-forged'`],
      ["agency", `agency = 'KEJATI-KALBAR'`],
      ["agency (to NULL)", `agency = NULL`],
      ["roles", `roles = ARRAY['auditor']`],
      ["purpose", `purpose = 'audit'`],
      ["operationName", `"operationName" = 'Harmless'`],
      ["action", `action = CASE WHEN action = 'READ' THEN 'WRITE' ELSE 'READ' END`],
      ["recordType", `"recordType" = 'Case'`],
      ["recordIds", `"recordIds" = ARRAY[]::text[]`],
      ["fields", `fields = ARRAY['fullName']`],
      ["fields (order only)", `fields = ARRAY['nik', 'fullName']`],
      ["decision", `decision = CASE WHEN decision = 'MASK' THEN 'ALLOW' ELSE 'MASK' END`],
      ["prevHash", `"prevHash" = repeat('1', 64)`],
      ["hash", `hash = repeat('2', 64)`],
    ];
    it.each(edits)("an edit of %s names the edited entry", async (_col, set) => {
      await tamper(db, `UPDATE "AuditEntry" SET ${set} WHERE seq = 10`);
      const r = await verifyAuditChain(db.raw);
      expect(r.ok).toBe(false);
      expect(r.firstBroken?.seq).toBe("10");
      expect(r.entries).toBe(9);
    });

    it("an edit of seq names the moved entry", async () => {
      await tamper(db, `UPDATE "AuditEntry" SET seq = 5000 WHERE seq = 10`);
      const r = await verifyAuditChain(db.raw);
      expect(r.firstBroken).toEqual({ seq: "10", reason: expect.stringContaining("missing") });
    });

    it("a deleted middle entry is reported as missing", async () => {
      await tamper(db, `DELETE FROM "AuditEntry" WHERE seq = 20`);
      const r = await verifyAuditChain(db.raw);
      expect(r.ok).toBe(false);
      expect(r.firstBroken).toEqual({ seq: "20", reason: "entry 20 is missing (deleted): the log jumps from seq 19 to 21" });
    });

    it("a deleted first entry is reported", async () => {
      await tamper(db, `DELETE FROM "AuditEntry" WHERE seq = 1`);
      expect((await verifyAuditChain(db.raw)).firstBroken?.seq).toBe("1");
    });

    it("deleting an entry and renumbering the rest is still caught (prevHash, hashed seq)", async () => {
      await tamper(db, `DELETE FROM "AuditEntry" WHERE seq = 30; UPDATE "AuditEntry" SET seq = -seq WHERE seq > 30; UPDATE "AuditEntry" SET seq = -seq - 1 WHERE seq < 0`);
      const r = await verifyAuditChain(db.raw);
      expect(r.ok).toBe(false);
      expect(r.firstBroken?.seq).toBe("30");
    });

    it("swapping two entries is caught", async () => {
      await tamper(db, `UPDATE "AuditEntry" SET seq = -1 WHERE seq = 40; UPDATE "AuditEntry" SET seq = 40 WHERE seq = 41; UPDATE "AuditEntry" SET seq = 41 WHERE seq = -1`);
      const r = await verifyAuditChain(db.raw);
      expect(r.ok).toBe(false);
      expect(r.firstBroken?.seq).toBe("40");
    });

    it("removing the tail is caught only against a recorded head (documented limit)", async () => {
      const head = (await verifyAuditChain(db.raw)).head!;
      await tamper(db, `DELETE FROM "AuditEntry" WHERE seq >= 60`);
      const alone = await verifyAuditChain(db.raw);
      expect(alone).toMatchObject({ ok: true, entries: 59 });
      const withSeq = await verifyAuditChain(db.raw, { expectHead: { seq: BigInt(head.seq), hash: head.hash } });
      expect(withSeq.ok).toBe(false);
      expect(withSeq.firstBroken).toEqual({ seq: head.seq, reason: expect.stringContaining("removed from the end") });
      const hashOnly = await verifyAuditChain(db.raw, { expectHead: { hash: head.hash } });
      expect(hashOnly.ok).toBe(false);
      expect(hashOnly.firstBroken?.reason).toContain("not in the log");
    });

    it("a recorded head older than the current one still verifies (the log only grew)", async () => {
      const row = await db.prisma.auditEntry.findUniqueOrThrow({ where: { seq: 30n } });
      expect((await verifyAuditChain(db.raw, { expectHead: { seq: 30n, hash: row.hash } })).ok).toBe(true);
      expect((await verifyAuditChain(db.raw, { expectHead: { hash: row.hash } })).ok).toBe(true);
      expect((await verifyAuditChain(db.raw, { expectHead: { seq: 31n, hash: row.hash } })).ok).toBe(false);
    });
  });

  describe("append-only triggers", () => {
    it.each([
      ["UPDATE", `UPDATE "AuditEntry" SET agency = 'X' WHERE seq = 1`],
      ["UPDATE of no row", `UPDATE "AuditEntry" SET agency = 'X' WHERE seq = -1`],
      ["DELETE", `DELETE FROM "AuditEntry" WHERE seq = 1`],
      ["TRUNCATE", `TRUNCATE "AuditEntry"`],
    ])("refuse %s with a clear message", async (op, sql) => {
      await expect(db.raw.exec(sql)).rejects.toThrow(/AuditEntry is append-only: (UPDATE|DELETE|TRUNCATE) is not allowed/);
      void op;
    });

    it("refuse changes through Prisma too", async () => {
      await expect(db.prisma.auditEntry.update({ where: { seq: 1n }, data: { agency: "X" } })).rejects.toThrow(/append-only/);
      await expect(db.prisma.auditEntry.deleteMany({})).rejects.toThrow(/append-only/);
      expect((await verifyAuditChain(db.raw)).ok).toBe(true);
    });
  });
});
