// Soak run: starts a real hub (`tppo-hub serve --demo` as a child process), loads it with mixed
// reads and writes through autocannon at 16 and then 64 connections, and prints what an operator
// needs to trust it: requests, errors by code, 503s, p50/p99, the hub's RSS, acknowledged
// contributions against rows in the database, and the audit chain verification. Not part of
// `npm test`: it takes minutes and measures, it asserts only the invariants (exit 1 if broken).
//
//   npm run soak [-- --duration 60] [--connections 16,64] [--backend pglite|postgres] [--url postgresql://...]
// --backend postgres without --url starts a throwaway cluster (test/support/postgres-cluster.ts).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "../src/db/database";
import { findPostgresBinaries, startPostgresCluster, type PostgresCluster } from "../test/support/postgres-cluster";

// autocannon ships no types; the part used here.
interface Histogram { average: number; total: number; p50: number; p99: number; max: number }
interface AutocannonResult { duration: number; requests: Histogram; latency: Histogram; errors: number; timeouts: number }
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon: (opts: Record<string, unknown>) => Promise<AutocannonResult> = require("autocannon");

const ROOT = path.resolve(__dirname, "..");
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const duration = Number(arg("duration", "60"));
const phases = arg("connections", "16,64").split(",").map(Number);
const backend = arg("backend", "pglite");

const CASE_PAGE = `query CasePage { cases(first: 20, orderBy: IDENTIFIED_AT_DESC) { totalCount edges { node { id status modus destinationCountry
  participants { role person { fullName birthDate documents { type number } } } referrals { serviceType status } } } } }`;
const STATS = `{ statistics(measure: CASES, groupBy: [YEAR]) { cells { count suppressed } } }`;
const EW_ONE = `mutation One($input: EarlyWarningReportInput!) { contributeEarlyWarningReport(input: $input) { result { status externalId } } }`;
const EW_BATCH = `mutation Batch($records: [ContributionInput!]!) { contribute(records: $records) { status externalId } }`;

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

