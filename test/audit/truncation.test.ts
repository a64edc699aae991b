// Class 6 of the trust issue: a truncated audit log must not verify. The running hub keeps a
// signed head checkpoint outside the database; entries removed from the end (by someone with
// database rights who switches the append-only trigger off) are then named by verification,
// through the API of the running hub and through the CLI. Denied requests are on record too.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Database } from "../../src/db/database";
import { verifyAuditLog } from "../../src/audit/verification";
import { backends, startTestHub, type TestHub } from "../support/hub";
import { runCli } from "../support/cli";

const AUDITOR = { agency: "GUGUS-TUGAS-KALBAR", roles: ["auditor"], purpose: "audit", jurisdiction: [] };
const ANALYST = { agency: "GUGUS-TUGAS-KALBAR", roles: ["task-force-analyst"], purpose: "statistics", jurisdiction: ["61"] };
const POLICE = { agency: "POLDA-KALBAR", roles: ["police-investigator"], purpose: "investigation", jurisdiction: ["61"] };
const VERIFY = "{ auditVerification { ok entries problem head { seq hash } checkpoint { seq hash signedAt } } }";

/** What an intruder with owner or superuser rights on the database does: trigger off, delete, trigger on. */
async function dropTail(db: Database, n: number): Promise<void> {
  await db.raw.exec(
    `ALTER TABLE "AuditEntry" DISABLE TRIGGER USER; DELETE FROM "AuditEntry" WHERE seq > (SELECT max(seq) - ${n} FROM "AuditEntry"); ALTER TABLE "AuditEntry" ENABLE TRIGGER USER`,
  );
}

const headSeq = async (db: Database) => Number((await db.raw.query<{ s: string }>(`SELECT coalesce(max(seq), 0)::text AS s FROM "AuditEntry"`))[0]!.s);

describe.each(backends)("truncated audit log on %s", (backend) => {
  let hub: TestHub;
  let dir: string;
  let auditor: string;
  let police: string;
  let caseId: string;

  /** Requests that append entries: a contribution (WRITE) and a read of the case's summary (READ). */
  async function activity(tag: string): Promise<void> {
    const w = await hub.gql(
      `mutation($i: CaseInput!) { contributeCase(input: $i) { result { status id } } }`,
      { i: { externalId: `LP-${tag}`, sourceSystem: "EMP", summary: "ringkasan" } },
      { token: police },
    );
    expect(w.body.errors).toBeUndefined();
    caseId = (w.body.data as { contributeCase: { result: { id: string } } }).contributeCase.result.id;
    const r = await hub.gql(`query($id: ID!) { case(id: $id) { id summary } }`, { id: caseId }, { token: police });
    expect(r.body.errors).toBeUndefined();
  }

  async function verifyApi() {
    const r = await hub.gql(VERIFY, undefined, { token: auditor });
    expect(r.status).toBe(200);
    return (r.body.data as { auditVerification: { ok: boolean; entries: number; problem: string | null; head: { seq: string } | null; checkpoint: { seq: string } | null } }).auditVerification;
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tppo-audit-head-"));
    hub = await startTestHub(backend, { auditCheckpointFile: path.join(dir, "audit-head.jws") });
    auditor = await hub.token(AUDITOR);
    police = await hub.token(POLICE);
  });
  afterAll(async () => {
    await hub?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("an auditor verifies the running hub through the API, checkpoint included", async () => {
    await activity("A");
    await activity("B");
    const v = await verifyApi();
    expect(v).toMatchObject({ ok: true, problem: null });
    expect(v.entries).toBe(await headSeq(hub.db));
    // The checkpoint names the committed head, outside the database.
    expect(v.checkpoint?.seq).toBe(v.head?.seq);
    expect(fs.readFileSync(path.join(dir, "audit-head.jws"), "utf8")).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
  });

  it("only an auditor may verify", async () => {
    const r = await hub.gql(VERIFY, undefined, { token: police });
    expect(r.body.data).toEqual({ auditVerification: null });
    expect(r.body.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([["FORBIDDEN", ["auditVerification"]]]);
  });

  it("entries removed from the end fail verification, naming the truncation; the chain alone still holds", async () => {
    await activity("C");
    await hub.auditCheckpointer!.flush();
    const before = await headSeq(hub.db);
    await dropTail(hub.db, 3);
    expect(await headSeq(hub.db)).toBe(before - 3);

    const chainOnly = await verifyAuditLog(hub.db.raw, { checkpointFile: null, key: null });
    expect(chainOnly.ok).toBe(true); // what `audit verify` said before the checkpoint existed

    const v = await verifyApi();
    expect(v.ok).toBe(false);
    expect(v.problem).toBe(
      `audit log broken at entry ${before}: the recorded head (seq ${before}) is beyond the end of the log (seq ${before - 3}): entries ${before - 2}..${before} were removed from the end (${before - 3} entries verified before it)`,
    );
  });

  it("keeps the checkpoint as evidence while the hub goes on appending past it", async () => {
    // The hub does not paper over the gap: new entries reuse the removed seqs with other hashes.
    await activity("D");
    await activity("E");
    await hub.auditCheckpointer!.flush();
    const v = await verifyApi();
    expect(v.ok).toBe(false);
    expect(v.problem).toMatch(/the recorded head hash [0-9a-f]{12}\.\.\. is not in the log at seq \d+: the log was truncated or rewritten/);
  });

  it("a forged or missing checkpoint fails verification instead of passing silently", async () => {
    const file = path.join(dir, "audit-head.jws");
    const jws = fs.readFileSync(file, "utf8");
    const [h, p, s] = jws.trim().split(".") as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, "base64url").toString());
    fs.writeFileSync(file, `${h}.${Buffer.from(JSON.stringify({ ...payload, seq: "1" })).toString("base64url")}.${s}\n`);
    const forged = await verifyAuditLog(hub.db.raw, { checkpointFile: file, key: hub.hubKey });
    expect(forged.ok).toBe(false);
    expect(forged.problem).toMatch(/head checkpoint at .* is not valid: its signature does not verify/);
    const missing = await verifyAuditLog(hub.db.raw, { checkpointFile: path.join(dir, "nowhere.jws"), key: hub.hubKey });
    expect(missing.ok).toBe(false);
    expect(missing.problem).toMatch(/there is no head checkpoint at .*nowhere\.jws: whether entries were removed from the end of the log \(\d+ entries\) cannot be checked/);
    fs.writeFileSync(file, jws);
  });

  it("`tppo-hub audit verify --url` verifies the running hub through its API", async () => {
    const fresh = await startTestHub(backend, { auditCheckpointFile: path.join(dir, "fresh-head.jws") });
    try {
      const pol = await fresh.token(POLICE);
      const w = await fresh.gql(`mutation { contributeCase(input: { externalId: "LP-CLI", sourceSystem: "EMP" }) { result { status } } }`, undefined, { token: pol });
      expect(w.body.errors).toBeUndefined();
      const ok = await runCli(["audit", "verify", "--url", fresh.url, "--token", await fresh.token(AUDITOR)], { LOG_LEVEL: "silent" });
      expect(ok.stderr).toBe("");
      expect(ok.code).toBe(0);
      expect(ok.stdout).toMatch(/^Audit log verified: \d+ entries\. Head: \d+:[0-9a-f]{64}\nHead checkpoint \(entry \d+, signed [0-9T:.-]+Z\) is in the log/);
      await fresh.auditCheckpointer!.flush();
      await dropTail(fresh.db, 1);
      const bad = await runCli(["audit", "verify", "--url", fresh.url, "--token", await fresh.token(AUDITOR)], { LOG_LEVEL: "silent" });
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/^tppo-hub: audit log broken at entry \d+: the recorded head \(seq \d+\) is beyond the end of the log/);
      const refused = await runCli(["audit", "verify", "--url", fresh.url, "--token", pol], { LOG_LEVEL: "silent" });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/an auditor's token is needed/);
    } finally {
      await fresh.stop();
    }
  }, 120_000);
});

