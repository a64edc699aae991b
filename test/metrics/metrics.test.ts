// GET /metrics over real HTTP on a hub started by the real app wiring (src/app.ts): off by
// default, bearer on the hub's port with its own token, open on a port of its own; and after real
// queries, denials and contributions the counters show exactly those numbers.
import { ContributeBatchDocument, ContributeCaseDocument, ProvincesDocument } from "../generated/graphql";
import { registerAgencies, AGENCIES } from "../contribute/support";
import { backends, type TestHub } from "../support/hub";
import { parseMetrics, series, startMetricsHub, type MetricsHub } from "./support";

const METRICS_TOKEN = "m3tr1cs-".padEnd(48, "x");

const scrape = (url: string, authorization?: string) => fetch(url, { headers: authorization ? { authorization } : {} });

describe.each(backends)("GET /metrics on %s", (backend) => {
  let off: MetricsHub;
  let bearer: MetricsHub;
  let port: MetricsHub;

  beforeAll(async () => {
    [off, bearer, port] = await Promise.all([
      startMetricsHub(backend),
      startMetricsHub(backend, { METRICS: "bearer", METRICS_TOKEN }),
      startMetricsHub(backend, { METRICS: "port", METRICS_PORT: "0" }),
    ]);
  });
  afterAll(() => Promise.all([off, bearer, port].map((h) => h?.stop())));

  it("is off by default: 404, with or without a token, and nothing is recorded", async () => {
    expect(off.hub.metrics).toBeUndefined();
    expect(off.hub.metricsServer).toBeUndefined();
    expect((await scrape(`${off.base}/metrics`)).status).toBe(404);
    expect((await scrape(`${off.base}/metrics`, `Bearer ${METRICS_TOKEN}`)).status).toBe(404);
    expect((await scrape(`${off.base}/metrics`, `Bearer ${await off.token()}`)).status).toBe(404);
  });

  it("bearer mode refuses a missing token, a wrong one and a GraphQL JWT; serves the metrics token", async () => {
    const url = `${bearer.base}/metrics`;
    const jwt = await bearer.token({ roles: ["admin"] });
    // The JWT is good for GraphQL on this very hub...
    expect((await bearer.gql(ProvincesDocument, undefined, jwt)).status).toBe(200);
    // ...but not for the metrics.
    for (const auth of [undefined, `Bearer ${jwt}`, `Bearer ${METRICS_TOKEN.slice(0, -1)}y`, `Bearer ${METRICS_TOKEN}x`, `Basic ${METRICS_TOKEN}`, METRICS_TOKEN]) {
      const r = await scrape(url, auth);
      expect([auth, r.status, r.headers.get("www-authenticate")]).toEqual([auth, 401, 'Bearer realm="tppo-hub-metrics"']);
      expect(await r.text()).not.toContain("tppo_hub_");
    }
    const ok = await scrape(url, `Bearer ${METRICS_TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await ok.text()).toContain("# TYPE tppo_hub_graphql_requests_total counter");
    // Not served on another path, and no separate server in this mode.
    expect(bearer.hub.metricsServer).toBeUndefined();
  });

  it("port mode serves the metrics openly on its own port, and not on the hub's", async () => {
    const server = port.hub.metricsServer!;
    expect(server.port).toBeGreaterThan(0);
    expect(server.port).not.toBe(port.hub.server.port);
    const r = await scrape(`http://127.0.0.1:${server.port}/metrics`);
    expect(r.status).toBe(200);
    expect(await r.text()).toContain("tppo_hub_db_pool_open");
    expect((await scrape(`http://127.0.0.1:${server.port}/graphql`)).status).toBe(404);
    expect((await scrape(`${port.base}/metrics`)).status).toBe(404);
    expect((await scrape(`${port.base}/metrics`, `Bearer ${METRICS_TOKEN}`)).status).toBe(404);
  });

  it("counts exactly the requests, outcomes, denials, audit appends and contribution results that happened", async () => {
    const h = bearer;
    await registerAgencies({ db: h.hub.db } as TestHub, ["bp3mi"]);
    const a = AGENCIES.bp3mi;
    const bp3mi = await h.token({ agency: a.code, roles: a.roles, purpose: a.purpose, jurisdiction: ["61"], subject: "officer:bp3mi" });
    const broad = await h.token();
    const before = parseMetrics(await (await scrape(`${h.base}/metrics`, `Bearer ${METRICS_TOKEN}`)).text());
    const requestsBefore = series(before, "tppo_hub_graphql_requests_total", ["operation", "outcome"]);

    // Reads: two named, one anonymous.
    for (let i = 0; i < 2; i++) expect((await h.gql(ProvincesDocument, undefined, broad)).body.errors).toBeUndefined();
    expect((await h.gql("{ regions { code } }", undefined, broad)).body.errors).toBeUndefined();
    // Two denials: a mutation the role may not call (field policy), a filter on a field the role
    // may not read (document guard).
    const denied = await h.gql(ContributeCaseDocument, { input: { externalId: "LP-1", sourceSystem: "SISKOP2MI" } }, bp3mi);
    const deniedRule = denied.body.errors?.[0]?.extensions?.rule;
    expect(denied.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(typeof deniedRule).toBe("string");
    const analyst = await h.token({ agency: "YAYASAN-PEDULI", roles: ["ngo-analyst"], purpose: "statistics", jurisdiction: [], subject: "analyst" });
    const peek = await h.gql(`query Peek { persons(first: 1, filter: { nameContains: "Siti" }) { totalCount } }`, undefined, analyst);
    const peekRule = peek.body.errors?.[0]?.extensions?.rule;
    expect(peek.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(typeof peekRule).toBe("string");
    expect(peekRule).not.toBe(deniedRule);
    // Contributions: 2 created; then 1 unchanged, 1 updated, 2 rejected (a bad region inside the
    // transaction, an entry that sets no record).
    const org = (id: string, name: string, regionCode?: string) => ({ organization: { externalId: id, sourceSystem: "SISKOP2MI", name, kind: "P3MI", regionCode } });
    const first = await h.gql(ContributeBatchDocument, { records: [org("P3MI-1", "PT Satu"), org("P3MI-2", "PT Dua")] }, bp3mi);
    expect(first.body.data.contribute.map((r: { status: string }) => r.status)).toEqual(["CREATED", "CREATED"]);
    const second = await h.gql(ContributeBatchDocument, { records: [org("P3MI-1", "PT Satu"), org("P3MI-2", "PT Dua Baru"), org("P3MI-3", "PT Tiga", "99.99"), {}] }, bp3mi);
    expect(second.body.data.contribute.map((r: { status: string }) => r.status)).toEqual(["UNCHANGED", "UPDATED", "REJECTED", "REJECTED"]);

    const after = parseMetrics(await (await scrape(`${h.base}/metrics`, `Bearer ${METRICS_TOKEN}`)).text());
    const requests = series(after, "tppo_hub_graphql_requests_total", ["operation", "outcome"]);
    // The first test's Provinces call (with the JWT) happened before `before`.
    const delta = Object.fromEntries(Object.entries(requests).map(([k, v]) => [k, v - (requestsBefore[k] ?? 0)]).filter(([, v]) => v !== 0));
    expect(delta).toEqual({
      "Provinces|ok": 2,
      "(anonymous)|ok": 1,
      "ContributeCase|FORBIDDEN": 1,
      "Peek|FORBIDDEN": 1,
      "ContributeBatch|ok": 2,
    });
    // One latency observation per request.
    const counts = series(after, "tppo_hub_graphql_request_duration_seconds_count", ["operation"]);
    expect(counts["Provinces"]).toBe(requests["Provinces|ok"]);
    expect(counts["ContributeBatch"]).toBe(2);
    const inf = after.find((s) => s.name === "tppo_hub_graphql_request_duration_seconds_bucket" && s.labels.operation === "ContributeBatch" && s.labels.le === "+Inf");
    expect(inf?.value).toBe(2);

    expect(series(after, "tppo_hub_policy_denials_total", ["rule"])).toEqual({ [deniedRule]: 1, [peekRule]: 1 });

    expect(series(after, "tppo_hub_contributions_total", ["status", "record_type"])).toEqual({
      "CREATED|Organization": 2,
      "UNCHANGED|Organization": 1,
      "UPDATED|Organization": 1,
      "REJECTED|Organization": 1,
      "REJECTED|unknown": 1,
    });

    // The audit counter equals what the log holds (nothing else wrote to this database).
    const rows = await h.hub.db.raw.query<{ action: string; n: number }>(`SELECT action::text AS action, count(*)::int AS n FROM "AuditEntry" GROUP BY action`);
    const logged = Object.fromEntries(rows.map((r) => [r.action, r.n]));
    expect(logged.WRITE).toBe(6);
    expect(series(after, "tppo_hub_audit_entries_appended_total", ["action"])).toEqual(logged);
  });

  it("reports the database pool, event-loop lag and process memory", async () => {
    const samples = parseMetrics(await (await scrape(`${bearer.base}/metrics`, `Bearer ${METRICS_TOKEN}`)).text());
    const pool = (name: string) => samples.find((s) => s.name === `tppo_hub_db_pool_${name}` && s.labels.backend === backend)?.value;
    if (backend === "postgres") {
      expect(pool("max")).toBe(4); // test/support/hub.ts opens PostgreSQL test databases with 4 connections
      expect(pool("open")).toBeGreaterThanOrEqual(1);
      expect(pool("in_use")! + pool("idle")!).toBe(pool("open"));
      expect(pool("waiting")).toBe(0);
      // Live values: five slow statements on a pool of four hold every connection and queue one.
      const slow = Array.from({ length: 5 }, () => bearer.hub.db.raw.query("SELECT pg_sleep(0.5)"));
      await new Promise((r) => setTimeout(r, 150));
      const busy = parseMetrics(await (await scrape(`${bearer.base}/metrics`, `Bearer ${METRICS_TOKEN}`)).text());
      await Promise.all(slow);
      const busyPool = (name: string) => busy.find((s) => s.name === `tppo_hub_db_pool_${name}`)?.value;
      expect([busyPool("open"), busyPool("in_use"), busyPool("idle")]).toEqual([4, 4, 0]);
      // The fifth statement waits; the hub's own background reads (the audit head checkpoint after
      // the previous test's writes) may be queued beside it.
      expect(busyPool("waiting")).toBeGreaterThanOrEqual(1);
    } else {
      // One in-process connection; busy or idle cannot be told, so they are not reported.
      expect([pool("max"), pool("open"), pool("in_use"), pool("idle"), pool("waiting")]).toEqual([1, 1, undefined, undefined, undefined]);
    }
    const names = new Set(samples.map((s) => s.name));
    for (const n of ["nodejs_eventloop_lag_seconds", "nodejs_eventloop_lag_p99_seconds", "process_resident_memory_bytes", "nodejs_heap_size_used_bytes"]) expect(names).toContain(n);
    expect(samples.find((s) => s.name === "process_resident_memory_bytes")!.value).toBeGreaterThan(10_000_000);
  });

  it("keeps each hub's counts in its own registry", async () => {
    const broad = await port.token();
    await port.gql(ProvincesDocument, undefined, broad);
    const samples = parseMetrics(await (await scrape(port.hub.metricsServer!.url)).text());
    expect(series(samples, "tppo_hub_graphql_requests_total", ["operation", "outcome"])).toEqual({ "Provinces|ok": 1 });
    expect(series(samples, "tppo_hub_contributions_total", ["status", "record_type"])).toEqual({});
  });
});
