// `tppo-hub token`: a real process, a real key file in DATA_DIR, the printed JWT verified with jose
// against the public key derived from that file, and then used against a running hub.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import * as jose from "jose";
import { backends, startTestHub } from "../support/hub";
import { hubIssuer } from "../../src/auth/issuers";
import { loadHubKey } from "../../src/auth/hub-key";
import { ROLES } from "../../src/policy/roles";
import { runCli } from "../support/cli";

const KEY_FILE = "hub-signing-key.pem";

// The shared runner (test/support/cli.ts) gives the CLI a clean environment; logs stay quiet.
const cli = (args: string[], env: Record<string, string>, timeoutMs = 60_000) => runCli(args, { LOG_LEVEL: "silent", ...env }, { timeoutMs });

const TOKEN_ARGS = ["token", "--agency", "POLDA-KALBAR", "--roles", "police-investigator", "--purpose", "investigation", "--jurisdiction", "61", "--ttl", "15m"];

describe("tppo-hub token", () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tppo-hub-token-"));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("generates the hub key in DATA_DIR on first use and prints a JWT that verifies against it", async () => {
    const run = await cli(TOKEN_ARGS, { DATA_DIR: dataDir });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n").filter(Boolean);
    expect(lines).toHaveLength(1);
    const token = lines[0]!;

    const keyFile = path.join(dataDir, KEY_FILE);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const publicKey = crypto.createPublicKey(fs.readFileSync(keyFile, "utf8"));
    const { payload, protectedHeader } = await jose.jwtVerify(token, publicKey, {
      issuer: "tppo-hub",
      audience: "tppo-hub",
      algorithms: ["EdDSA"],
      requiredClaims: ["exp", "iat", "sub"],
    });
    const thumbprint = await jose.calculateJwkThumbprint(await jose.exportJWK(publicKey));
    expect(protectedHeader).toEqual({ alg: "EdDSA", kid: thumbprint, typ: "JWT" });
    expect(payload).toEqual({
      iss: "tppo-hub",
      aud: "tppo-hub",
      sub: "service:polda-kalbar",
      agency: "POLDA-KALBAR",
      roles: ["police-investigator"],
      purpose: "investigation",
      jurisdiction: ["61"],
      iat: expect.any(Number),
      exp: expect.any(Number),
    });
    expect(payload.exp! - payload.iat!).toBe(15 * 60);
    expect(Math.abs(payload.iat! - Date.now() / 1000)).toBeLessThan(60);

    // A second run reuses the key rather than replacing it.
    const again = await cli(TOKEN_ARGS, { DATA_DIR: dataDir });
    expect(again.code).toBe(0);
    expect(jose.decodeProtectedHeader(again.stdout.trim()).kid).toBe(thumbprint);
  });

  it.each(backends)("prints a token a running hub (%s) accepts as the principal it names", async (backend) => {
    // A distinct iss, so the test hub (which has its own key under "tppo-hub") trusts this key too.
    const run = await cli([...TOKEN_ARGS, "--roles", "police-investigator,prosecutor", "--subject", "svc-siscase"], { DATA_DIR: dataDir, HUB_ISSUER: "tppo-hub-cli" });
    expect(run.code).toBe(0);
    const key = await loadHubKey(path.join(dataDir, KEY_FILE), { create: false });
    const hub = await startTestHub(backend, { extraIssuers: [hubIssuer(key, "tppo-hub-cli", "tppo-hub")] });
    try {
      const r = await hub.gql<{ regions: { code: string }[] }>("{ regions { code } }", undefined, { token: run.stdout.trim() });
      expect(r.status).toBe(200);
      expect(r.body.errors).toBeUndefined();
      expect(jose.decodeJwt(run.stdout.trim())).toMatchObject({ sub: "svc-siscase", roles: ["police-investigator", "prosecutor"] });
    } finally {
      await hub.stop();
    }
  });

  it.each([
    [["--roles", "detective"], `tppo-hub: unknown role "detective" (known: ${ROLES.join(", ")})`],
    [["--purpose", "curiosity"], expect.stringMatching(/^tppo-hub: unknown purpose "curiosity" \(known: .*\)$/)],
    [["--agency", "polda kalbar"], "tppo-hub: --agency must be an agency code like POLDA-KALBAR (A-Z, 0-9, . _ -)"],
    [["--jurisdiction", "Kalbar"], 'tppo-hub: --jurisdiction: "Kalbar" is not a kode wilayah prefix (e.g. 61, 61.71, 63.71.01)'],
    [["--ttl", "forever"], "tppo-hub: --ttl must look like 15m, 1h or 8h"],
  ])("refuses %j with exit 1, one line on stderr, no token and no key", async (override, line) => {
    const run = await cli([...TOKEN_ARGS, ...override], { DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    const lines = run.stderr.split("\n").filter(Boolean);
    expect(lines).toEqual([line]);
    expect(fs.existsSync(path.join(dataDir, KEY_FILE))).toBe(false);
  });

  it("with DATABASE_URL set and no key file, fails with one line and generates nothing", async () => {
    const keyFile = path.join(dataDir, KEY_FILE);
    const run = await cli(TOKEN_ARGS, { DATA_DIR: dataDir, DATABASE_URL: "postgresql://tppo@127.0.0.1:1/tppo" });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n").filter(Boolean)).toEqual([
      `tppo-hub: Invalid configuration: HUB_SIGNING_KEY_FILE (${keyFile}) does not exist; with DATABASE_URL set the hub does not generate a signing key: create one with \`openssl genpkey -algorithm ed25519 -out ${keyFile}\``,
    ]);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it("with DATABASE_URL and HUB_SIGNING_KEY_FILE naming an existing key, signs with that key", async () => {
    const keyFile = path.join(dataDir, "managed.pem");
    const { privateKey } = await jose.generateKeyPair("EdDSA", { extractable: true });
    fs.writeFileSync(keyFile, await jose.exportPKCS8(privateKey));
    const run = await cli(TOKEN_ARGS, { DATA_DIR: dataDir, DATABASE_URL: "postgresql://tppo@127.0.0.1:1/tppo", HUB_SIGNING_KEY_FILE: keyFile });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    await expect(jose.jwtVerify(run.stdout.trim(), crypto.createPublicKey(fs.readFileSync(keyFile, "utf8")))).resolves.toBeDefined();
    expect(fs.existsSync(path.join(dataDir, KEY_FILE))).toBe(false);
  });

  it("a key file that is not an Ed25519 PKCS#8 key fails with one line", async () => {
    const keyFile = path.join(dataDir, "wrong.pem");
    const { privateKey } = await jose.generateKeyPair("ES256", { extractable: true });
    fs.writeFileSync(keyFile, await jose.exportPKCS8(privateKey));
    const run = await cli(TOKEN_ARGS, { DATA_DIR: dataDir, HUB_SIGNING_KEY_FILE: keyFile });
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n").filter(Boolean)).toEqual([
      `tppo-hub: Invalid configuration: HUB_SIGNING_KEY_FILE ${keyFile} is not an Ed25519 private key in PKCS#8 PEM form (openssl genpkey -algorithm ed25519)`,
    ]);
  });
});

