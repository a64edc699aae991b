// Polda's subgraph (examples/polda/subgraph.ts) as the gateway calls it: `_entities` with the
// case's required fields, real principal tokens, the demo register, and the real hub (each
// backend) taking the audit hand-off. The whole federation is test/federation/e2e.test.ts.
import { signPrincipalToken } from "../../src/federation";
import type { Principal } from "../../src/auth/principal";
import type { HubKey } from "../../src/auth/hub-key";
import { createLogger } from "../../src/logger";
import { demoRecords } from "../../src/seed/records";
import { demoRegister, type DemoRegister } from "../../examples/polda/from-demo";
import { PoldaRegister } from "../../examples/polda/register";
import { poldaSubgraph } from "../../examples/polda/subgraph";
import type { Subgraph } from "../../src/federation";
import { backends, startTestHub, testHubKey, type TestHub } from "../support/hub";

const ENTITIES = /* GraphQL */ `
  query Investigation($r: [_Any!]!) {
    _entities(representations: $r) { ... on Case { investigation { reportNumber reportDate stage stageSince investigatorUnit investigatorUnitRegion notes } } }
  }`;

const who = (roles: string[], purpose: string, jurisdiction: string[], agency = "POLDA-KALBAR"): Principal =>
  ({ subject: "polda-test", agency, roles, purpose, jurisdiction }) as unknown as Principal;

