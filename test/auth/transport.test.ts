// shared/security.md properties 9 (no escalation) and 11 (transport and CSRF). Every request here
// carries a VALID token, so what is tested is the transport rule, not authentication.
import { backends, startTestHub, type TestHub } from "../support/hub";
import { AUDIENCE, agencyKey, claims, issuerFromConfig, post, sign, type AgencyKey } from "./support";

const ISS = "https://sso.polda-kalbar.example/realms/tppo";
const CSRF_MESSAGE_START = "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF).";

const CONTRIBUTE_ORG = `mutation Org($input: OrganizationInput!) {
  contributeOrganization(input: $input) { result { status id errors { path code message } } }
}`;

describe.each(backends)("transport, CSRF and escalation on %s", (backend) => {
  let hub: TestHub;
  let key: AgencyKey;
  let token: string;

  beforeAll(async () => {
    key = await agencyKey("ES256");
    hub = await startTestHub(backend, {
      extraIssuers: [issuerFromConfig({ name: "polda-kalbar-sso", issuer: ISS, audience: AUDIENCE, algorithms: ["ES256"], jwks: { keys: [key.jwk] }, agencies: ["POLDA-KALBAR"] })],
    });
    token = await sign(key, claims(ISS, { sub: "officer-1207", agency: "POLDA-KALBAR", roles: ["police-investigator"], purpose: "investigation" }));
  });
  afterAll(() => hub?.stop());

  async function get(search: string, headers: Record<string, string> = {}) {
    const res = await fetch(hub.url + search, { headers: { authorization: `Bearer ${token}`, ...headers } });
    return { status: res.status, body: (await res.json().catch(() => undefined)) as any };
  }

  async function organizationCount(): Promise<number> {
    const rows = await hub.db.raw.query<{ n: string | number }>(`SELECT count(*) AS n FROM "Organization"`);
    return Number(rows[0]!.n);
  }

  describe("CSRF prevention (Apollo csrfPrevention stays on)", () => {
    const mutation = encodeURIComponent(`mutation { contributeOrganization(input: { externalId: "CSRF-1", sourceSystem: "TEST", name: "Should not exist", kind: NGO }) { result { status } } }`);

    it("control: a GET query with a preflight-forcing header is served", async () => {
      const r = await get(`?query=${encodeURIComponent("{ regions { code } }")}`, { "apollo-require-preflight": "true" });
      expect(r.status).toBe(200);
      expect(r.body.data.regions.length).toBeGreaterThan(0);
    });

    it("refuses a simple GET (what a link or <img> would send) before executing anything", async () => {
      const before = hub.db.queryCount;
      const r = await get(`?query=${encodeURIComponent("{ regions { code } }")}`);
      expect(r.status).toBe(400);
      expect(r.body.errors[0].message.startsWith(CSRF_MESSAGE_START)).toBe(true);
      expect(hub.db.queryCount).toBe(before);
    });

    it("refuses a mutation over GET, with or without the preflight header", async () => {
      const before = hub.db.queryCount;
      const simple = await get(`?query=${mutation}`);
      expect(simple.status).toBe(400);
      expect(simple.body.errors[0].message.startsWith(CSRF_MESSAGE_START)).toBe(true);
      const preflighted = await get(`?query=${mutation}`, { "apollo-require-preflight": "true" });
      expect(preflighted.status).toBe(405);
      expect(preflighted.body.errors[0].message).toBe("GET requests only support query operations, not mutation operations");
      expect(hub.db.queryCount).toBe(before);
      expect(await organizationCount()).toBe(0);
    });

    it.each([["text/plain"], ["text/plain;charset=UTF-8"], ["application/x-www-form-urlencoded"], ["multipart/form-data; boundary=x"]])(
      "refuses a POST with content-type %s (what an HTML form can send cross-site)",
      async (contentType) => {
        const before = hub.db.queryCount;
        const r = await post(hub, {
          authorization: `Bearer ${token}`,
          contentType,
          body: JSON.stringify({ query: decodeURIComponent(mutation) }),
        });
        expect(r.status).toBe(400);
        expect(r.body.errors[0].message.startsWith(CSRF_MESSAGE_START)).toBe(true);
        expect(hub.db.queryCount).toBe(before);
        expect(await organizationCount()).toBe(0);
      },
    );
  });

  describe("no escalation: nothing unsigned changes the principal", () => {
    const spoof = {
      "x-agency": "BP3MI-KALBAR",
      "x-roles": "admin",
      "x-purpose": "administration",
      "x-jurisdiction": "",
      "x-user": "admin",
      "x-forwarded-user": "admin",
      "x-principal": JSON.stringify({ agency: "BP3MI-KALBAR", roles: ["admin"], purpose: "administration", jurisdiction: [] }),
    };

    it("a contribution is attributed to the token's agency and subject, whatever the headers, variables and extensions say", async () => {
      const r = await post(hub, {
        authorization: `Bearer ${token}`,
        headers: spoof,
        body: JSON.stringify({
          query: CONTRIBUTE_ORG,
          variables: { input: { externalId: "ESC-1", sourceSystem: "TEST", name: "Yayasan Uji Eskalasi", kind: "NGO" }, agency: "BP3MI-KALBAR", roles: ["admin"] },
          extensions: { principal: { agency: "BP3MI-KALBAR", roles: ["admin"] } },
        }),
      });
      expect(r.status).toBe(200);
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data.contributeOrganization.result.status).toBe("CREATED");
      const rows = await hub.db.raw.query<{ sourceAgency: string; contributedBy: string }>(
        `SELECT "sourceAgency", "contributedBy" FROM "Organization" WHERE "externalId" = 'ESC-1'`,
      );
      expect(rows).toEqual([{ sourceAgency: "POLDA-KALBAR", contributedBy: "officer-1207" }]);
    });

    it("spoofed role headers do not open what the token's role cannot read", async () => {
      const query = JSON.stringify({ query: "{ auditLog(first: 1) { totalCount } }" });
      const plain = await post(hub, { authorization: `Bearer ${token}`, body: query });
      const spoofed = await post(hub, { authorization: `Bearer ${token}`, headers: spoof, body: query });
      // A police investigator may not read the audit log (src/policy/rules.ts); the headers change nothing.
      expect(plain.body.data?.auditLog ?? null).toBeNull();
      expect(plain.body.errors?.length).toBeGreaterThan(0);
      expect(spoofed.status).toBe(plain.status);
      expect(spoofed.body).toEqual(plain.body);
    });

    it("a spoofed header cannot stand in for a token", async () => {
      const r = await post(hub, { headers: spoof });
      expect(r.status).toBe(401);
    });
  });
});
