// What the audit log costs a request (issue 9, target 3): a read that releases sensitive fields
// adds at most one SQL statement at the driver, and a write's entry, recorded in the write's open
// transaction, holds no lock that other requests queue on. Only the hub's public audit API is
// used here (AuditTrail.write, what the contribute engine calls), so the file also runs against
// the design before group commit, where both tests fail.
import { randomUUID } from "node:crypto";
import { AuditTrail } from "../../src/audit/trail";
import { verifyAuditChain } from "../../src/audit/verify";
import { backends, startTestHub, type TestHub } from "../support/hub";

// The hub's sealer, when this build has one (src/audit/sealer.ts); requests' trails get it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sealerModule = (() => { try { return require("../../src/audit/sealer"); } catch { return null; } })();

const personRead = (fields: string) => `query PersonRead($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id ${fields} } } }`;

describe.each(backends)("audit cost per request on %s", (backend) => {
  let hub: TestHub;
  let personId: string;

  beforeAll(async () => {
    hub = await startTestHub(backend);
    personId = randomUUID();
    await hub.db.prisma.person.create({ data: { id: personId, fullName: "Siti Rahayu", phone: "+62 812 0000 1111", sex: "Feminine" } });
  });
  afterAll(() => hub?.stop());

  /** Statements the request cost at the driver, and the audit entries it left. */
  async function measure(fields: string) {
    const requestId = `cost-${randomUUID()}`;
    const before = hub.db.queryCount;
    const r = await hub.gql(personRead(fields), { r: [{ __typename: "Person", id: personId }] }, { headers: { "x-request-id": requestId } });
    const used = hub.db.queryCount - before;
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!._entities).toHaveLength(1);
    const entries = await hub.db.prisma.auditEntry.findMany({ where: { requestId } });
    return { used, entries };
  }

  it("a read that releases sensitive fields costs at most one statement more than the same read without them", async () => {
    await measure("sex phone"); // warm-up
    const base = await measure("sex");
    const audited = await measure("sex phone");
    // The same data statements; only the second releases a sensitive field, which is on the log
    // (sealed, with its seq) when the response arrives.
    expect(base.entries).toEqual([]);
    expect(audited.entries).toEqual([expect.objectContaining({ action: "READ", recordType: "Person", fields: ["phone"], recordIds: [personId], seq: expect.any(BigInt) })]);
    expect(audited.used - base.used).toBeLessThanOrEqual(1);
  });

  // PGlite runs one transaction at a time whatever the design: there is no lock to queue on.
  (backend === "postgres" ? it : it.skip)("a write's entry in its open transaction does not hold up other requests' audit", async () => {
    const actor = { requestId: `held-write-${randomUUID()}`, agency: "POLDA-KALBAR", roles: ["police-investigator"], purpose: "investigation" };
    const trail = new AuditTrail(hub.db.prisma, actor, sealerModule?.auditSealer(hub.db));
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    let recorded!: () => void;
    const isRecorded = new Promise<void>((resolve) => (recorded = resolve));
    // A contribution's record transaction that has written its audit entry and is not done yet.
    const write = hub.db.prisma.$transaction(
      async (tx) => {
        await trail.write({ recordType: "Person", recordIds: [personId], fields: ["phone"], decision: "UPDATED" }, tx);
        recorded();
        await finished;
      },
      { timeout: 30_000 },
    );
    await isRecorded;
    try {
      // Meanwhile sensitive reads are answered, their entries sealed, without waiting for it.
      const reads = Promise.all(Array.from({ length: 4 }, () => measure("phone")));
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([reads.then(() => "answered"), new Promise((resolve) => (timer = setTimeout(resolve, 5_000, "still waiting")))]);
      clearTimeout(timer);
      expect(outcome).toBe("answered");
    } finally {
      finish();
      await write;
    }
    await trail.flush(); // the write's entry is sealed after its commit
    expect(await hub.db.prisma.auditEntry.count({ where: { requestId: actor.requestId } })).toBe(1);
    expect((await verifyAuditChain(hub.db.raw)).ok).toBe(true);
  });
});
