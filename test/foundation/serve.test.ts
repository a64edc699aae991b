// `tppo-hub serve` as an operator runs it: a child process, real port, real signals.
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { print } from "graphql";
import { ProvincesDocument, type ProvincesQuery } from "../generated/graphql";
import { runCli, startServe, tempDir, type ServeProcess } from "../support/cli";
import { emptyPostgresUrl } from "../support/hub";
import { DEMO_TOKEN_PROFILES } from "../../src/seed/demo-tokens";

const HOST = "127.0.0.1";

async function provinces(serve: ServeProcess, token: string): Promise<string[]> {
  const res = await fetch(serve.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: print(ProvincesDocument) }),
  });
  const body = (await res.json()) as { data?: ProvincesQuery; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data!.regions.map((r) => r.code);
}

async function until(what: string, check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("serve on the embedded database (PGlite in DATA_DIR)", () => {
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dataDir = tempDir("serve");
    env = { DATA_DIR: dataDir, PORT: "0", HOST, SHUTDOWN_TIMEOUT_MS: "8000" };
  });
  let serve: ServeProcess;
  let adminToken: string;
  let seeded: string[];
  afterAll(async () => {
    await serve?.stop("SIGKILL");
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("starts with PORT=0 and logs the port it really listens on; --demo writes demo tokens that work to DATA_DIR", async () => {
    serve = await startServe(["--demo"], env);
    expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    expect(serve.port).toBeGreaterThan(0);
    expect((await fetch(`${serve.origin}/healthz`)).status).toBe(200);
    const tokensFile = path.join(dataDir, "demo-tokens.txt");
    expect(serve.logs().find((r) => r.msg === "TPPO Hub listening")).toMatchObject({
      url: serve.url,
      database: `pglite:${path.join(dataDir, "pglite")}`,
      demoTokens: tokensFile,
    });
    // Credentials: for the hub's user only, like the signing key beside them.
    expect(fs.statSync(tokensFile).mode & 0o777).toBe(0o600);
    const tokens = demoTokens(fs.readFileSync(tokensFile, "utf8"));
    expect([...tokens.keys()]).toEqual(DEMO_TOKEN_PROFILES.map((p) => p.label));
    adminToken = tokens.get("admin")!;
    expect(adminToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    seeded = await provinces(serve, adminToken);
    expect(seeded).toEqual(expect.arrayContaining(["61", "63"]));
    // stdout is the log: JSON lines only, no banner and no token between them.
    expect(serve.logs().length).toBeGreaterThanOrEqual(3);
    expect(serve.stdout()).not.toContain(adminToken);
    expect(serve.stderr()).toBe("");
  });

  it("on SIGTERM finishes the request in flight, refuses new connections and exits 0", async () => {
    const body = JSON.stringify({ query: print(ProvincesDocument) });
    const req = http.request(serve.url, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), authorization: `Bearer ${adminToken}` },
    });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      req.on("response", (res) => {
        let text = "";
        res.setEncoding("utf8").on("data", (c: string) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode!, text }));
      });
      req.on("error", reject);
    });
    // Half a body: the server has the request, and must wait for the rest.
    req.write(body.slice(0, 10));
    req.flushHeaders();
    await new Promise((r) => setTimeout(r, 300));

    const started = Date.now();
    const exited = serve.stop("SIGTERM");
    await until("the drain to start", () => serve.stdout().includes("draining in-flight requests"));
    await expect(fetch(`${serve.origin}/healthz`)).rejects.toThrow();

    req.end(body.slice(10));
    const res = await response;
    expect(res.status).toBe(200);
    expect((JSON.parse(res.text) as { data: ProvincesQuery }).data.regions.map((r) => r.code)).toEqual(seeded);

    expect(await exited).toEqual({ code: 0, signal: null });
    // It left when the request was done, not when the shutdown timeout ran out.
    expect(Date.now() - started).toBeLessThan(8000);
    expect(serve.logs().map((r) => r.msg)).toContain("stopped cleanly");
    expect(serve.stderr()).toBe("");
  });

  it("keeps its data and signing key across a restart", async () => {
    serve = await startServe([], env);
    expect(serve.logs().find((r) => r.msg === "TPPO Hub listening")?.database).toBe(`pglite:${path.join(dataDir, "pglite")}`);
    // The token from before the restart still verifies: the key in DATA_DIR was reused.
    expect(await provinces(serve, adminToken)).toEqual(seeded);
    expect((await fetch(`${serve.origin}/readyz`)).status).toBe(200);
    expect(await serve.stop("SIGINT")).toEqual({ code: 0, signal: null });
  });
});

