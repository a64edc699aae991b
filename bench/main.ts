// `npm run bench`: the TPPO Hub against PostGraphile v4 and hand-written SQL, everything set up
// here on loopback (a throwaway PostgreSQL cluster, the demo data, the three servers), measured
// interleaved, same answers checked, figures printed and written to docs/benchmarks.md.
// Measures; asserts nothing about timing. Options: bench/options.ts, DEVELOPERS.md.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startBenchDatabase } from "./cluster";
import { runMemory } from "./memory";
import { parseOptions } from "./options";
import { pinning } from "./pin";
import { preparePglite, runPglite } from "./pglite-phase";
import { mixedRequests, runReads } from "./read-phase";
import { READS, readInputs, type SystemName } from "./reads";
import { machine, renderMarkdown, renderText, type BenchResult } from "./report";
import { startFloor, startGateway, startHub, startPostGraphile, type RunningSystem } from "./systems";
import { runGatewayOverhead } from "./gateway-phase";
import { loadHubKey } from "../src/auth/hub-key";
import { minimalWriteWorkload } from "./write-batch";
import { runWrites } from "./writes";

const ROOT = path.resolve(__dirname, "..");
const shellQuote = (a: string) => (/^[\w./=,:-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`);
const log = (line: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);

async function main() {
  const argv = process.argv.slice(2);
  const opts = parseOptions(argv);
  if (opts.only.has("import")) {
    // Its own database and no servers: run apart from the comparison (bench/import.ts).
    const { runImportBench } = require("./import") as typeof import("./import");
    process.stdout.write((await runImportBench({ rows: opts.importRows, writeRows: Math.min(opts.importRows, 10_000), backend: opts.importDb, log })) + "\n");
    opts.only.delete("import");
    if (opts.only.size === 0) return;
  }
  const started = performance.now();
  const pin = pinning(opts.pin);
  pin.pinClient(process.pid);
  log(pin.note);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "tppo-bench-"));
  const running: RunningSystem[] = [];
  const db = await startBenchDatabase(opts.scale, log);
  const stopAll = () => db.close();
  process.once("exit", stopAll);
  try {
    pin.pinServer(db.postmasterPid);
    const result: BenchResult = {
      date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
      command: ["npm run bench", ...(argv.length ? ["--", ...argv.map(shellQuote)] : [])].join(" "),
      label: opts.label,
      machine: machine(db.cluster.version),
      pinning: pin.note,
      scale: opts.scale,
      cases: db.counts.cases ?? 0,
      seedSeconds: db.seedSeconds,
      rounds: opts.rounds,
      duration: opts.duration,
      connections: opts.connections,
      totalSeconds: 0,
    };
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const gatewayKeyFile = path.join(work, "gateway-signing-key.pem");
      await loadHubKey(gatewayKeyFile, { create: true });
      const hub = await startHub({ url: db.url, dataDir: path.join(work, "hub"), pin, maxRecords: 1000, gatewayKeyFile });
      running.push(hub);
      const systems: Record<SystemName, RunningSystem> = { hub, postgraphile: await startPostGraphile(db.url, pin), floor: await startFloor(db.url, pin) };
      running.push(systems.postgraphile, systems.floor);
      log(`hub ${hub.base} (pid ${hub.pid}), PostGraphile ${systems.postgraphile.base}, floor ${systems.floor.base}`);

      if (opts.only.has("reads")) {
        result.reads = await runReads({ systems, client, rounds: opts.rounds, duration: opts.duration, connections: opts.connections, postmasterPid: db.postmasterPid, log });
      }
      // PostGraphile and the floor are done: the rest measures the hub alone (and behind the gateway).
      await systems.postgraphile.stop();
      await systems.floor.stop();
      if (opts.only.has("gateway")) {
        const common = { hub, hubKeyFile: path.join(work, "hub", "hub-signing-key.pem"), gatewayKeyFile, pin, onClientCpu: opts.gatewayCpu === "client" };
        const gateway = await startGateway({ ...common, dir: path.join(work, "gateway"), passThrough: true });
        running.push(gateway);
        // The same gateway with GATEWAY_HUB_PASS_THROUGH=off: every operation through Hive's planner.
        const planner = await startGateway({ ...common, dir: path.join(work, "gateway-planner"), passThrough: false });
        running.push(planner);
        log(`gateway overhead: gateway ${gateway.base} (pid ${gateway.pid}) and planner-only gateway ${planner.base} (pid ${planner.pid}) in front of the hub, on the ${opts.gatewayCpu === "client" ? "load generator's" : "servers'"} core`);
        result.gateway = await runGatewayOverhead({ hub, gateway, planner, client, rounds: opts.rounds, duration: opts.duration, connections: opts.connections, log });
        result.gateway.cpu = opts.gatewayCpu;
        await gateway.stop();
        await planner.stop();
      }
      if (opts.only.has("memory")) {
        log(`memory: ${opts.memoryDuration} s at ${opts.connections} connections`);
        result.memory = await runMemory(hub, await mixedRequests(client, "hub"), opts.memoryDuration, opts.connections);
      }
      if (opts.only.has("writes")) {
        result.writes = await runWrites({ hub, url: db.url, client, workload: minimalWriteWorkload, rounds: opts.rounds, log });
      }
      if (opts.only.has("pglite")) {
        log(`PGlite: seeding scale ${opts.pgliteScale}`);
        const liteDir = path.join(work, "hub-pglite");
        fs.mkdirSync(liteDir, { recursive: true });
        const lite = await preparePglite(liteDir, opts.pgliteScale);
        log(`PGlite seeded in ${lite.seedSeconds.toFixed(1)} s`);
        const pgliteHub = await startHub({ dataDir: liteDir, pin, maxRecords: 1000 });
        running.push(pgliteHub);
        const postgresInputs = new Map<string, string[]>();
        for (const spec of READS) postgresInputs.set(spec.key, await readInputs(client, spec));
        const reads = await runPglite({ postgres: hub, postgresInputs, pglite: pgliteHub, pgliteInputs: lite.inputs, rounds: opts.rounds, duration: opts.duration, log });
        result.pglite = { scale: opts.pgliteScale, seedSeconds: lite.seedSeconds, reads };
      }
    } finally {
      await client.end();
      for (const s of running) await s.stop();
    }
    result.totalSeconds = (performance.now() - started) / 1000;
    result.machine.loadAtEnd = os.loadavg()[0];
    process.stdout.write("\n" + renderText(result));
    if (opts.out) {
      const file = path.resolve(ROOT, opts.out);
      fs.writeFileSync(file, renderMarkdown(result));
      log(`report written to ${path.relative(process.cwd(), file) || file}`);
    }
    const refused = (result.reads ?? []).filter((f) => f.mismatch);
    if (refused.length) {
      log(`${refused.length} read(s) not reported because the systems' answers differ: ${refused.map((f) => f.key).join(", ")}`);
      process.exitCode = 2;
    }
  } finally {
    process.off("exit", stopAll);
    db.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