// `serve` against a real, migrated PostgreSQL database with no key file must stop, not generate.
const pgIt = process.env.TEST_PG_URL && process.env.TEST_PG_TEMPLATE ? it : it.skip;

describe("tppo-hub serve in production mode", () => {
  pgIt("refuses to start without HUB_SIGNING_KEY_FILE, with one line, and generates nothing", async () => {
    const name = `t_auth_serve_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: process.env.TEST_PG_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${process.env.TEST_PG_TEMPLATE}"`);
    const url = new URL(process.env.TEST_PG_URL!);
    url.pathname = `/${name}`;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tppo-hub-serve-"));
    try {
      const run = await cli(["serve"], { DATA_DIR: dataDir, DATABASE_URL: url.toString(), PORT: "0", HOST: "127.0.0.1" }, 30_000);
      expect(run.code).toBe(1);
      const keyFile = path.join(dataDir, KEY_FILE);
      expect(run.stderr.split("\n").filter(Boolean)).toEqual([
        `tppo-hub: Invalid configuration: HUB_SIGNING_KEY_FILE (${keyFile}) does not exist; with DATABASE_URL set the hub does not generate a signing key: create one with \`openssl genpkey -algorithm ed25519 -out ${keyFile}\``,
      ]);
      expect(run.stdout).not.toMatch(/TPPO Hub listening|ready at/);
      expect(fs.readdirSync(dataDir)).toEqual([]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