async function startHub(env: NodeJS.ProcessEnv, args: string[]): Promise<{ child: ChildProcess; url: string; tokens: Record<string, string> }> {
  const child = spawn(process.execPath, [path.join(ROOT, "bin/tppo-hub.cjs"), "serve", ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  let keep = true; // the request log that follows start-up is drained, not kept
  child.stdout!.setEncoding("utf8").on("data", (c: string) => keep && (out += c));
  child.stderr!.setEncoding("utf8").on("data", (c: string) => (err += c));
  const deadline = Date.now() + 180_000;
  // stdout is JSON lines; the "TPPO Hub listening" record names the URL and the demo tokens file.
  let listening: { url: string; demoTokens: string } | undefined;
  while (!listening) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the hub did not start:\n${out}\n${err}`);
    await new Promise((r) => setTimeout(r, 200));
    for (const line of out.split("\n")) {
      if (!line.includes('"TPPO Hub listening"')) continue;
      listening = JSON.parse(line) as { url: string; demoTokens: string };
    }
  }
  keep = false;
  const url = listening.url.replace("localhost", "127.0.0.1");
  const text = fs.readFileSync(listening.demoTokens, "utf8");
  const tokens = Object.fromEntries([...text.matchAll(/^\s*([a-z][a-z-]+)\s+([\w-]+\.[\w-]+\.[\w-]+)\s*$/gm)].map((m) => [m[1]!, m[2]!]));
  return { child, url, tokens };
}

interface Tally {
  acknowledged: Set<string>;
  status: Map<number, number>;
  codes: Map<string, number>;
}

function ewInput(id: string) {
  return { externalId: id, sourceSystem: "SOAK", source: "LTSA", regionCode: "61.01", reportedAt: "2026-02-01T01:00:00Z", description: "Laporan uji beban." };
}

async function phase(url: string, tokens: Record<string, string>, connections: number, tally: Tally) {
  let seq = 0;
  const nextId = () => `SOAK-${connections}-${process.pid}-${seq++}`;
  const json = { "content-type": "application/json" };
  const note = (status: number, body: string) => {
    tally.status.set(status, (tally.status.get(status) ?? 0) + 1);
    let parsed: any;
    try {
      parsed = JSON.parse(body);
    } catch {
      return;
    }
    for (const e of parsed?.errors ?? []) tally.codes.set(e.extensions?.code ?? "?", (tally.codes.get(e.extensions?.code ?? "?") ?? 0) + 1);
    const results = parsed?.data?.contribute ?? (parsed?.data?.contributeEarlyWarningReport ? [parsed.data.contributeEarlyWarningReport.result] : []);
    for (const r of results) {
      if (r.status === "REJECTED") tally.codes.set("REJECTED", (tally.codes.get("REJECTED") ?? 0) + 1);
      else tally.acknowledged.add(r.externalId);
    }
  };
  const request = (token: string, build: () => unknown) => ({
    method: "POST" as const,
    path: "/graphql",
    headers: { ...json, authorization: `Bearer ${token}` },
    setupRequest: (req: any) => ({ ...req, body: JSON.stringify(build()) }),
    onResponse: (status: number, body: string) => note(status, body),
  });
  const run = autocannon({
    url,
    connections,
    duration,
    // Longer than the hub's own deadline (OPERATION_TIMEOUT_MS, 120 s), so a slow answer shows as the
    // hub's 503 TIMEOUT rather than as the client giving up.
    timeout: 130,
    requests: [
      request(tokens["police-investigator"]!, () => ({ query: CASE_PAGE })),
      request(tokens["ltsa-officer"]!, () => ({ query: EW_ONE, variables: { input: ewInput(nextId()) } })),
      request(tokens["ngo-analyst"]!, () => ({ query: STATS })),
      request(tokens["ltsa-officer"]!, () => ({ query: EW_BATCH, variables: { records: Array.from({ length: 20 }, () => ({ earlyWarningReport: ewInput(nextId()) })) } })),
    ],
  });
  return await run;
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "tppo-soak-"));
  let cluster: PostgresCluster | undefined;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", DATA_DIR: work, CI: "1" };
  delete env.DATABASE_URL;
  const serveArgs = ["--demo"];
  if (backend === "postgres") {
    let admin = arg("url", "");
    if (!admin) {
      const bin = findPostgresBinaries();
      if (!bin) throw new Error("no PostgreSQL server binaries found; pass --url");
      cluster = await startPostgresCluster(bin); // its own temp dir: the postgres user must reach it
      admin = cluster.url;
    }
    const dbName = `soak_${process.pid}`;
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`CREATE DATABASE "${dbName}"`);
    await c.end();
    const u = new URL(admin);
    u.pathname = `/${dbName}`;
    env.DATABASE_URL = u.toString();
    const keyFile = path.join(work, "hub-signing-key.pem");
    fs.writeFileSync(keyFile, crypto.generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }));
    env.HUB_SIGNING_KEY_FILE = keyFile;
    serveArgs.push("--migrate");
  }
  let failed = false;
  try {
    const t0 = Date.now();
    const hub = await startHub(env, serveArgs);
    const pid = hub.child.pid!;
    console.log(`soak: ${backend}, ${duration} s per phase at ${phases.join(" then ")} connections; hub pid ${pid} at ${hub.url} (ready in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    const rssStart = rssMb(pid);
    let rssPeak = rssStart;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(pid))), 500);
    const tally: Tally = { acknowledged: new Set(), status: new Map(), codes: new Map() };
    for (const connections of phases) {
      const before = { status: new Map(tally.status), codes: new Map(tally.codes), acked: tally.acknowledged.size };
      const r = await phase(hub.url, hub.tokens, connections, tally);
      const delta = (now: Map<any, number>, then: Map<any, number>) => [...now].map(([k, v]) => `${k}: ${v - (then.get(k) ?? 0)}`).filter((s) => !s.endsWith(": 0")).join(", ");
      console.log(
        `\n${connections} connections, ${r.duration.toFixed(0)} s: ${r.requests.total} requests (${r.requests.average.toFixed(0)}/s), ` +
          `latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms; connection errors ${r.errors}, timeouts ${r.timeouts}\n` +
          `  HTTP status: ${delta(tally.status, before.status)}\n  error codes: ${delta(tally.codes, before.codes) || "none"}\n` +
          `  records acknowledged: ${tally.acknowledged.size - before.acked}; hub RSS now ${rssMb(pid)} MB`,
      );
    }
    clearInterval(sampler);
    const rssEnd = rssMb(pid);
    const stopStarted = Date.now();
    hub.child.kill("SIGTERM");
    await new Promise((r) => hub.child.once("exit", r));
    const stopMs = Date.now() - stopStarted;

    const db = await openDatabase(env.DATABASE_URL ? { kind: "postgres", url: env.DATABASE_URL } : { kind: "pglite", dataDir: path.join(work, "pglite") });
    const rows = await db.raw.query<{ externalId: string }>(`SELECT "externalId" FROM "EarlyWarningReport" WHERE "sourceSystem" = 'SOAK'`);
    await db.close();
    const stored = new Set(rows.map((r) => r.externalId));
    const lost = [...tally.acknowledged].filter((id) => !stored.has(id));
    const unacknowledged = [...stored].filter((id) => !tally.acknowledged.has(id)).length;
    const verify = spawnSync(process.execPath, [path.join(ROOT, "bin/tppo-hub.cjs"), "audit", "verify"], { env, encoding: "utf8" });
    const internal = tally.codes.get("INTERNAL") ?? 0;
    console.log(
      `\nhub RSS: ${rssStart} MB at start, ${rssPeak} MB peak, ${rssEnd} MB at end; SIGTERM to exit ${stopMs} ms (exit code ${hub.child.exitCode})\n` +
        `503 answers: ${tally.status.get(503) ?? 0}; INTERNAL errors: ${internal}\n` +
        `contributions: ${tally.acknowledged.size} acknowledged, ${stored.size} rows in the database, ${lost.length} acknowledged but missing, ${unacknowledged} written but not acknowledged\n` +
        `audit verify (exit ${verify.status}): ${(verify.stdout + verify.stderr).trim()}`,
    );
    failed = lost.length > 0 || internal > 0 || verify.status !== 0;
  } finally {
    cluster?.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
  console.log(failed ? "\nsoak: FAILED" : "\nsoak: ok (0 lost acknowledged records, 0 INTERNAL, audit chain verified)");
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
