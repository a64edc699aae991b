// Claim mapping and the checks that need no HTTP (the full negative suite runs over HTTP in test/auth/).
import type http from "node:http";
import * as jose from "jose";
import { AuthError } from "./authenticator";
import { hubIssuer, type TrustedIssuer } from "./issuers";
import { issueToken } from "./issue-token";
import type { HubKey } from "./hub-key";
import { MAX_TOKEN_BYTES, bearerAuthenticator, verifyToken } from "./verify-token";

async function hubKey(): Promise<HubKey> {
  const { privateKey, publicKey } = await jose.generateKeyPair("EdDSA", { extractable: true });
  const jwk = await jose.exportJWK(publicKey);
  const kid = await jose.calculateJwkThumbprint(jwk);
  return { kid, alg: "EdDSA", privateKey, publicJwk: { ...jwk, kid, alg: "EdDSA", use: "sig" } };
}

describe("verifyToken", () => {
  let key: HubKey;
  let issuers: TrustedIssuer[];
  beforeAll(async () => {
    key = await hubKey();
    issuers = [hubIssuer(key, "tppo-hub", "tppo-hub")];
  });

  it("maps the claims of a hub token to a Principal", async () => {
    const token = await issueToken(key, "tppo-hub", "tppo-hub", {
      agency: "DINSOS-KALBAR",
      roles: ["social-worker", "social-worker", "ngo-analyst"],
      purpose: "victim-services",
      jurisdiction: ["61", "61.71"],
      subject: "svc-siks",
      ttl: "15m",
    });
    await expect(verifyToken(token, issuers)).resolves.toEqual({
      agency: "DINSOS-KALBAR",
      subject: "svc-siks",
      roles: ["social-worker", "ngo-analyst"],
      purpose: "victim-services",
      jurisdiction: ["61", "61.71"],
      issuer: "hub",
    });
  });

  it("defaults the subject to the service account and jurisdiction to none", async () => {
    const token = await issueToken(key, "tppo-hub", "tppo-hub", { agency: "POLDA-KALBAR", roles: ["police-investigator"], purpose: "investigation" });
    await expect(verifyToken(token, issuers)).resolves.toMatchObject({ subject: "service:polda-kalbar", jurisdiction: [] });
  });

  it("accepts a token of exactly MAX_TOKEN_BYTES and refuses one byte more, before decoding", async () => {
    await expect(verifyToken("a".repeat(MAX_TOKEN_BYTES), issuers)).rejects.toThrow(new AuthError("Token is malformed"));
    await expect(verifyToken("a".repeat(MAX_TOKEN_BYTES + 1), issuers)).rejects.toThrow(new AuthError(`Token is too large (limit ${MAX_TOKEN_BYTES} bytes)`));
  });

  it("refuses a token signed by another hub's key", async () => {
    const other = await hubKey();
    const token = await issueToken({ ...other, kid: key.kid }, "tppo-hub", "tppo-hub", { agency: "POLDA-KALBAR", roles: ["admin"], purpose: "administration" });
    await expect(verifyToken(token, issuers)).rejects.toThrow(new AuthError("Token signature is invalid"));
  });

  it("refuses a non-string alg as malformed", async () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
    await expect(verifyToken(`${b64({ alg: 7 })}.${b64({ iss: "tppo-hub" })}.sig`, issuers)).rejects.toThrow(new AuthError("Token is malformed"));
  });
});

describe("bearerAuthenticator's verified tokens", () => {
  let key: HubKey;
  let checks: number;
  let issuers: TrustedIssuer[];
  const request = (token: string) => ({ headers: { authorization: `Bearer ${token}` } }) as http.IncomingMessage;
  const url = new URL("http://hub.local/graphql");
  const token = (ttl: string, subject = "svc-1") => issueToken(key, "tppo-hub", "tppo-hub", { agency: "POLDA-KALBAR", roles: ["police-investigator"], purpose: "investigation", subject, ttl });

  beforeAll(async () => {
    key = await hubKey();
    const issuer = hubIssuer(key, "tppo-hub", "tppo-hub");
    // The issuer's real key lookup, counted: one lookup per signature check.
    const keys: jose.JWTVerifyGetKey = (header, jws) => {
      checks++;
      return (issuer.keys as jose.JWTVerifyGetKey)(header, jws);
    };
    issuers = [{ ...issuer, keys }];
  });
  beforeEach(() => {
    checks = 0;
  });
  afterEach(() => jest.useRealTimers());

  it("checks a token's signature once, then knows it by its exact string", async () => {
    const auth = bearerAuthenticator(issuers);
    const t = await token("15m");
    const first = await auth.authenticate(request(t), url);
    await expect(auth.authenticate(request(t), url)).resolves.toEqual(first);
    await expect(auth.authenticate(request(t), url)).resolves.toEqual(first);
    expect(checks).toBe(1);
    // One character changed is another token: checked, and refused.
    await expect(auth.authenticate(request(t.slice(0, -2) + (t.endsWith("A") ? "BB" : "AA")), url)).rejects.toThrow(AuthError);
    expect(checks).toBe(2);
  });

  it("never past the token's exp, and never longer than maxAgeMs", async () => {
    jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "queueMicrotask", "setTimeout", "clearTimeout", "setInterval", "clearInterval", "performance", "hrtime"] });
    const auth = bearerAuthenticator(issuers, { maxEntries: 10, maxAgeMs: 5_000 });
    const t = await token("60s");
    await auth.authenticate(request(t), url);
    jest.setSystemTime(Date.now() + 6_000);
    await auth.authenticate(request(t), url);
    expect(checks).toBe(2);
    // Past exp and the issuer's clock tolerance (30 s): refused as expired, not served from memory.
    jest.setSystemTime(Date.now() + 120_000);
    await expect(auth.authenticate(request(t), url)).rejects.toThrow(new AuthError("Token expired"));
  });

  it("keeps at most maxEntries tokens, the oldest leaving first", async () => {
    const auth = bearerAuthenticator(issuers, { maxEntries: 2, maxAgeMs: 60_000 });
    const [a, b, c] = [await token("15m", "a"), await token("15m", "b"), await token("15m", "c")];
    for (const t of [a, b, c, c, b]) await auth.authenticate(request(t), url);
    expect(checks).toBe(3);
    await auth.authenticate(request(a), url);
    expect(checks).toBe(4);
  });
});
