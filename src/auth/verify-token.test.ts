// Claim mapping and the checks that need no HTTP (the full negative suite runs over HTTP in test/auth/).
import * as jose from "jose";
import { AuthError } from "./authenticator";
import { hubIssuer, type TrustedIssuer } from "./issuers";
import { issueToken } from "./issue-token";
import type { HubKey } from "./hub-key";
import { MAX_TOKEN_BYTES, verifyToken } from "./verify-token";

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
