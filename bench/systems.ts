// The systems under test, each a child process on loopback, pinned to the servers' core:
// the TPPO Hub itself (`tppo-hub serve`, compiled, policy and audit on), PostGraphile v4 and
// the hand-written floor (bench/servers/).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { loadConfig } from "../src/config";
import { issueToken } from "../src/auth/issue-token";
import { loadHubKey } from "../src/auth/hub-key";
import { composeSupergraph } from "../src/gateway/compose";
import { freePort } from "../test/support/postgres-cluster";
import type { Pinning } from "./pin";
import type { SystemName } from "./reads";

const ROOT = path.resolve(__dirname, "..");

export interface RunningSystem {
  name: SystemName | "hub-pglite" | "gateway";
  base: string;
  pid: number;
  /** Headers every request carries (the hub's bearer token). */
  headers: Record<string, string>;
  rssMb(): number;
  stop(): Promise<void>;
}

export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : NaN;
}

async function waitReady(child: ChildProcess, url: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode}):\n${output()}`);
    if (Date.now() > deadline) throw new Error(`${url}: not ready after 180 s:\n${output()}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function start(
  name: RunningSystem["name"],
  args: string[],
  env: NodeJS.ProcessEnv,
  pin: Pinning,
  readyPath: string,
  headers: Record<string, string> = {},
): Promise<RunningSystem> {
  const port = await freePort();
  const [cmd, ...rest] = [...pin.prefix(), process.execPath, ...args];
  const child = spawn(cmd!, rest, { cwd: ROOT, env: { ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  const keep = (c: string) => void (out.length < 20_000 && (out += c));
  child.stdout!.setEncoding("utf8").on("data", keep);
  child.stderr!.setEncoding("utf8").on("data", keep);
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitReady(child, base + readyPath, () => out);
  } catch (err) {
    child.kill("SIGKILL");
    throw err;
  }
  const pid = child.pid!;
  return {
    name,
    base,
    pid,
    headers,
    rssMb: () => rssMb(pid),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

const tsx = (file: string) => ["--import", "tsx", path.join(ROOT, "bench/servers", file)];

export function startPostGraphile(url: string, pin: Pinning): Promise<RunningSystem> {
  return start("postgraphile", tsx("postgraphile.ts"), { ...process.env, DATABASE_URL: url }, pin, "/graphql");
}

export function startFloor(url: string, pin: Pinning): Promise<RunningSystem> {
  return start("floor", tsx("floor.ts"), { ...process.env, DATABASE_URL: url }, pin, "/case?id=none");
}

/**
 * The hub, as operators run it: `tppo-hub serve` on PostgreSQL (`url`) or on the embedded
 * database in `dataDir`, with its own signing key and audit checkpoint, and a real signed token
 * for a police investigator investigating in both provinces of the demo data, the role that reads
 * every compared field in clear (identity, documents, child victims: src/policy/rules.ts).
 */
export async function startHub(opts: { url?: string; dataDir: string; pin: Pinning; maxRecords: number; gatewayKeyFile?: string }): Promise<RunningSystem> {
  const keyFile = path.join(opts.dataDir, "hub-signing-key.pem");
  const key = await loadHubKey(keyFile, { create: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: "127.0.0.1",
    DATA_DIR: opts.dataDir,
    HUB_SIGNING_KEY_FILE: keyFile,
    // Request logs off (PostGraphile logs none either); warnings and errors still go out.
    LOG_LEVEL: "warn",
    CONTRIBUTE_MAX_RECORDS: String(opts.maxRecords),
    METRICS: "off",
    // Trusts the gateway's principal tokens (audience hub), for the gateway overhead phase.
    ...(opts.gatewayKeyFile ? { GATEWAY_SIGNING_KEY_FILE: opts.gatewayKeyFile } : {}),
  };
  delete env.DATABASE_URL;
  if (opts.url) env.DATABASE_URL = opts.url;
  const config = loadConfig(env);
  const token = await issueToken(key, config.hubIssuer, config.hubAudience, {
    agency: "POLDA-KALBAR",
    roles: ["police-investigator"],
    purpose: "investigation",
    // Both demo provinces rather than [] (no limit): with [] this hub build showed the
    // investigator only the cases it contributed or was assigned.
    jurisdiction: ["61", "63"],
    subject: "bench:investigator",
    ttl: "6h",
  });
  return start(
    opts.url ? "hub" : "hub-pglite",
    [path.join(ROOT, "bin/tppo-hub.cjs"), "serve"],
    env,
    opts.pin,
    "/readyz",
    { authorization: `Bearer ${token}` },
  );
}

/**
 * The federation gateway (`tppo-hub gateway`, compiled) in front of `hub` alone: the supergraph of
 * the hub's SDL, the hub's key to verify callers' tokens, its own key to sign the hub's principal
 * tokens. Callers send the same token and the same requests as to the hub.
 */
export async function startGateway(opts: { hub: RunningSystem; dir: string; hubKeyFile: string; gatewayKeyFile: string; pin: Pinning; passThrough: boolean; onClientCpu: boolean }): Promise<RunningSystem> {
  const hubUrl = `${opts.hub.base}/graphql`;
  const supergraphFile = path.join(opts.dir, "supergraph.graphql");
  fs.mkdirSync(opts.dir, { recursive: true });
  fs.writeFileSync(supergraphFile, composeSupergraph([{ name: "hub", url: hubUrl, sdl: fs.readFileSync(path.join(ROOT, "schema/hub.graphql"), "utf8") }]));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: "127.0.0.1",
    DATA_DIR: opts.dir,
    HUB_SIGNING_KEY_FILE: opts.hubKeyFile,
    GATEWAY_SIGNING_KEY_FILE: opts.gatewayKeyFile,
    GATEWAY_SUPERGRAPH_FILE: supergraphFile,
    GATEWAY_SUBGRAPHS: JSON.stringify([{ name: "hub", url: hubUrl, agency: "TPPO-HUB", timeoutMs: 60_000 }]),
    LOG_LEVEL: "warn",
    GATEWAY_HUB_PASS_THROUGH: opts.passThrough ? "on" : "off",
  };
  delete env.DATABASE_URL;
  const pin: Pinning = opts.onClientCpu ? { ...opts.pin, prefix: () => (opts.pin.enabled ? ["taskset", "-c", opts.pin.clientCpu] : []) } : opts.pin;
  return start("gateway", [path.join(ROOT, "bin/tppo-hub.cjs"), "gateway"], env, pin, "/healthz", opts.hub.headers);
}
