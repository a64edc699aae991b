// The federation end to end (issue 10, first "Done when" item): the gateway, the hub and the three
// example agency systems, each its own process on a loopback port, started by the same launcher as
// `npm start` (examples/federation.ts). Real signed tokens, real HTTP, the hub on each backend.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadHubKey, type HubKey } from "../../src/auth/hub-key";
import { issueToken, type TokenRequest } from "../../src/auth/issue-token";
import { demoRecords, type DemoRecords } from "../../src/seed/records";
import { signPrincipalToken } from "../../src/federation/principal-token";
import { startFederation, type Federation } from "../../examples/federation";
import { demoRegister, type DemoRegister } from "../../examples/polda/from-demo";
import { TPI_OF_POST } from "../../examples/imigrasi/demo-data";
import { backends, emptyPostgresUrl } from "../support/hub";

const FREE_PORTS = { gateway: 0, hub: 0, bp3miRest: 0, bp3mi: 0, imigrasi: 0, polda: 0 };

type Gql = { status: number; body: { data?: any; errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[] } };

async function post(url: string, token: string | null, query: string, variables?: Record<string, unknown>): Promise<Gql> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    return { status: res.status, body: { errors: [{ message: `non-JSON response: ${text.slice(0, 200)}` }] } };
  }
}

const codes = (r: Gql) => [...new Set((r.body.errors ?? []).map((e) => e.extensions?.code))];

const ROLE_TOKENS = {
  investigator: { agency: "POLDA-KALBAR", roles: ["police-investigator"], purpose: "investigation", jurisdiction: ["61"] },
  /** A Polres investigator: Sanggau only. */
  investigatorSanggau: { agency: "POLDA-KALBAR", roles: ["police-investigator"], purpose: "investigation", jurisdiction: ["61.03"] },
  /** The same role outside its investigation purpose. */
  investigatorStatistics: { agency: "POLDA-KALBAR", roles: ["police-investigator"], purpose: "statistics", jurisdiction: ["61"] },
  prosecutor: { agency: "KEJATI-KALBAR", roles: ["prosecutor"], purpose: "prosecution", jurisdiction: ["61"] },
  taskForce: { agency: "GUGUS-TUGAS-KALBAR", roles: ["task-force-analyst"], purpose: "statistics", jurisdiction: ["61"] },
  socialWorker: { agency: "DINSOS-KALBAR", roles: ["social-worker"], purpose: "victim-services", jurisdiction: ["61"] },
  ngoAnalyst: { agency: "NGO-SUAKA-BORNEO", roles: ["ngo-analyst"], purpose: "statistics", jurisdiction: [] },
  auditor: { agency: "GUGUS-TUGAS-KALBAR", roles: ["auditor"], purpose: "audit", jurisdiction: [] },
  bp3mi: { agency: "BP3MI-KALBAR", roles: ["bp3mi-officer"], purpose: "placement-protection", jurisdiction: ["61"] },
  immigration: { agency: "IMIGRASI-ENTIKONG", roles: ["immigration-officer"], purpose: "border-control", jurisdiction: ["61"] },
} satisfies Record<string, Omit<TokenRequest, "ttl">>;
type RoleName = keyof typeof ROLE_TOKENS;

const INVESTIGATIONS = /* GraphQL */ `
  query Investigations {
    cases(first: 100) {
      edges { node { id externalId sourceAgency investigation { reportNumber stage stageSince investigatorUnit investigatorUnitRegion notes } } }
    }
  }`;


const CASE_ACROSS_ALL_FOUR = /* GraphQL */ `
  query CaseAcross($id: ID!) {
    case(id: $id) {
      id externalId status
      investigation { reportNumber stage investigatorUnit }
      participants {
        role
        person {
          id fullName
          documents { type number }
          bp3miPlacements { registrationNumber workerName passportNumber destinationCountry status p3mi { licenceNumber status } }
          borderCrossings { registerNumber travellerName passportNumber direction checkpoint crossedAt }
        }
      }
    }
  }`;