describe.each(backends)("Polda subgraph (hub on %s)", (backend) => {
  let hub: TestHub;
  let gatewayKey: HubKey;
  let register: PoldaRegister;
  let demo: DemoRegister;
  let subgraph: Subgraph;
  let url: string;
  const queries: number[] = [];

  beforeAll(async () => {
    gatewayKey = await testHubKey();
    hub = await startTestHub(backend, { server: { gatewayKeys: { keys: [gatewayKey.publicJwk] } } });
    demo = demoRegister(await demoRecords({ scale: 1 }));
    register = await PoldaRegister.open();
    await register.load(demo);
    // Count the register's lookups: one per gateway call, however many cases it carries.
    const lookup = register.byCaseNumbers.bind(register);
    register.byCaseNumbers = (numbers, scope) => (queries.push(numbers.length), lookup(numbers, scope));
    subgraph = poldaSubgraph({ register, gateway: { jwks: { keys: [gatewayKey.publicJwk] } }, hubAuditUrl: new URL("/federation/audit", hub.url).toString(), log: createLogger("silent") });
    ({ url } = await subgraph.listen({ port: 0 }));
  });
  afterAll(async () => {
    await subgraph?.stop();
    await register?.close();
    await hub?.stop();
  });

  async function call(principal: Principal, reps: object[], audience = "polda") {
    const token = await signPrincipalToken(gatewayKey, principal, audience);
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: ENTITIES, variables: { r: reps } }),
    });
    return { status: res.status, body: (await res.json()) as { data?: any; errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[] } };
  }
  const rep = (externalId: string, sourceAgency = "POLDA-KALBAR") => ({ __typename: "Case", id: `case-${externalId}`, sourceAgency, externalId });
  const unitRegion = (noLp: string) => demo.satker.find((s) => s.kode_satker === demo.laporan.find((l) => l.no_lp === noLp)!.kode_satker)!.kode_wilayah;

  it("finds each case's report by the externalId Polda contributed it under, in one register query per call", async () => {
    const reports = demo.laporan.slice(0, 8);
    queries.length = 0;
    const r = await call(who(["police-investigator"], "investigation", ["61"]), [...reports.map((l) => rep(l.no_kasus_emp)), rep("KASUS/2024/999999"), rep(reports[0]!.no_kasus_emp, "POLDA-KALSEL")]);
    expect(r.body.errors).toBeUndefined();
    const got = r.body.data._entities.map((e: any) => e.investigation);
    reports.forEach((l, i) => expect(got[i]).toMatchObject({ reportNumber: l.no_lp, reportDate: l.tgl_lp, notes: l.catatan, investigatorUnitRegion: unitRegion(l.no_lp) }));
    // Unknown to the register, or a case another police force contributed: no investigation.
    expect(got.slice(8)).toEqual([null, null]);
    expect(queries).toEqual([9]);
  });

  it("row scope: a Polres investigator gets only its own area's reports; a token without jurisdiction has no territorial limit", async () => {
    const reps = demo.laporan.map((l) => rep(l.no_kasus_emp));
    const sanggau = (await call(who(["police-investigator"], "investigation", ["61.03"]), reps)).body.data._entities.map((e: any) => e.investigation);
    const own = demo.laporan.filter((l) => unitRegion(l.no_lp) === "61.03");
    expect(own.length).toBeGreaterThan(0);
    expect(sanggau.filter(Boolean).map((i: any) => i.reportNumber).sort()).toEqual(own.map((l) => l.no_lp).sort());
    const unlimited = (await call(who(["police-investigator"], "investigation", []), reps)).body.data._entities;
    expect(unlimited.filter((e: any) => e.investigation).length).toBe(demo.laporan.length);
    // The task force: its jurisdiction (the row rule is inJurisdiction too).
    const kalsel = (await call(who(["task-force-analyst"], "statistics", ["63"], "GUGUS-TUGAS-KALSEL"), reps)).body.data._entities;
    expect(kalsel.every((e: any) => e.investigation === null)).toBe(true);
  });

  it("field rules: report number and notes by role and purpose; roles without a grant get FORBIDDEN", async () => {
    const reps = demo.laporan.slice(0, 3).map((l) => rep(l.no_kasus_emp));
    const tf = await call(who(["task-force-analyst"], "statistics", ["61"], "GUGUS-TUGAS-KALBAR"), reps);
    for (const e of tf.body.data._entities) expect(e.investigation).toMatchObject({ reportNumber: null, notes: null, stage: expect.any(String) });
    expect(new Set(tf.body.errors!.map((e) => `${e.path!.at(-1)} ${e.extensions!.code}`))).toEqual(new Set(["reportNumber FORBIDDEN", "notes FORBIDDEN"]));

    const pr = await call(who(["prosecutor"], "prosecution", ["61"], "KEJATI-KALBAR"), reps);
    expect(pr.body.errors).toBeUndefined();
    expect(pr.body.data._entities.map((e: any) => e.investigation.notes)).toEqual(demo.laporan.slice(0, 3).map((l) => l.catatan));

    const offPurpose = await call(who(["police-investigator"], "statistics", ["61"]), reps);
    for (const e of offPurpose.body.data._entities) expect(e.investigation).toMatchObject({ reportNumber: expect.any(String), notes: null });
    expect(offPurpose.body.errors!.every((e) => e.path!.at(-1) === "notes" && e.extensions!.code === "FORBIDDEN")).toBe(true);

    for (const p of [who(["social-worker"], "victim-services", ["61"], "DINSOS-KALBAR"), who(["ngo-analyst"], "statistics", [], "NGO-SUAKA-BORNEO")]) {
      const r = await call(p, reps);
      expect(r.body.data._entities.map((e: any) => e.investigation)).toEqual([null, null, null]);
      expect(r.body.errors!.every((e) => e.path!.at(-1) === "investigation" && e.extensions!.code === "FORBIDDEN")).toBe(true);
    }
  });

  it("refuses a token for another subgraph and a hub token (401, nothing parsed)", async () => {
    expect((await call(who(["police-investigator"], "investigation", ["61"]), [rep(demo.laporan[0]!.no_kasus_emp)], "bp3mi")).status).toBe(401);
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${await hub.token()}` }, body: JSON.stringify({ query: "{ _service { sdl } }" }) });
    expect(res.status).toBe(401);
  });

  it("the notes it released are on the hub's audit log, naming the subgraph, the caller and the report", async () => {
    const l = demo.laporan[1]!;
    const r = await call(who(["police-investigator"], "investigation", ["61"]), [rep(l.no_kasus_emp)]);
    expect(r.body.data._entities[0].investigation.notes).toBe(l.catatan);
    const audit = await hub.gql(
      `query($f: AuditLogFilter) { auditLog(filter: $f, last: 20) { edges { node { operationName agency roles purpose action recordType recordIds fields decision } } } }`,
      { f: { recordType: "PoldaInvestigation", recordId: l.no_lp } },
      { token: await hub.token({ agency: "GUGUS-TUGAS-KALBAR", roles: ["auditor"], purpose: "audit", jurisdiction: [] }) },
    );
    expect(audit.body.errors).toBeUndefined();
    const entries = (audit.body.data as any).auditLog.edges.map((e: any) => e.node);
    expect(entries).toContainEqual(
      expect.objectContaining({ operationName: expect.stringMatching(/^subgraph polda/), agency: "POLDA-KALBAR", roles: ["police-investigator"], action: "READ", recordIds: [l.no_lp], fields: expect.arrayContaining(["notes"]) }),
    );
  });
});