describe.each(backends)("denied requests in the audit log on %s", (backend) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(backend);
    const police = await hub.token(POLICE);
    const w = await hub.gql(`mutation { contributeCase(input: { externalId: "LP-DENY", sourceSystem: "EMP", originRegionCode: "61.71" }) { result { id } } }`, undefined, {
      token: police,
    });
    expect(w.body.errors).toBeUndefined();
  });
  afterAll(() => hub?.stop());

  const entriesOf = (requestId: string) => hub.db.prisma.auditEntry.findMany({ where: { requestId }, orderBy: { seq: "asc" } });

  it("a field refused at its path is recorded: who, which type, records and field, decision DENY, no values", async () => {
    const requestId = `denied-field-${backend}-${Date.now()}`;
    const r = await hub.gql(`query CasePage { cases(first: 5) { edges { node { id status participants { id } } } } }`, undefined, {
      token: await hub.token(ANALYST),
      headers: { "x-request-id": requestId },
    });
    const ids = (r.body.data as { cases: { edges: { node: { id: string } }[] } }).cases.edges.map((e) => e.node.id).sort();
    expect(ids.length).toBeGreaterThan(0);
    expect(r.body.errors?.every((e) => e.extensions?.code === "FORBIDDEN")).toBe(true);
    const denied = (await entriesOf(requestId)).filter((e) => e.action === "DENIED");
    expect(denied.map((e) => ({ agency: e.agency, roles: e.roles, purpose: e.purpose, operationName: e.operationName, recordType: e.recordType, recordIds: e.recordIds, fields: e.fields, decision: e.decision }))).toEqual([
      { agency: "GUGUS-TUGAS-KALBAR", roles: ["task-force-analyst"], purpose: "statistics", operationName: "CasePage", recordType: "Case", recordIds: ids, fields: ["participants"], decision: "DENY" },
    ]);
  });

  it("a refused root field and a filter refused before execution are recorded, never the value sent", async () => {
    const requestId = `denied-filter-${backend}-${Date.now()}`;
    const social = await hub.token({ agency: "DINSOS-KALBAR", roles: ["social-worker"], purpose: "victim-services", jurisdiction: ["61"] });
    const r = await hub.gql(`query Probe { cases(filter: { region: "61.71" }) { totalCount } }`, undefined, { token: social, headers: { "x-request-id": requestId } });
    expect(r.status).toBe(403);
    const root = `denied-root-${backend}-${Date.now()}`;
    const a = await hub.gql(`{ auditLog(first: 1) { totalCount } }`, undefined, { token: social, headers: { "x-request-id": root } });
    expect(a.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const filter = await entriesOf(requestId);
    expect(filter.map((e) => [e.action, e.recordType, e.fields, e.decision, e.operationName])).toEqual([["DENIED", "Case", ["originRegion"], "DENY_FILTER", "Probe"]]);
    expect(JSON.stringify(filter, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain("61.71");
    expect((await entriesOf(root)).map((e) => [e.action, e.recordType, e.recordIds, e.fields, e.decision])).toEqual([["DENIED", "Query", [], ["auditLog"], "DENY"]]);
  });
});
