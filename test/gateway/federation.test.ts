// The gateway over real HTTP: a real hub (both databases) and a tiny BP3MI subgraph built with
// @apollo/subgraph, each verifying the gateway's per-subgraph principal token, real signed JWTs.
import * as jose from "jose";
import type { HubKey } from "../../src/auth/hub-key";
import { signPrincipalToken } from "../../src/federation/principal-token";
import { backends, type TestHub } from "../support/hub";
import { post, startHubBehindGateway, startTestGateway, startTinySubgraph, testHubKey, type TestGateway, type TinySubgraph } from "../support/gateway";

// Person.bp3miRiskScore has no entry in POLICY.subgraphs.bp3mi: undecided, so denied to everyone.
export const BP3MI_SDL = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])
type Person @key(fields: "id") {
  id: ID!
  bp3miPlacements: [Bp3miPlacement!]
  bp3miRiskScore: Int
}
type Organization @key(fields: "id") {
  id: ID!
  p3miLicence: P3miLicence
}
type P3miLicence {
  licenceNumber: String!
  status: String
}
type Bp3miPlacement {
  idPmi: ID!
  workerName: String
  passportNumber: String
  destination: String
}
`;

const PLACEMENTS = `query($id: ID!) { person(id: $id) { id fullName bp3miPlacements { idPmi destination } } }`;

describe.each(backends)("gateway on %s", (backend) => {
  let key: HubKey;
  let hub: TestHub;
  let bp3mi: TinySubgraph;
  let gw: TestGateway;
  let personId: string;
  let broad: string;
  const as = (roles: string[], agency: string, purpose: string) => hub.token({ roles, agency, purpose, jurisdiction: [] });

  beforeAll(async () => {
    key = await testHubKey();
    hub = await startHubBehindGateway(backend, key);
    bp3mi = await startTinySubgraph({
      name: "bp3mi",
      sdl: BP3MI_SDL,
      gatewayKey: key,
      resolvers: {
        Person: {
          __resolveReference: (ref: { id: string }) => ref,
          bp3miPlacements: (p: { id: string }) => [{ idPmi: `PMI-${p.id.slice(0, 8)}`, workerName: "SITI", passportNumber: "C1234567", destination: "MY" }],
          bp3miRiskScore: () => 7,
        },
      } as never,
    });
    gw = await startTestGateway(hub, key, [{ ...bp3mi, timeoutMs: 500 }]);
    const created = await hub.gql(`mutation { contributePerson(input: { externalId: "p1", sourceSystem: "SISKOP2MI", fullName: "Siti Aminah" }) { record { id } } }`);
    personId = created.body.data!.contributePerson.record.id;
    broad = await hub.token();
  });
  afterAll(async () => {
    await gw?.stop();
    await bp3mi?.stop();
    await hub?.stop();
  });

  it("answers a query crossing the hub and a subgraph; each got the caller's principal in a token for it alone", async () => {
    bp3mi.calls.length = 0;
    const r = await post(gw.url, broad, PLACEMENTS, { id: personId });
    expect(r.body).toEqual({ data: { person: { id: personId, fullName: "Siti Aminah", bp3miPlacements: [{ idPmi: `PMI-${personId.slice(0, 8)}`, destination: "MY" }] } } });
    expect(bp3mi.calls.map((p) => [p.issuer, p.agency, p.roles.length])).toEqual([["gateway", "POLDA-KALBAR", (jose.decodeJwt(broad).roles as string[]).length]]);
  });

  describe("the policy check before planning", () => {
    const paths: [string, string][] = [
      ["plain", `query($id: ID!) { person(id: $id) { bp3miPlacements { idPmi } } }`],
      ["alias", `query($id: ID!) { person(id: $id) { id p: bp3miPlacements { i: idPmi } } }`],
      ["named fragment", `fragment F on Person { bp3miPlacements { idPmi } } query($id: ID!) { person(id: $id) { ...F } }`],
      ["inline fragment", `query($id: ID!) { person(id: $id) { ... on Person { ... { bp3miPlacements { idPmi } } } } }`],
      ["fragment on an interface", `query { organizations(first: 5) { edges { node { ... on Contribution { ... on Organization { p3miLicence { status } } } } } } }`],
      ["unused-looking fragment spread twice", `fragment A on Person { x: bp3miPlacements { idPmi } } fragment B on Person { ...A } query($id: ID!) { person(id: $id) { ...B ...A } }`],
    ];
    it.each(paths)("refuses a denied subgraph field for ngo-analyst: %s", async (_name, query) => {
      const r = await post(gw.url, await as(["ngo-analyst"], "YAYASAN-PEDULI", "victim-services"), query, { id: personId });
      expect(r.status).toBe(403);
      expect(r.body.data).toBeUndefined();
      const denied = query.includes("p3miLicence") ? "Organization.p3miLicence" : "Person.bp3miPlacements";
      expect(r.body.errors?.map((e) => [e.message, e.extensions?.code])).toContainEqual([`Not permitted: ${denied}`, "FORBIDDEN"]);
      expect(r.text).not.toContain("PMI-");
    });

    it("denies a subgraph field the policy does not decide, even to the owning agency's own officer", async () => {
      const r = await post(gw.url, broad, `query($id: ID!) { person(id: $id) { bp3miRiskScore } }`, { id: personId });
      expect(r.status).toBe(403);
      expect(r.body.errors?.map((e) => [e.message, e.extensions?.rule])).toEqual([["Not permitted: Person.bp3miRiskScore", "subgraphs.bp3mi.Person.default"]]);
    });

    it("refuses before any subgraph is called (admin sees the person, nothing of any subgraph)", async () => {
      bp3mi.calls.length = 0;
      const r = await post(gw.url, await as(["admin"], "GUGUS-TUGAS-KALBAR", "administration"), `query($id: ID!) { person(id: $id) { id bp3miPlacements { idPmi } } }`, { id: personId });
      expect(r.body.errors?.map((e) => e.message)).toEqual(["Not permitted: Person.bp3miPlacements", "Not permitted: Bp3miPlacement.idPmi"]);
      expect(bp3mi.calls).toEqual([]);
    });

    it.each([
      ["ngo-case-worker", "YAYASAN-PEDULI", "victim-services"],
      ["ngo-analyst", "YAYASAN-PEDULI", "statistics"],
      ["police-investigator", "POLDA-KALBAR", "investigation"],
    ])("leaves the hub's own fields to the hub: the same answer as straight from the hub (%s)", async (role, agency, purpose) => {
      const t = await as([role], agency, purpose);
      const q = `query($id: ID!) { person(id: $id) { id fullName phone } persons(first: 5) { totalCount edges { node { id phone documents { number } } } } }`;
      const [direct, via] = await Promise.all([post(hub.url, t, q, { id: personId }), post(gw.url, t, q, { id: personId })]);
      // A document the hub refuses whole (403, no data) is refused whole through the gateway too.
      expect(via.status).toBe(direct.status);
      expect(via.body.data).toEqual(direct.body.data);
      const refusals = (b: typeof via.body) => [...new Set(b.errors?.map((e) => `${e.extensions?.code}: ${e.message}`))].sort();
      expect(refusals(via.body)).toEqual(refusals(direct.body));
    });

    it.each([
      ["_entities", `{ _entities(representations: [{ __typename: "Person", id: "x" }]) { ... on Person { id } } }`],
      ["_service", `{ _service { sdl } }`],
    ])("%s is not part of the API schema", async (_name, query) => {
      const r = await post(gw.url, broad, query);
      expect(r.status).toBe(400);
      expect(r.body.errors?.[0]?.message).toMatch(/Cannot query field "_(entities|service)" on type "Query"/);
      expect(r.body.data).toBeUndefined();
    });
  });

  describe("tokens", () => {
    it("refuses a caller without a valid token before parsing (401)", async () => {
      for (const token of [null, "not-a-jwt", await signPrincipalToken(key, { agency: "POLDA-KALBAR", subject: "x", roles: ["admin"], purpose: "administration", jurisdiction: [], issuer: "gateway" }, "hub")]) {
        const r = await post(gw.url, token, `{ __typename }`);
        expect(r.status).toBe(401);
        expect(r.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      }
    });

    it("a subgraph refuses direct calls: no token, the client's own token, a gateway token for another subgraph", async () => {
      const hubAudience = await signPrincipalToken(key, { agency: "POLDA-KALBAR", subject: "x", roles: ["police-investigator"], purpose: "investigation", jurisdiction: [], issuer: "gateway" }, "hub");
      const entities = `{ _entities(representations: [{ __typename: "Person", id: "${personId}" }]) { ... on Person { bp3miPlacements { workerName } } } }`;
      for (const token of [null, broad, hubAudience]) {
        const r = await post(bp3mi.url, token, entities);
        expect(r.status).toBe(401);
        expect(r.text).not.toContain("SITI");
      }
    });

    it("the hub trusts the gateway's token for audience hub only, and a forged one not at all", async () => {
      const principal = { agency: "POLDA-KALBAR", subject: "x", roles: ["police-investigator"], purpose: "investigation", jurisdiction: [], issuer: "gateway" };
      expect((await post(hub.url, await signPrincipalToken(key, principal, "hub"), `{ __typename }`)).status).toBe(200);
      expect((await post(hub.url, await signPrincipalToken(key, principal, "bp3mi"), `{ __typename }`)).status).toBe(401);
      expect((await post(hub.url, await signPrincipalToken(await testHubKey(), principal, "hub"), `{ __typename }`)).status).toBe(401);
    });

    it("publishes the key subgraphs verify against at /.well-known/jwks.json", async () => {
      const jwks = (await (await fetch(new URL("/.well-known/jwks.json", gw.url))).json()) as jose.JSONWebKeySet;
      expect(jwks.keys.map((k) => [k.kid, k.kty, k.crv, "d" in k])).toEqual([[key.kid, "OKP", "Ed25519", false]]);
      const token = await signPrincipalToken(key, { agency: "BP3MI-KALBAR", subject: "s", roles: ["bp3mi-officer"], purpose: "victim-services", jurisdiction: [], issuer: "gateway" }, "bp3mi");
      await expect(jose.jwtVerify(token, jose.createLocalJWKSet(jwks), { audience: "bp3mi" })).resolves.toBeDefined();
    });
  });

  describe("resilience", () => {
    it("a slow subgraph: partial data within its timeout, an error naming it, nothing of the subgraph call", async () => {
      bp3mi.delayMs = 1500;
      try {
        const started = Date.now();
        const r = await post(gw.url, broad, PLACEMENTS, { id: personId });
        expect(Date.now() - started).toBeLessThan(1400);
        expect(r.status).toBe(200);
        expect(r.body.data).toEqual({ person: { id: personId, fullName: "Siti Aminah", bp3miPlacements: null } });
        expect(r.body.errors).toEqual([
          { message: 'Subgraph "bp3mi" (BP3MI-TEST) did not answer within 500 ms; its fields are null', path: ["person", "bp3miPlacements"], extensions: { code: "SUBGRAPH_UNAVAILABLE", subgraph: "bp3mi", agency: "BP3MI-TEST" } },
        ]);
      } finally {
        bp3mi.delayMs = 0;
      }
    });

    it("/healthz, and /readyz reporting each subgraph", async () => {
      expect(await (await fetch(new URL("/healthz", gw.url))).json()).toEqual({ status: "ok" });
      const ready = await fetch(new URL("/readyz", gw.url));
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: "ready", degraded: [], subgraphs: { hub: { state: "up" }, bp3mi: { state: "up", agency: "BP3MI-TEST" } } });
    });

    // Last: stops the subgraph.
    it("a subgraph that is down: partial data and an error naming it; /readyz says which", async () => {
      await bp3mi.stop();
      const r = await post(gw.url, broad, PLACEMENTS, { id: personId });
      expect(r.status).toBe(200);
      expect(r.body.data).toEqual({ person: { id: personId, fullName: "Siti Aminah", bp3miPlacements: null } });
      expect(r.body.errors?.map((e) => [e.message, e.extensions?.code, e.extensions?.subgraph])).toEqual([
        ['Subgraph "bp3mi" (BP3MI-TEST) is unavailable; its fields are null', "SUBGRAPH_UNAVAILABLE", "bp3mi"],
      ]);
      expect(r.text).not.toMatch(/127\.0\.0\.1|_entities|representations/);
      const ready = (await (await fetch(new URL("/readyz", gw.url))).json()) as { status: string; degraded: string[]; subgraphs: Record<string, { state: string; reason?: string }> };
      expect(ready).toMatchObject({ status: "degraded", degraded: ["bp3mi"], subgraphs: { hub: { state: "up" }, bp3mi: { state: "down" } } });
    });
  });
});
