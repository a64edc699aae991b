// The audit log through the running hub: reads recorded before the response leaves (also under
// concurrency), the write contract contributions rely on, and the auditor's auditLog connection.
import { appendAuditEntries } from "../../src/audit/append";
import { auditWrite } from "../../src/audit/record";
import { AuditTrail } from "../../src/audit/trail";
import { verifyAuditChain } from "../../src/audit/verify";
import { buildSchema } from "../../src/graph";
import type { RequestContext } from "../../src/request/context";
import { createLogger } from "../../src/logger";
import { AuditLogDocument, StatisticsDocument, type AuditLogQuery, type AuditLogQueryVariables } from "../generated/graphql";
import { backends, startTestHub, type TestHub } from "../support/hub";

type Connection = NonNullable<AuditLogQuery["auditLog"]>;
type Entry = NonNullable<NonNullable<NonNullable<Connection["edges"]>[number]>["node"]>;
/** The connection with its (schema-nullable) edges and nodes checked present. */
type Page = Omit<Connection, "edges"> & { edges: { cursor: string; node: Entry }[] };

describe.each(backends)("audit log over HTTP on %s", (backend) => {
  let hub: TestHub;
  let auditor: string;
  let analyst: string;

  beforeAll(async () => {
    hub = await startTestHub(backend);
    auditor = await hub.token({ agency: "KOMINFO-DPO", roles: ["auditor"], purpose: "audit", jurisdiction: [] });
    analyst = await hub.token({ agency: "NGO-PEDULI-MIGRAN", roles: ["ngo-analyst"], purpose: "statistics", jurisdiction: [] });
  });
  afterAll(() => hub.stop());

  async function auditLog(vars: AuditLogQueryVariables): Promise<Page> {
    const r = await hub.gql(AuditLogDocument, vars, { token: auditor });
    expect(r.body.errors).toBeUndefined();
    const conn = r.body.data!.auditLog;
    return { ...conn, edges: conn.edges!.map((e) => ({ cursor: e!.cursor, node: e!.node! })) };
  }

  function context(requestId: string, withTrail = true): RequestContext {
    const principal = { agency: "POLDA-KALBAR", subject: "svc-1", roles: ["police-investigator"], purpose: "investigation", jurisdiction: ["61"], issuer: "tppo-hub" };
    return {
      requestId,
      db: hub.db,
      log: createLogger("silent"),
      principal,
      audit: withTrail ? new AuditTrail(hub.db.prisma, { requestId, agency: principal.agency, roles: principal.roles, purpose: principal.purpose }) : undefined,
      statsMinCell: 11,
    } as unknown as RequestContext;
  }

  it("records a statistics read before the response leaves, with who, what and the request id", async () => {
    const r = await hub.gql(StatisticsDocument, { measure: "CASES", groupBy: ["YEAR"], filter: { destinationCountry: "MY" } }, { token: analyst, headers: { "x-request-id": "stats-request-0001" } });
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    // No waiting: the entry is committed before the response is sent.
    const page = await auditLog({ first: 10, filter: { requestId: "stats-request-0001" } });
    expect(page.totalCount).toBe(1);
    expect(page.edges[0]!.node).toMatchObject({
      requestId: "stats-request-0001",
      agency: "NGO-PEDULI-MIGRAN",
      roles: ["ngo-analyst"],
      purpose: "statistics",
      operationName: "Statistics",
      action: "READ",
      recordType: "Statistics",
      recordIds: [],
      fields: ["filter.destinationCountry", "groupBy.YEAR", "measure.CASES"],
      decision: "ALLOW",
    });
  });

  it("keeps one unbroken chain when many requests append at once", async () => {
    const before = (await verifyAuditChain(hub.db.raw)).entries;
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        hub.gql(StatisticsDocument, { measure: "VICTIMS", groupBy: i % 2 ? ["SEX"] : ["YEAR"] }, { token: analyst, headers: { "x-request-id": `parallel-request-${i}` } }),
      ),
    );
    expect(results.every((r) => r.status === 200 && !r.body.errors)).toBe(true);
    const v = await verifyAuditChain(hub.db.raw);
    expect(v).toMatchObject({ ok: true, entries: before + 16 });
  });

  it("withholds the response when its reads cannot be recorded", async () => {
    await hub.db.raw.exec(`
      CREATE FUNCTION test_audit_down() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit store unavailable'; END $$;
      CREATE TRIGGER test_audit_down BEFORE INSERT ON "AuditEntry" FOR EACH STATEMENT EXECUTE FUNCTION test_audit_down();`);
    try {
      const r = await hub.gql(StatisticsDocument, { measure: "CASES", groupBy: [] }, { token: analyst });
      expect(r.status).toBe(500);
      expect(r.body.data).toBeUndefined();
      expect(r.body.errors).toEqual([{ message: "Internal error", extensions: { code: "INTERNAL" } }]);
    } finally {
      await hub.db.raw.exec(`DROP TRIGGER test_audit_down ON "AuditEntry"; DROP FUNCTION test_audit_down();`);
    }
  });

  describe("the write contract for contributions", () => {
    const newCase = (externalId: string) => ({ sourceAgency: "POLDA-KALBAR", sourceSystem: "TEST", externalId, contributedBy: "svc-1" });

    it("commits a write and its entry together", async () => {
      const ctx = context("write-commit-0001");
      const id = await hub.db.prisma.$transaction(async (tx) => {
        const c = await tx.case.create({ data: newCase("c-commit") });
        await auditWrite(ctx, { recordType: "Case", recordIds: [c.id], fields: ["title", "externalId"], decision: "CREATED" }, tx);
        return c.id;
      });
      expect(await hub.db.prisma.case.count({ where: { id } })).toBe(1);
      const page = await auditLog({ first: 5, filter: { recordId: id } });
      expect(page.edges.map((e) => e.node)).toEqual([
        expect.objectContaining({ action: "WRITE", recordType: "Case", recordIds: [id], fields: ["externalId", "title"], decision: "CREATED", agency: "POLDA-KALBAR", requestId: "write-commit-0001" }),
      ]);
    });

    it("leaves no trace of a rejected record but its REJECTED entry", async () => {
      const ctx = context("write-reject-0001");
      let attempted: string | undefined;
      await expect(
        hub.db.prisma.$transaction(async (tx) => {
          const c = await tx.case.create({ data: newCase("c-rejected") });
          attempted = c.id;
          await auditWrite(ctx, { recordType: "Case", recordIds: [c.id], fields: ["externalId"], decision: "CREATED" }, tx);
          throw new Error("record rejected: VERSION_CONFLICT");
        }),
      ).rejects.toThrow("record rejected");
      await auditWrite(ctx, { recordType: "Case", recordIds: [], fields: ["externalId"], decision: "REJECTED" });
      expect(await hub.db.prisma.case.count({ where: { externalId: "c-rejected" } })).toBe(0);
      const page = await auditLog({ first: 5, filter: { requestId: "write-reject-0001" } });
      expect(page.edges.map((e) => e.node.decision)).toEqual(["REJECTED"]);
      expect((await auditLog({ first: 5, filter: { recordId: attempted } })).totalCount).toBe(0);
      expect((await verifyAuditChain(hub.db.raw)).ok).toBe(true);
    });

    it("works for a context without a trail (scripts), without an operation name", async () => {
      await auditWrite(context("write-script-0001", false), { recordType: "Person", recordIds: ["b"], fields: ["fullName"], decision: "UPDATED" });
      const [e] = (await auditLog({ first: 1, filter: { requestId: "write-script-0001" } })).edges;
      expect(e!.node).toMatchObject({ operationName: null, agency: "POLDA-KALBAR", roles: ["police-investigator"], purpose: "investigation" });
    });
  });

  describe("reads collected by the trail", () => {
    it("merge records that had the same fields touched into one entry per decision", async () => {
      const ctx = context("trail-merge-0001");
      ctx.audit.operationName = "CaseFile";
      ctx.audit.read("Person", "p1", "fullName", "allow");
      ctx.audit.read("Person", "p1", "nik", "mask");
      ctx.audit.read("Person", "p2", "fullName", "allow");
      ctx.audit.read("Person", ["p3", "p1"], ["phone"], "allow");
      ctx.audit.read("Person", "", "fullName", "allow"); // no id (the policy passes "" when a row has none)
      expect(await ctx.audit.flush()).toBe(4);
      expect(ctx.audit.pending).toBe(0);
      const nodes = (await auditLog({ first: 10, filter: { requestId: "trail-merge-0001" } })).edges.map((e) => e.node);
      const view = nodes.map((n) => `${n.decision} ${n.recordIds.join(",")} ${n.fields.join(",")}`).sort();
      // The id-less read of fullName is covered by p2's entry for the same field.
      expect(view).toEqual(["ALLOW p1 fullName,phone", "ALLOW p2 fullName", "ALLOW p3 phone", "MASK p1 nik"]);
      expect(nodes.every((n) => n.operationName === "CaseFile" && n.action === "READ" && n.recordType === "Person")).toBe(true);
    });
  });

  describe("auditLog", () => {
    let firstBatchEnd: Date;

    beforeAll(async () => {
      const e = (i: number, agency: string, action: "READ" | "WRITE") => ({
        requestId: `page-request-${i}`,
        agency,
        roles: ["police-investigator"],
        purpose: "investigation",
        operationName: null,
        action,
        recordType: "Case",
        recordIds: [`rec-${i}`],
        fields: ["status"],
        decision: action === "READ" ? "ALLOW" : "UPDATED",
      });
      await appendAuditEntries(hub.db.prisma, Array.from({ length: 12 }, (_, i) => e(i, "PAGE-AGENCY-A", i % 3 ? "READ" : "WRITE")));
      await new Promise((r) => setTimeout(r, 20));
      firstBatchEnd = new Date();
      await new Promise((r) => setTimeout(r, 20));
      await appendAuditEntries(hub.db.prisma, Array.from({ length: 13 }, (_, i) => e(100 + i, "PAGE-AGENCY-B", "READ")));
    });

    it("pages newest first with opaque cursors and seq as a string", async () => {
      const all = await auditLog({ first: 100 });
      const seqs = all.edges.map((e) => BigInt(e.node.seq));
      expect(seqs).toEqual([...seqs].sort((a, b) => (a < b ? 1 : -1)));
      expect(all.totalCount).toBe(all.edges.length);
      expect(typeof all.edges[0]!.node.seq).toBe("string");

      const p1 = await auditLog({ first: 10 });
      expect(p1.pageInfo.hasNextPage).toBe(true);
      const p2 = await auditLog({ first: 10, after: p1.pageInfo.endCursor });
      expect(p2.edges.map((e) => e.node.seq)).toEqual(all.edges.slice(10, 20).map((e) => e.node.seq));
      const back = await auditLog({ last: 5, before: p2.pageInfo.startCursor });
      expect(back.edges.map((e) => e.node.seq)).toEqual(all.edges.slice(5, 10).map((e) => e.node.seq));
      // Each entry links to the one before it.
      for (let i = 0; i + 1 < all.edges.length; i++) expect(all.edges[i]!.node.prevHash).toBe(all.edges[i + 1]!.node.hash);
    });

    it("filters by agency, action, record id and time", async () => {
      expect((await auditLog({ first: 100, filter: { agency: "PAGE-AGENCY-A" } })).totalCount).toBe(12);
      expect((await auditLog({ first: 100, filter: { agency: "PAGE-AGENCY-A", action: "WRITE" } })).totalCount).toBe(4);
      const one = await auditLog({ first: 100, filter: { recordId: "rec-7" } });
      expect(one.edges.map((e) => e.node.requestId)).toEqual(["page-request-7"]);
      const later = await auditLog({ first: 100, filter: { from: firstBatchEnd.toISOString() } });
      expect(later.edges.every((e) => e.node.agency === "PAGE-AGENCY-B")).toBe(true);
      expect(later.totalCount).toBe(13);
      const earlier = await auditLog({ first: 100, filter: { agency: "PAGE-AGENCY-A", to: firstBatchEnd.toISOString() } });
      expect(earlier.totalCount).toBe(12);
      const none = await auditLog({ first: 100, filter: { agency: "PAGE-AGENCY-B", to: firstBatchEnd.toISOString() } });
      expect(none.totalCount).toBe(0);
    });

    it("rejects a time range that ends before it starts, naming the argument", async () => {
      const r = await hub.gql(AuditLogDocument, { first: 5, filter: { from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z" } }, { token: auditor });
      expect(r.body.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" }, message: expect.stringMatching(/^filter\.from: /) });
    });

    it("offers no mutation that could change the log", () => {
      const mutations = Object.keys(buildSchema().getMutationType()?.getFields() ?? {});
      expect(mutations.filter((m) => /audit/i.test(m))).toEqual([]);
    });
  });
});
