// The hub's own signing key for service-account tokens (`tppo-hub token`). Embedded mode
// generates one into DATA_DIR on first start; production (DATABASE_URL) points
// HUB_SIGNING_KEY_FILE at a managed key and never generates one: a silently new key would
// invalidate every token already handed out, or differ between replicas.
// Ed25519: small, fast, and not confusable with an HMAC secret.
import fs from "node:fs";
import path from "node:path";
import * as jose from "jose";
import { ConfigError } from "../config";

export interface HubKey {
  kid: string;
  alg: "EdDSA";
  privateKey: jose.CryptoKey;
  publicJwk: jose.JWK;
}

async function fromPem(pem: string, file: string): Promise<HubKey> {
  let privateKey: jose.CryptoKey;
  try {
    privateKey = await jose.importPKCS8(pem, "EdDSA", { extractable: true });
  } catch {
    throw new ConfigError("HUB_SIGNING_KEY_FILE", `${file} is not an Ed25519 private key in PKCS#8 PEM form (openssl genpkey -algorithm ed25519)`);
  }
  const jwk = await jose.exportJWK(privateKey);
  const publicJwk: jose.JWK = { kty: jwk.kty, crv: jwk.crv, x: jwk.x };
  const kid = await jose.calculateJwkThumbprint(publicJwk);
  return { kid, alg: "EdDSA", privateKey, publicJwk: { ...publicJwk, kid, alg: "EdDSA", use: "sig" } };
}

/** Loads the key at `file`; with `create` (embedded mode only) generates it there if absent. */
export async function loadHubKey(file: string, opts: { create: boolean }): Promise<HubKey> {
  if (fs.existsSync(file)) return fromPem(fs.readFileSync(file, "utf8"), file);
  if (!opts.create) {
    throw new ConfigError(
      "HUB_SIGNING_KEY_FILE",
      `(${file}) does not exist; with DATABASE_URL set the hub does not generate a signing key: create one with \`openssl genpkey -algorithm ed25519 -out ${file}\``,
    );
  }
  const { privateKey } = await jose.generateKeyPair("EdDSA", { extractable: true });
  const pem = await jose.exportPKCS8(privateKey);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Write aside, then link into place: link() fails if the name exists, so the key file appears
  // complete or not at all, and a concurrent first start never overwrites another's key.
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, pem, { mode: 0o600 });
  try {
    fs.linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return fromPem(fs.readFileSync(file, "utf8"), file);
    throw err;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return fromPem(pem, file);
}