const PERSON_ACROSS = /* GraphQL */ `
  query PersonAcross($id: ID!) {
    person(id: $id) {
      id fullName identityProtected
      documents { type number }
      bp3miPlacements { registrationNumber workerName passportNumber }
      borderCrossings { registerNumber travellerName passportNumber }
    }
  }`;

/** True when a string is shown in full: no mask stars and not reduced to initials. */
const clear = (v: unknown) => typeof v === "string" && !v.includes("*") && !/^([A-Z]\. ?)+$/.test(v);

describe.each(backends)("federation end to end: gateway, hub (%s), BP3MI, Imigrasi, Polda", (backend) => {
  let dataDir: string;
  let fed: Federation;
  let hubKey: HubKey;
  let records: DemoRecords;
  let register: DemoRegister;
  const tokens = {} as Record<RoleName, string>;
  const gql = (role: RoleName, query: string, variables?: Record<string, unknown>) => post(fed.gatewayUrl, tokens[role], query, variables);

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tppo-federation-"));
    fed = await startFederation({
      dataDir,
      ports: FREE_PORTS,
      logLevel: "info",
      hubDatabaseUrl: backend === "postgres" ? await emptyPostgresUrl() : undefined,
      // Imigrasi's records in a real PostgreSQL database whenever the run has one.
      imigrasiDatabaseUrl: process.env.TEST_PG_URL ? await emptyPostgresUrl() : undefined,
    });
    hubKey = await loadHubKey(path.join(dataDir, "hub-signing-key.pem"), { create: false });
    for (const [role, req] of Object.entries(ROLE_TOKENS)) {
      tokens[role as RoleName] = await issueToken(hubKey, "tppo-hub", "tppo-hub", { ...req, ttl: "1h" } as TokenRequest);
    }
    records = await demoRecords({ scale: 1 });
    register = demoRegister(records);
  }, 240_000);

  afterAll(async () => {
    await fed?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** The register's report per EMP case number. */
  const reportOf = (externalId: string) => register.laporan.find((l) => l.no_kasus_emp === externalId);
  const unitRegionOf = (externalId: string) => register.satker.find((s) => s.kode_satker === reportOf(externalId)?.kode_satker)?.kode_wilayah;


  /** Persons of the demo the agency systems know: crossings at a checkpoint (Imigrasi) and placements (BP3MI). */
  const crossers = () => new Set(records.borderCrossings.filter((c) => c.personId && c.documentNumber && TPI_OF_POST[c.post]).map((c) => c.personId!));
  const placed = () => new Set(records.migrantPlacements.map((p) => p.workerId));
  const victimsOf = (pred: (p: DemoRecords["caseParticipants"][number]) => boolean) =>
    records.caseParticipants.filter((p) => p.role === "VICTIM" && records.cases.find((c) => c.id === p.caseId)?.sourceAgency === "POLDA-KALBAR" && pred(p));

  describe("one query across the hub, Polda, BP3MI and Imigrasi", () => {
    it("a case with its investigation (Polda) and its victims' placements (BP3MI) and crossings (Imigrasi), matched by the documents the hub holds", async () => {
      const c = crossers();
      const pl = placed();
      const victim = victimsOf((p) => !p.isChild && c.has(p.personId) && pl.has(p.personId) && Boolean(reportOf(records.cases.find((k) => k.id === p.caseId)!.externalId)))[0];
      expect(victim).toBeDefined();
      const r = await gql("investigator", CASE_ACROSS_ALL_FOUR, { id: victim!.caseId });
      expect(r.body.errors).toBeUndefined();
      const kase = r.body.data.case;
      expect(kase.investigation.reportNumber).toBe(reportOf(kase.externalId)!.no_lp);
      const person = kase.participants.find((p: any) => p.person.id === victim!.personId).person;
      const numbers = person.documents.map((d: any) => d.number);
      expect(person.bp3miPlacements.length).toBeGreaterThan(0);
      expect(person.borderCrossings.length).toBeGreaterThan(0);
      for (const x of person.borderCrossings) {
        expect(numbers).toContain(x.passportNumber);
        expect(clear(x.travellerName)).toBe(true);
      }
      for (const x of person.bp3miPlacements) expect(clear(x.workerName)).toBe(true);
    });
  });

  describe("child and consent protections on subgraph fields", () => {
    it("a child victim: the exempt investigator sees BP3MI's and Imigrasi's values in clear; BP3MI and Imigrasi officers get none of them", async () => {
      const c = crossers();
      const pl = placed();
      const childCrosser = victimsOf((p) => Boolean(p.isChild) && c.has(p.personId))[0];
      const childPlaced = victimsOf((p) => Boolean(p.isChild) && pl.has(p.personId))[0];
      expect(childCrosser).toBeDefined();
      expect(childPlaced).toBeDefined();

      const byInvestigator = await gql("investigator", PERSON_ACROSS, { id: childCrosser!.personId });
      expect(byInvestigator.body.data.person.identityProtected).toBe(false);
      expect(byInvestigator.body.data.person.borderCrossings.length).toBeGreaterThan(0);
      expect(byInvestigator.body.data.person.borderCrossings.every((x: any) => clear(x.travellerName) && clear(x.passportNumber))).toBe(true);
      const byImmigration = await gql("immigration", PERSON_ACROSS, { id: childCrosser!.personId });
      expect(byImmigration.body.data.person.identityProtected).toBe(true);
      for (const x of byImmigration.body.data.person.borderCrossings ?? []) {
        expect(clear(x.travellerName)).toBe(false);
        expect(clear(x.passportNumber)).toBe(false);
      }

      const placedByInvestigator = await gql("investigator", PERSON_ACROSS, { id: childPlaced!.personId });
      expect(placedByInvestigator.body.data.person.bp3miPlacements.length).toBeGreaterThan(0);
      expect(placedByInvestigator.body.data.person.bp3miPlacements.every((x: any) => clear(x.workerName))).toBe(true);
      const byBp3mi = await gql("bp3mi", PERSON_ACROSS, { id: childPlaced!.personId });
      expect(byBp3mi.body.data.person.identityProtected).toBe(true);
      for (const x of byBp3mi.body.data.person.bp3miPlacements ?? []) {
        expect(clear(x.workerName)).toBe(false);
        expect(clear(x.passportNumber)).toBe(false);
      }
    });

    it("consent: Imigrasi's values of an adult victim reach the immigration officer only if the victim consented to share with Imigrasi", async () => {
      const c = crossers();
      const consented = victimsOf((p) => !p.isChild && c.has(p.personId) && (p.consentAgencies as string[]).includes("IMIGRASI-ENTIKONG"))[0];
      const refused = victimsOf((p) => !p.isChild && c.has(p.personId) && !(p.consentAgencies as string[]).includes("IMIGRASI-ENTIKONG"))[0];
      expect(refused).toBeDefined();
      const no = await gql("immigration", PERSON_ACROSS, { id: refused!.personId });
      expect(no.body.data.person.identityProtected).toBe(true);
      for (const x of no.body.data.person.borderCrossings ?? []) expect(clear(x.travellerName) || clear(x.passportNumber)).toBe(false);
      // The same officer sees a consenting victim's crossings in clear (or, if none consented, a non-victim's).
      const other = consented?.personId ?? records.borderCrossings.find((x) => x.personId && TPI_OF_POST[x.post] && x.documentNumber && !records.caseParticipants.some((p) => p.personId === x.personId))!.personId!;
      const yes = await gql("immigration", PERSON_ACROSS, { id: other });
      expect(yes.body.data.person.identityProtected).toBe(false);
      expect(yes.body.data.person.borderCrossings.length).toBeGreaterThan(0);
      expect(yes.body.data.person.borderCrossings.every((x: any) => clear(x.travellerName) && clear(x.passportNumber))).toBe(true);
    });

    it("masks: outside its purpose the investigator sees the hub's identity masked, and a masked document number matches nothing in the agency systems", async () => {
      const c = crossers();
      const victim = victimsOf((p) => !p.isChild && c.has(p.personId))[0]!;
      const r = await gql("investigatorStatistics", PERSON_ACROSS, { id: victim.personId });
      const person = r.body.data.person;
      expect(clear(person.fullName)).toBe(false);
      expect(person.documents.every((d: any) => !clear(d.number))).toBe(true);
      expect(person.borderCrossings ?? []).toEqual([]);
      expect(person.bp3miPlacements ?? []).toEqual([]);
    });
  });

  describe("Polda: Case.investigation", () => {
    it("an investigator of the province sees every Polda Kalbar case's investigation, notes included, matched by the case's externalId", async () => {
      const r = await gql("investigator", INVESTIGATIONS);
      expect(r.body.errors).toBeUndefined();
      const nodes = r.body.data.cases.edges.map((e: any) => e.node);
      const withReport = nodes.filter((n: any) => n.sourceAgency === "POLDA-KALBAR" && reportOf(n.externalId));
      expect(withReport.length).toBeGreaterThan(20);
      for (const n of nodes) {
        const report = n.sourceAgency === "POLDA-KALBAR" ? reportOf(n.externalId) : undefined;
        if (!report) {
          expect(n.investigation).toBeNull();
          continue;
        }
        expect(n.investigation).toMatchObject({ reportNumber: report.no_lp, notes: report.catatan, investigatorUnitRegion: unitRegionOf(n.externalId) });
        expect(n.investigation.stage).toMatch(/^(PENYELIDIKAN|PENYIDIKAN|P19|P21|TAHAP_II|SP3|DILIMPAHKAN)$/);
      }
    });

    it("audit: the notes Polda released through the gateway are on the hub's audit log, naming the subgraph, the caller and the report", async () => {
      const report = register.laporan[2]!;
      const kase = records.cases.find((c) => c.sourceAgency === "POLDA-KALBAR" && c.externalId === report.no_kasus_emp)!;
      const r = await gql("investigator", `query Notes($id: ID!) { case(id: $id) { investigation { notes } } }`, { id: kase.id });
      expect(r.body.data.case.investigation.notes).toBe(report.catatan);
      const audit = await gql(
        "auditor",
        `query($f: AuditLogFilter) { auditLog(filter: $f, last: 10) { edges { node { operationName agency roles purpose action recordType recordIds fields decision } } } }`,
        { f: { recordType: "PoldaInvestigation", recordId: report.no_lp } },
      );
      expect(audit.body.errors).toBeUndefined();
      expect(audit.body.data.auditLog.edges.map((e: any) => e.node)).toContainEqual({
        operationName: "subgraph polda: Notes",
        agency: "POLDA-KALBAR",
        roles: ["police-investigator"],
        purpose: "investigation",
        action: "READ",
        recordType: "PoldaInvestigation",
        recordIds: [report.no_lp],
        fields: ["notes"],
        decision: "ALLOW",
      });
    });

    it("row scope: a Polres investigator sees the investigations its own area's units registered, and no other", async () => {
      const r = await gql("investigatorSanggau", INVESTIGATIONS);
      expect(r.body.errors).toBeUndefined();
      const polda = r.body.data.cases.edges.map((e: any) => e.node).filter((n: any) => n.sourceAgency === "POLDA-KALBAR" && reportOf(n.externalId));
      const own = polda.filter((n: any) => unitRegionOf(n.externalId) === "61.03");
      const others = polda.filter((n: any) => unitRegionOf(n.externalId) !== "61.03");
      // The demo has both kinds among the cases this investigator can read.
      expect(own.length).toBeGreaterThan(0);
      expect(others.length).toBeGreaterThan(0);
      for (const n of own) expect(n.investigation?.reportNumber).toBe(reportOf(n.externalId)!.no_lp);
      for (const n of others) expect(n.investigation).toBeNull();
    });

    it("field rules: the gateway refuses, before planning, what a role may not read; the task force reads the stage without report number or notes", async () => {
      // Refused as a whole (403), each denied coordinate named, nothing planned or fetched.
      const tf = await gql("taskForce", INVESTIGATIONS);
      expect(tf.status).toBe(403);
      expect(tf.body.data ?? null).toBeNull();
      expect(codes(tf)).toEqual(["FORBIDDEN"]);
      expect(tf.body.errors!.map((e) => e.message).sort()).toEqual(["Not permitted: PoldaInvestigation.notes", "Not permitted: PoldaInvestigation.reportNumber"]);
      const stages = await gql("taskForce", `{ cases(first: 100) { edges { node { id externalId sourceAgency investigation { stage stageSince investigatorUnit } } } } }`);
      expect(stages.body.errors).toBeUndefined();
      const tfNodes = stages.body.data.cases.edges.map((e: any) => e.node).filter((n: any) => n.sourceAgency === "POLDA-KALBAR" && reportOf(n.externalId));
      expect(tfNodes.length).toBeGreaterThan(0);
      for (const n of tfNodes) expect(n.investigation.stage).toMatch(/^(PENYELIDIKAN|PENYIDIKAN|P19|P21|TAHAP_II|SP3|DILIMPAHKAN)$/);

      // Notes need the purpose: an investigator working on statistics is refused them, not the rest.
      const stats = await gql("investigatorStatistics", INVESTIGATIONS);
      expect(stats.status).toBe(403);
      expect(stats.body.errors!.map((e) => e.message)).toEqual(["Not permitted: PoldaInvestigation.notes"]);
      const noNotes = await gql("investigatorStatistics", INVESTIGATIONS.replace(" notes }", " }"));
      expect(noNotes.body.errors).toBeUndefined();
      const sNodes = noNotes.body.data.cases.edges.map((e: any) => e.node).filter((n: any) => n.investigation);
      expect(sNodes.length).toBeGreaterThan(0);
      for (const n of sNodes) expect(n.investigation.reportNumber).toBe(reportOf(n.externalId)!.no_lp);

      const pr = await gql("prosecutor", INVESTIGATIONS);
      expect(pr.body.errors).toBeUndefined();
      const prNodes = pr.body.data.cases.edges.map((e: any) => e.node).filter((n: any) => n.investigation);
      expect(prNodes.length).toBeGreaterThan(0);
      for (const n of prNodes) expect(n.investigation.notes).toBe(reportOf(n.externalId)!.catatan);
    });
  });

  describe("roles that see nothing of a subgraph", () => {
    it("an NGO analyst gets nothing from any subgraph, by any path; a social worker nothing of Polda's", async () => {
      for (const query of [
        `{ cases(first: 1) { edges { node { investigation { stage } } } } }`,
        `{ cases(first: 1) { edges { node { ... on Case { inv: investigation { stage } } } } } }`,
        `query { ...F } fragment F on Query { person(id: "x") { bp3miPlacements { registrationNumber } borderCrossings { registerNumber } } }`,
        `{ organizations(first: 1) { edges { node { p3miLicence { status } } } } }`,
        `{ _entities(representations: [{ __typename: "Case", id: "x", sourceAgency: "POLDA-KALBAR", externalId: "KASUS/2024/000001" }]) { ... on Case { investigation { stage } } } }`,
      ]) {
        const r = await gql("ngoAnalyst", query);
        // Refused before planning (FORBIDDEN), or not even in the API schema (`_entities`).
        expect([query, r.body.data ?? null]).toEqual([query, null]);
        expect(r.body.errors?.length).toBeGreaterThan(0);
        expect(codes(r).every((c) => c === "FORBIDDEN" || c === "GRAPHQL_VALIDATION_FAILED")).toBe(true);
      }
      // A social worker works with victims, not investigations: Polda's part is refused by name.
      const sw = await gql("socialWorker", `{ cases(first: 5) { edges { node { id status investigation { stage } } } } }`);
      expect(sw.status).toBe(403);
      expect(sw.body.errors!.map((e) => e.message)).toContain("Not permitted: Case.investigation");
      // What it is refused is named: the subgraph's coordinates.
      const r = await gql("ngoAnalyst", `{ cases(first: 1) { edges { node { investigation { stage } } } } }`);
      expect(r.body.errors!.map((e) => e.message)).toEqual(expect.arrayContaining(["Not permitted: Case.investigation"]));
    });
  });

  describe("subgraphs answer only the gateway", () => {
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Case { investigation { reportNumber notes } } } }`;

    it("refuses a call without a token, with a hub token, and with a gateway token for another subgraph", async () => {
      const polda = fed.services.polda.url;
      const reps = { r: [{ __typename: "Case", id: "x", sourceAgency: "POLDA-KALBAR", externalId: register.laporan[0]!.no_kasus_emp }] };
      const gatewayKey = await loadHubKey(path.join(dataDir, "gateway-signing-key.pem"), { create: false });
      const principal = { subject: "e2e", agency: "POLDA-KALBAR", roles: ["police-investigator"], purpose: "investigation", jurisdiction: [] } as never;
      for (const token of [null, tokens.investigator, await signPrincipalToken(gatewayKey, principal, "bp3mi")]) {
        for (const query of [entities, `{ _service { sdl } }`]) {
          const r = await post(polda, token, query, reps);
          expect(r.status).toBe(401);
          expect(r.body.data).toBeUndefined();
        }
      }
      // The gateway's own token for polda is accepted: the refusals above are about the token alone.
      const ok = await post(polda, await signPrincipalToken(gatewayKey, principal, "polda"), entities, reps);
      expect(ok.status).toBe(200);
      expect(ok.body.data._entities[0].investigation.reportNumber).toBe(register.laporan[0]!.no_lp);
    });
  });

  describe("resilience", () => {
    it("with Polda stopped mid-test, a query crossing it still answers the rest, with an error naming polda", async () => {
      const before = await gql("investigator", INVESTIGATIONS);
      expect(before.body.errors).toBeUndefined();
      await fed.services.polda.stop();
      const r = await gql("investigator", INVESTIGATIONS);
      expect(r.status).toBe(200);
      const nodes = r.body.data.cases.edges.map((e: any) => e.node);
      expect(nodes.map((n: any) => n.id)).toEqual(before.body.data.cases.edges.map((e: any) => e.node.id));
      expect(nodes.every((n: any) => n.investigation === null)).toBe(true);
      expect((r.body.errors ?? []).length).toBeGreaterThan(0);
      for (const e of r.body.errors!) expect(`${e.message} ${JSON.stringify(e.extensions)}`).toMatch(/polda/);
      // The gateway's readiness names the subgraph that is down, and only that one.
      const ready = (await (await fetch(new URL("/readyz", fed.gatewayUrl))).json()) as { subgraphs: Record<string, { state: string }> };
      expect(Object.fromEntries(Object.entries(ready.subgraphs).map(([n, v]) => [n, v.state === "up"]))).toEqual({ hub: true, bp3mi: true, imigrasi: true, polda: false });
      // What does not cross Polda is whole.
      const c = crossers();
      const victim = victimsOf((p) => !p.isChild && c.has(p.personId))[0]!;
      const rest = await gql("investigator", PERSON_ACROSS, { id: victim.personId });
      expect(rest.body.errors).toBeUndefined();
      expect(rest.body.data.person.borderCrossings.length).toBeGreaterThan(0);
    });

    it("every process stops by itself on SIGTERM (exit code 0, no SIGKILL needed)", async () => {
      const outcomes = await Promise.all(
        Object.values(fed.services).map(async (s) => {
          await s.stop();
          return [s.name, await s.exited];
        }),
      );
      expect(Object.fromEntries(outcomes)).toEqual(Object.fromEntries(Object.keys(fed.services).map((name) => [name, { code: 0, signal: null }])));
    });
  });
});
