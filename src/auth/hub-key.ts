// The hub's own signing key for service-account tokens (`tppo-hub token`). Embedded mode
// generates one into DATA_DIR on first start; production points HUB_SIGNING_KEY_FILE at a
// managed key. Ed25519: small, fast, and not confusable with an HMAC secret.
import fs from "node:fs";
import path from "node:path";
import * as jose from "jose";

export interface HubKey {
  kid: string;
  alg: "EdDSA";
  privateKey: jose.CryptoKey;
  publicJwk: jose.JWK;
}

async function fromPem(pem: string): Promise<HubKey> {
  const privateKey = await jose.importPKCS8(pem, "EdDSA", { extractable: true });
  const jwk = await jose.exportJWK(privateKey);
  const publicJwk: jose.JWK = { kty: jwk.kty, crv: jwk.crv, x: jwk.x };
  const kid = await jose.calculateJwkThumbprint(publicJwk);
  return { kid, alg: "EdDSA", privateKey, publicJwk: { ...publicJwk, kid, alg: "EdDSA", use: "sig" } };
}

export async function loadHubKey(file: string, opts: { create: boolean }): Promise<HubKey> {
  if (fs.existsSync(file)) return fromPem(fs.readFileSync(file, "utf8"));
  if (!opts.create) throw new Error(`Hub signing key not found at ${file} (set HUB_SIGNING_KEY_FILE)`);
  const { privateKey } = await jose.generateKeyPair("EdDSA", { extractable: true });
  const pem = await jose.exportPKCS8(privateKey);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, pem, { mode: 0o600, flag: "wx" });
  return fromPem(pem);
}
