// shared/security.md property 8: key rotation without restart, no hammering of an issuer's JWKS
// on unknown kids, and an unreachable JWKS fails closed. Each issuer has its own local JWKS server
// (real HTTP) so request counts are exact.
import crypto from "node:crypto";
import { backends, startTestHub, type TestHub } from "../support/hub";
import { AUDIENCE, agencyKey, auditCount, claims, issuerFromConfig, post, refusal, sign, sleep, startJwksServer, type AgencyKey, type JwksServer } from "./support";

const ROT_ISS = "https://sso.polda-kalbar.example/rotation";
const BURST_ISS = "https://sso.imigrasi-kalbar.example";
const DOWN_ISS = "https://sso.dinsos-kalbar.example";
const HANG_ISS = "https://sso.dp3a-kalbar.example";
const EXPIRE_ISS = "https://sso.kejati-kalbar.example";

const COOLDOWN_S = 1;
const CACHE_MAX_AGE_S = 2;

describe.each(backends)("JWKS key rotation and availability on %s", (backend) => {
  let hub: TestHub;
  let a: AgencyKey;
  let b: AgencyKey;
  let rot: JwksServer;
  let burst: JwksServer;
  let down: JwksServer;
  let hang: JwksServer;
  let expire: JwksServer;

  const cfg = (name: string, issuer: string, jwksUrl: string, extra: Record<string, unknown> = {}) =>
    issuerFromConfig({ name, issuer, audience: AUDIENCE, algorithms: ["RS256", "ES256"], jwksUrl, agencies: ["POLDA-KALBAR"], ...extra });

  beforeAll(async () => {
    [a, b] = await Promise.all([agencyKey("RS256", "key-a"), agencyKey("ES256", "key-b")]);
    [rot, burst, down, hang, expire] = await Promise.all([startJwksServer([a.jwk]), startJwksServer([a.jwk]), startJwksServer([a.jwk]), startJwksServer([a.jwk]), startJwksServer([a.jwk])]);
    hang.hang = true;
    await down.stop(); // its port now refuses connections
    hub = await startTestHub(backend, {
      extraIssuers: [
        cfg("rotation-idp", ROT_ISS, rot.url, { jwksCooldownSeconds: COOLDOWN_S, jwksCacheMaxAgeSeconds: CACHE_MAX_AGE_S }),
        cfg("burst-idp", BURST_ISS, burst.url), // defaults: 30 s cooldown, 600 s cache
        cfg("down-idp", DOWN_ISS, down.url, { jwksCooldownSeconds: 30, jwksTimeoutMs: 500 }),
        cfg("hang-idp", HANG_ISS, hang.url, { jwksCooldownSeconds: 30, jwksTimeoutMs: 300 }),
        cfg("expire-idp", EXPIRE_ISS, expire.url, { jwksCooldownSeconds: COOLDOWN_S, jwksCacheMaxAgeSeconds: CACHE_MAX_AGE_S, jwksTimeoutMs: 500 }),
      ],
    });
  });
  afterAll(async () => {
    await hub?.stop();
    await Promise.all([rot, burst, hang, expire].map((s) => s?.stop()));
  });

  const call = async (key: AgencyKey, iss: string, header: Record<string, unknown> = {}) => post(hub, { authorization: `Bearer ${await sign(key, claims(iss), header)}` });
  const expectOk = (r: Awaited<ReturnType<typeof post>>) => expect({ status: r.status, errors: r.body.errors }).toEqual({ status: 200, errors: undefined });

  it("picks up a new kid from the JWKS without a restart, and drops a removed one after the cache age", async () => {
    expectOk(await call(a, ROT_ISS));
    expect(rot.requests).toBe(1);

    // Rotation, step 1: the identity provider publishes key B next to A.
    rot.keys = [a.jwk, b.jwk];
    await sleep(COOLDOWN_S * 1000 + 200); // an unknown kid refetches once the cooldown has passed
    expectOk(await call(b, ROT_ISS));
    expect(rot.requests).toBe(2);
    expectOk(await call(a, ROT_ISS)); // A is still published: still fine, from the cache
    expect(rot.requests).toBe(2);

    // Step 2: A is withdrawn. It keeps working at most until the cached set is older than the cache age.
    rot.keys = [b.jwk];
    await sleep(CACHE_MAX_AGE_S * 1000 + 200);
    const queriesBefore = hub.db.queryCount;
    const auditBefore = await auditCount(hub);
    const r = await call(a, ROT_ISS);
    expect({ status: r.status, body: r.body }).toEqual({ status: 401, body: refusal("No issuer key matches the token's kid") });
    expect(hub.db.queryCount).toBe(queriesBefore);
    expect(await auditCount(hub)).toBe(auditBefore);
    expectOk(await call(b, ROT_ISS));
  });

  it("does not hammer the JWKS: 20 unknown kids in quick succession cost at most one refetch", async () => {
    expectOk(await call(a, BURST_ISS)); // first fetch
    expect(burst.requests).toBe(1);
    const results = await Promise.all(Array.from({ length: 20 }, () => call(a, BURST_ISS, { kid: crypto.randomUUID() })));
    for (const r of results) expect({ status: r.status, body: r.body }).toEqual({ status: 401, body: refusal("No issuer key matches the token's kid") });
    // Then 20 more, one after another.
    for (let i = 0; i < 20; i++) {
      const r = await call(a, BURST_ISS, { kid: crypto.randomUUID() });
      expect(r.status).toBe(401);
    }
    expect(burst.requests).toBeLessThanOrEqual(2);
    expectOk(await call(a, BURST_ISS)); // the known key is unaffected
  });

  it("fails closed, fast, when the JWKS endpoint refuses connections; and does not retry within the cooldown", async () => {
    const message = "Issuer keys are unavailable (issuer down-idp); try again later";
    const queriesBefore = hub.db.queryCount;
    const started = Date.now();
    const r = await call(a, DOWN_ISS);
    expect({ status: r.status, body: r.body }).toEqual({ status: 401, body: refusal(message) });
    expect(Date.now() - started).toBeLessThan(2000);
    for (let i = 0; i < 5; i++) expect((await call(a, DOWN_ISS)).body).toEqual(refusal(message));
    expect(hub.db.queryCount).toBe(queriesBefore);
  });

  it("fails closed within jwksTimeoutMs when the JWKS endpoint hangs, and does not retry within the cooldown", async () => {
    const message = "Issuer keys are unavailable (issuer hang-idp); try again later";
    const started = Date.now();
    const r = await call(a, HANG_ISS);
    const took = Date.now() - started;
    expect({ status: r.status, body: r.body }).toEqual({ status: 401, body: refusal(message) });
    expect(took).toBeGreaterThanOrEqual(250);
    expect(took).toBeLessThan(2000);
    // Within the cooldown: refused at once, without another fetch holding the request.
    const again = Date.now();
    for (let i = 0; i < 5; i++) expect((await call(a, HANG_ISS)).body).toEqual(refusal(message));
    expect(Date.now() - again).toBeLessThan(250);
    expect(hang.requests).toBe(1);
  });

  it("does not keep using cached keys past the cache age when the JWKS goes down", async () => {
    expectOk(await call(a, EXPIRE_ISS));
    await expire.stop();
    expectOk(await call(a, EXPIRE_ISS)); // still inside the cache age
    await sleep(CACHE_MAX_AGE_S * 1000 + 200);
    const r = await call(a, EXPIRE_ISS);
    expect({ status: r.status, body: r.body }).toEqual({ status: 401, body: refusal("Issuer keys are unavailable (issuer expire-idp); try again later") });
  });
});