describe("serve at a terminal", () => {
  let dataDir: string;
  beforeAll(() => (dataDir = tempDir("serve-tty")));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("logs readable lines, then a banner with the address and the demo tokens", async () => {
    const serve = await startServe(["--demo"], { DATA_DIR: dataDir, PORT: "0", HOST }, { terminal: true });
    try {
      // The whole admin line, newline included: stdout can arrive split inside a token.
      await until("the demo tokens", () => /^\s+admin\s+[\w-]+\.[\w-]+\.[\w-]+\r?\n/m.test(serve.stdout()));
      const out = serve.stdout().replace(/\r/g, "");
      // pino-pretty, not JSON: "[12:34:56.789] INFO: TPPO Hub listening"
      expect(out).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] \S*INFO\S*: \S*TPPO Hub listening/m);
      expect(out).not.toMatch(/^\{/m);
      // The banner comes after the log lines, not among them.
      expect(out.indexOf("TPPO Hub ready at")).toBeGreaterThan(out.indexOf("TPPO Hub listening"));
      const printed = demoTokens(out.slice(out.indexOf("Demo tokens")));
      expect(printed).toEqual(demoTokens(fs.readFileSync(path.join(dataDir, "demo-tokens.txt"), "utf8")));
      expect(await provinces(serve, printed.get("ngo-analyst")!)).toEqual(expect.arrayContaining(["61", "63"]));
      // The web pages, with the token to paste into each, and the hub serves them there.
      const origin = new URL(out.match(/TPPO Hub ready at (http:\/\/\S+\/graphql)/)![1]!).origin;
      expect(out).toContain(`LTSA desk             ${origin}/desk       paste the ltsa-officer token`);
      expect(out).toContain(`task-force dashboard  ${origin}/dashboard  paste the task-force-analyst token`);
      expect(out).toContain(`API explorer          ${origin}/graphiql   any token`);
      for (const page of ["/desk", "/dashboard", "/graphiql"]) {
        const res = await fetch(origin + page);
        expect([page, res.status, res.headers.get("content-type")]).toEqual([page, 200, "text/html; charset=utf-8"]);
      }
    } finally {
      await serve.stop();
    }
  });
});

/** label → token, from lines "  <label>   <token>" (the banner and DATA_DIR/demo-tokens.txt). */
function demoTokens(text: string): Map<string, string> {
  return new Map([...text.matchAll(/^\s*([a-z][a-z0-9-]+)\s+([\w-]+\.[\w-]+\.[\w-]+)\s*$/gm)].map((m) => [m[1]!, m[2]!]));
}

const onPostgres = process.env.TEST_PG_URL ? describe : describe.skip;

onPostgres("serve on PostgreSQL (DATABASE_URL)", () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = tempDir("serve-pg");
    // Production points HUB_SIGNING_KEY_FILE at a managed key; the hub never makes one for PostgreSQL.
    const keyFile = path.join(dir, "hub-signing-key.pem");
    fs.writeFileSync(keyFile, crypto.generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }));
    env = { DATABASE_URL: await emptyPostgresUrl(), HUB_SIGNING_KEY_FILE: keyFile, PORT: "0", HOST };
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("refuses to start with pending migrations: one line naming them and --migrate, exit 1", async () => {
    const r = await runCli(["serve"], env);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^tppo-hub: .*pending migration.*20261122000000_init.*serve --migrate/);
    expect(r.stdout).not.toContain("ready at");
  });

  it("serve --migrate applies them and serves; a second start needs no flag", async () => {
    let serve = await startServe(["--migrate"], env);
    expect(serve.stdout()).toContain("migrations applied");
    expect(await (await fetch(`${serve.origin}/readyz`)).json()).toMatchObject({ ready: true, pendingMigrations: [] });
    expect(await serve.stop()).toEqual({ code: 0, signal: null });

    serve = await startServe([], env);
    expect(serve.stdout()).not.toContain("migrations applied");
    expect((await fetch(`${serve.origin}/readyz`)).status).toBe(200);
    expect(await serve.stop()).toEqual({ code: 0, signal: null });
  });

  it("`tppo-hub migrate` applies pending migrations, loads the reference regions, then reports the database up to date", async () => {
    const fresh = { ...env, DATABASE_URL: await emptyPostgresUrl() };
    const first = await runCli(["migrate"], fresh);
    expect(first).toMatchObject({ code: 0, stderr: "" });
    expect(first.stdout).toMatch(/^Applied: 20261122000000_init/);
    expect(first.stdout).toMatch(/\nRegions: loaded idn-area-data \S+ \(38 provinces, 514 kabupaten\/kota, 7285 kecamatan, 83762 desa\/kelurahan\): 91599 added, 0 renamed, 0 retired, in [\d.]+ s\.\n$/);
    const again = await runCli(["migrate"], fresh);
    expect(again).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Database is up to date\.\nRegions: idn-area-data \S+ already loaded\.\n$/), stderr: "" });
    expect(await runCli(["regions", "sync"], fresh)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Regions: idn-area-data \S+ already loaded\.\n$/), stderr: "" });
    const missing = await runCli(["regions", "sync", "--dir", "/nonexistent", "--dataset-version", "9.0.0"], fresh);
    expect(missing).toMatchObject({ code: 1, stderr: "tppo-hub: /nonexistent/provinces.csv: missing (a region source needs provinces.csv, regencies.csv, districts.csv, villages.csv)\n" });
  });
});
