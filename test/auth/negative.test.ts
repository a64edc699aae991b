// shared/security.md property 7: every token that fails a check gets HTTP 401, a message naming
// the check, and nothing runs (the database query counter and the audit table do not move).
import * as jose from "jose";
import { backends, startTestHub, type TestHub } from "../support/hub";
import { PURPOSES, ROLES } from "../../src/policy/roles";
import { MAX_TOKEN_BYTES } from "../../src/auth/verify-token";
import { AUDIENCE, agencyKey, auditCount, claims, issuerFromConfig, now, post, refusal, sign, unsigned, type AgencyKey } from "./support";

const RSA_ISS = "https://sso.polda-kalbar.example/realms/tppo";
const EC_ISS = "https://idp.bp3mi-kalbar.example";
const TOLERANCE = 10;

describe.each(backends)("JWT negative suite on %s", (backend) => {
  let hub: TestHub;
  let rsa: AgencyKey; // polda-kalbar's current key (RS256)
  let ec: AgencyKey; // bp3mi-kalbar's key (ES256)
  let rsaInEcJwks: AgencyKey; // an RSA key bp3mi also publishes, though it only allows ES256
  let attacker: AgencyKey; // a key no issuer trusts

  beforeAll(async () => {
    [rsa, ec, rsaInEcJwks, attacker] = await Promise.all([agencyKey("RS256", "polda-2025"), agencyKey("ES256"), agencyKey("RS256"), agencyKey("RS256", "polda-2025")]);
    hub = await startTestHub(backend, {
      extraIssuers: [
        issuerFromConfig({
          name: "polda-kalbar-sso",
          issuer: RSA_ISS,
          audience: AUDIENCE,
          algorithms: ["RS256"],
          jwks: { keys: [rsa.jwk] },
          agencies: ["POLDA-KALBAR"],
          clockToleranceSeconds: TOLERANCE,
        }),
        issuerFromConfig({
          name: "bp3mi-kalbar-idp",
          issuer: EC_ISS,
          audience: AUDIENCE,
          algorithms: ["ES256"],
          jwks: { keys: [ec.jwk, rsaInEcJwks.jwk] },
          agencies: ["BP3MI-KALBAR"],
        }),
      ],
    });
  });
  afterAll(() => hub?.stop());

  /** Sends the request, asserts the exact 401 and that no query and no audit entry happened. */
  async function expectRefused(req: Parameters<typeof post>[1], message: string) {
    const queriesBefore = hub.db.queryCount;
    const auditBefore = await auditCount(hub);
    const r = await post(hub, req);
    expect({ status: r.status, body: r.body }).toEqual({ status: 401, body: refusal(message) });
    expect(r.headers.get("www-authenticate")).toBe('Bearer realm="tppo-hub"');
    expect(hub.db.queryCount).toBe(queriesBefore);
    expect(await auditCount(hub)).toBe(auditBefore);
  }

  async function expectAccepted(req: Parameters<typeof post>[1]) {
    const queriesBefore = hub.db.queryCount;
    const r = await post(hub, req);
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.regions.map((x: { code: string }) => x.code)).toEqual(expect.arrayContaining(["61", "63"]));
    // The control for every "nothing executed" assertion above: execution does move the counter.
    expect(hub.db.queryCount).toBeGreaterThan(queriesBefore);
  }

  const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

  describe("controls (these must pass for the refusals to mean anything)", () => {
    it("accepts a hub-issued token", async () => {
      await expectAccepted(bearer(await hub.token()));
    });
    it("accepts a valid RS256 token from the agency issuer", async () => {
      await expectAccepted(bearer(await sign(rsa, claims(RSA_ISS))));
    });
    it("accepts a valid ES256 token from the other agency issuer", async () => {
      await expectAccepted(bearer(await sign(ec, claims(EC_ISS, { agency: "BP3MI-KALBAR", roles: ["bp3mi-officer"], purpose: "placement-protection" }))));
    });
    it("accepts an aud array that contains the hub, and a lower-case scheme name", async () => {
      await expectAccepted({ authorization: `bearer ${await sign(rsa, claims(RSA_ISS, { aud: ["account", AUDIENCE] }))}` });
    });
  });

  describe("missing or malformed credentials", () => {
    it("no Authorization header", async () => {
      await expectRefused({}, "Missing Authorization header (expected: Bearer <token>)");
    });
    it.each([["Basic cG9sZGE6cGFzc3dvcmQ="], ["Bearer"], ["Bearer "], ["Bearer a.b.c d.e.f"], ["Token abc.def.ghi"], ["Bearer\tabc.def.ghi"], ["Bearer abc.def.ghi,"]])(
      "malformed Authorization header %j",
      async (authorization) => {
        await expectRefused({ authorization }, "Authorization header must be: Bearer <token>");
      },
    );
    it("a bearer value that is not a JWT", async () => {
      await expectRefused(bearer("not-a-jwt"), "Token is malformed");
    });
    it("a token whose header is not JSON", async () => {
      await expectRefused(bearer("eyJub3QganNvbg.eyJpc3MiOiJ4In0.c2ln"), "Token is malformed");
    });
    it("token in the query string (?access_token=...), even a valid one", async () => {
      const token = await hub.token();
      await expectRefused({ search: `?access_token=${token}` }, "Tokens in the query string are not accepted; use the Authorization header");
      // Also when a valid header is present: the URL has already leaked the token into logs.
      await expectRefused({ ...bearer(token), search: `?access_token=${token}` }, "Tokens in the query string are not accepted; use the Authorization header");
    });
    it("oversized token (> 8 KiB)", async () => {
      const big = await sign(rsa, claims(RSA_ISS, { padding: "x".repeat(MAX_TOKEN_BYTES) }));
      expect(big.length).toBeGreaterThan(MAX_TOKEN_BYTES);
      await expectRefused(bearer(big), `Token is too large (limit ${MAX_TOKEN_BYTES} bytes)`);
    });
  });

  describe("algorithm and key selection", () => {
    it("alg=none (unsigned token)", async () => {
      await expectRefused(bearer(unsigned(claims(RSA_ISS))), "Unsigned tokens are not accepted");
      await expectRefused(bearer(unsigned(claims(RSA_ISS), "None")), "Unsigned tokens are not accepted");
    });
    it("HS256 signed with the issuer's RSA public key as the HMAC secret (algorithm confusion)", async () => {
      const spki = await jose.exportSPKI(rsa.publicKey);
      const forged = await new jose.SignJWT(claims(RSA_ISS)).setProtectedHeader({ alg: "HS256", kid: rsa.kid, typ: "JWT" }).sign(new TextEncoder().encode(spki));
      await expectRefused(bearer(forged), 'Token algorithm "HS256" is not allowed for this issuer');
    });
    it("an asymmetric algorithm the issuer does not allow (RS256 for an ES256-only issuer, key present in its JWKS)", async () => {
      const t = await sign(rsaInEcJwks, claims(EC_ISS, { agency: "BP3MI-KALBAR", roles: ["bp3mi-officer"], purpose: "placement-protection" }));
      await expectRefused(bearer(t), 'Token algorithm "RS256" is not allowed for this issuer');
    });
    it("the hub's own issuer accepts EdDSA only", async () => {
      await expectRefused(bearer(await sign(rsa, claims("tppo-hub"))), 'Token algorithm "RS256" is not allowed for this issuer');
    });
    it("unknown kid", async () => {
      await expectRefused(bearer(await sign(rsa, claims(RSA_ISS), { kid: "polda-2019" })), "No issuer key matches the token's kid");
    });
    it("the issuer's kid, signed by another key", async () => {
      await expectRefused(bearer(await sign(attacker, claims(RSA_ISS))), "Token signature is invalid");
    });
    it("a tampered payload", async () => {
      const [h, , s] = (await sign(rsa, claims(RSA_ISS))).split(".");
      const p = Buffer.from(JSON.stringify(claims(RSA_ISS, { roles: ["admin"] }))).toString("base64url");
      await expectRefused(bearer(`${h}.${p}.${s}`), "Token signature is invalid");
    });
    it("embedded jwk header (the token brings its own key)", async () => {
      const t = await sign(attacker, claims(RSA_ISS), { jwk: attacker.jwk });
      await expectRefused(bearer(t), 'Token header "jwk" is not accepted');
    });
    it("jku header (the token names its own key set)", async () => {
      const t = await sign(rsa, claims(RSA_ISS), { jku: "https://attacker.example/jwks.json" });
      await expectRefused(bearer(t), 'Token header "jku" is not accepted');
    });
    it("x5u header", async () => {
      await expectRefused(bearer(await sign(rsa, claims(RSA_ISS), { x5u: "https://attacker.example/cert.pem" })), 'Token header "x5u" is not accepted');
    });
  });

  describe("registered claims", () => {
    it("wrong iss", async () => {
      await expectRefused(bearer(await sign(rsa, claims("https://sso.attacker.example"))), "Token issuer is not trusted");
    });
    it("missing iss", async () => {
      await expectRefused(bearer(await sign(rsa, claims(RSA_ISS, { iss: undefined }))), 'Token claim "iss" is missing');
    });
    it("wrong aud", async () => {
      await expectRefused(bearer(await sign(rsa, claims(RSA_ISS, { aud: "account" }))), 'Token claim "aud" does not name this hub');
    });
    it("missing aud", async () => {
      await expectRefused(bearer(await sign(rsa, claims(RSA_ISS, { aud: undefined }))), 'Token claim "aud" is missing');
    });
    it("expired", async () => {
      await expectRefused(bearer(await sign(rsa, claims(RSA_ISS, { iat: now() - 7200, exp: now() - 3600 }))), "Token expired");
    });
    it("nbf in the future", async () => {
      await expectRefused(bearer(await sign(rsa, claims(RSA_ISS, { nbf: now() + 3600 }))), 'Token is not valid yet (claim "nbf" is in the future)');
    });
    it("missing exp", async () => {
      await expectRefused(bearer(await sign(rsa, claims(RSA_ISS, { exp: undefined }))), 'Token claim "exp" is missing');
    });
    it("missing iat", async () => {
      await expectRefused(bearer(await sign(rsa, claims(RSA_ISS, { iat: undefined }))), 'Token claim "iat" is missing');
    });
    it("iat in the future", async () => {
      await expectRefused(bearer(await sign(rsa, claims(RSA_ISS, { iat: now() + 3600 }))), 'Token claim "iat" is in the future');
    });
    it("missing sub", async () => {
      await expectRefused(bearer(await sign(rsa, claims(RSA_ISS, { sub: undefined }))), 'Token claim "sub" is missing');
    });
    it(`exp just outside the clock tolerance (${TOLERANCE}s) is refused, just inside is accepted`, async () => {
      await expectRefused(bearer(await sign(rsa, claims(RSA_ISS, { iat: now() - 600, exp: now() - TOLERANCE - 5 }))), "Token expired");
      await expectAccepted(bearer(await sign(rsa, claims(RSA_ISS, { iat: now() - 600, exp: now() - TOLERANCE + 5 }))));
    });
    it(`nbf just outside the clock tolerance (${TOLERANCE}s) is refused, just inside is accepted`, async () => {
      await expectRefused(bearer(await sign(rsa, claims(RSA_ISS, { nbf: now() + TOLERANCE + 5 }))), 'Token is not valid yet (claim "nbf" is in the future)');
      await expectAccepted(bearer(await sign(rsa, claims(RSA_ISS, { nbf: now() + TOLERANCE - 5 }))));
    });
  });

  describe("hub claims", () => {
    const roleHint = `must be a non-empty list of known roles (${ROLES.join(", ")})`;
    it("unknown role", async () => {
      await expectRefused(bearer(await sign(rsa, claims(RSA_ISS, { roles: ["police-investigator", "superuser"] }))), `Token claim "roles" is invalid: ${roleHint}`);
    });
    it("roles as a string instead of a list", async () => {
      await expectRefused(bearer(await sign(rsa, claims(RSA_ISS, { roles: "admin" }))), `Token claim "roles" is invalid: ${roleHint}`);
    });
    it("no roles", async () => {
      await expectRefused(bearer(await sign(rsa, claims(RSA_ISS, { roles: [] }))), `Token claim "roles" is invalid: ${roleHint}`);
      await expectRefused(bearer(await sign(rsa, claims(RSA_ISS, { roles: undefined }))), `Token claim "roles" is missing: ${roleHint}`);
    });
    it("unknown purpose", async () => {
      await expectRefused(bearer(await sign(rsa, claims(RSA_ISS, { purpose: "curiosity" }))), `Token claim "purpose" is invalid: must be one of: ${PURPOSES.join(", ")}`);
    });
    it("missing purpose", async () => {
      await expectRefused(bearer(await sign(rsa, claims(RSA_ISS, { purpose: undefined }))), `Token claim "purpose" is missing: must be one of: ${PURPOSES.join(", ")}`);
    });
    it("malformed agency code", async () => {
      await expectRefused(bearer(await sign(rsa, claims(RSA_ISS, { agency: "polda kalbar" }))), 'Token claim "agency" is invalid: must be an agency code (A-Z, 0-9, . _ -)');
    });
    it("jurisdiction that is not a kode wilayah prefix", async () => {
      await expectRefused(bearer(await sign(rsa, claims(RSA_ISS, { jurisdiction: ["Kalimantan Barat"] }))), 'Token claim "jurisdiction" is invalid: must be a list of kode wilayah prefixes, e.g. 61 or 63.71');
    });
    it("an issuer vouching for an agency outside its agencies list", async () => {
      await expectRefused(bearer(await sign(rsa, claims(RSA_ISS, { agency: "BP3MI-KALBAR" }))), "Issuer polda-kalbar-sso may not vouch for agency BP3MI-KALBAR");
    });
  });
});
