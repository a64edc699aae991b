import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as jose from "jose";
import { ConfigError } from "../config";
import { loadHubKey } from "./hub-key";

describe("loadHubKey", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "hub-key-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("generates an Ed25519 key (mode 0600) once and loads the same key afterwards", async () => {
    const file = path.join(dir, "nested", "hub-signing-key.pem");
    const first = await loadHubKey(file, { create: true });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(first.publicJwk).toEqual({ kty: "OKP", crv: "Ed25519", x: expect.any(String), kid: first.kid, alg: "EdDSA", use: "sig" });
    expect(first.publicJwk).not.toHaveProperty("d");
    const second = await loadHubKey(file, { create: true });
    expect(second.kid).toBe(first.kid);
    expect(fs.readdirSync(path.dirname(file))).toEqual(["hub-signing-key.pem"]); // no temp files left
  });

  it("concurrent first starts end with one key that all of them use", async () => {
    const file = path.join(dir, "hub-signing-key.pem");
    const keys = await Promise.all(Array.from({ length: 5 }, () => loadHubKey(file, { create: true })));
    expect(new Set(keys.map((k) => k.kid)).size).toBe(1);
  });

  it("never generates when create is false (production)", async () => {
    const file = path.join(dir, "missing.pem");
    await expect(loadHubKey(file, { create: false })).rejects.toBeInstanceOf(ConfigError);
    await expect(loadHubKey(file, { create: false })).rejects.toThrow(/^Invalid configuration: HUB_SIGNING_KEY_FILE \(.*missing\.pem\) does not exist; /);
    expect(fs.existsSync(file)).toBe(false);
  });

  it("loads a key made with openssl, as docs/auth.md tells operators to", async () => {
    const file = path.join(dir, "openssl.pem");
    try {
      execFileSync("openssl", ["genpkey", "-algorithm", "ed25519", "-out", file], { stdio: "ignore" });
    } catch {
      return; // no openssl on this machine: nothing to compare against
    }
    const key = await loadHubKey(file, { create: false });
    const token = await new jose.SignJWT({}).setProtectedHeader({ alg: "EdDSA" }).sign(key.privateKey);
    await expect(jose.jwtVerify(token, await jose.importJWK(key.publicJwk, "EdDSA"))).resolves.toBeDefined();
  });

  it("refuses a key of another type with a one-line configuration error", async () => {
    const file = path.join(dir, "rsa.pem");
    const { privateKey } = await jose.generateKeyPair("RS256", { extractable: true });
    fs.writeFileSync(file, await jose.exportPKCS8(privateKey));
    await expect(loadHubKey(file, { create: false })).rejects.toThrow(new ConfigError("HUB_SIGNING_KEY_FILE", `${file} is not an Ed25519 private key in PKCS#8 PEM form (openssl genpkey -algorithm ed25519)`));
  });
});
