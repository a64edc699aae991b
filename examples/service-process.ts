// One process of the demo federation (examples/federation.ts): started with its own environment,
// its stdout and stderr kept in a log file, ready when it logs a JSON record saying it listens
// (with its `url`), stopped with SIGTERM (SIGKILL after 10 s).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { CONFIG_VARIABLES } from "../src/config";

const ROOT = path.resolve(__dirname, "..");

export interface Service {
  name: string;
  /** Its GraphQL endpoint. */
  url: string;
  origin: string;
  child: ChildProcess;
  logFile: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends SIGTERM (SIGKILL after 10 s) and waits for the exit. */
  stop(): Promise<void>;
}

const LISTENING = /listening/i;

/** The hub's and gateway's settings, and the agency systems': set per process here, never inherited from the shell. */
const MANAGED = [...CONFIG_VARIABLES, "HUB_URL", "BP3MI_REST_PORT", "POLDA_DATA_DIR"];

/** This process's environment without the managed variables, plus `extra`. */
export function childEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of MANAGED) delete env[k];
  delete env.NODE_OPTIONS; // jest's --experimental-vm-modules is not for the services
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

/**
 * Starts one process and resolves with its URL once it logs a JSON record whose message says it
 * listens and which carries `url`; rejects (naming its log file) if it exits or times out first.
 */
export function startService(name: string, argv: string[], env: NodeJS.ProcessEnv, logDir: string, timeoutMs = 120_000): Promise<Service> {
  fs.mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${name}.log`);
  const log = fs.createWriteStream(logFile, { flags: "w" });
  const child = spawn(argv[0]!, argv.slice(1), { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  const kill = () => child.kill("SIGKILL");
  process.once("exit", kill); // an interrupted launcher leaves nothing behind
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("close", (code, signal) => {
      process.off("exit", kill);
      log.end();
      resolve({ code, signal });
    }),
  );
  let tail = "";
  child.stderr!.on("data", (c: Buffer) => {
    log.write(c);
    tail = (tail + c.toString()).slice(-4000);
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const t = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(t);
  };
  return new Promise<Service>((resolve, reject) => {
    let pending = "";
    let done = false;
    const timer = setTimeout(() => fail(`did not start within ${timeoutMs / 1000} s`), timeoutMs);
    function fail(why: string) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`${name} ${why} (log: ${logFile})\n${tail}`));
    }
    child.stdout!.on("data", (c: Buffer) => {
      log.write(c);
      tail = (tail + c.toString()).slice(-4000);
      if (done) return;
      pending += c.toString();
      const lines = pending.split("\n");
      pending = lines.pop()!;
      for (const line of lines) {
        let rec: { msg?: unknown; url?: unknown };
        try {
          rec = JSON.parse(line);
        } catch {
          continue;
        }
        if (typeof rec.url === "string" && typeof rec.msg === "string" && LISTENING.test(rec.msg)) {
          done = true;
          clearTimeout(timer);
          const url = rec.url;
          resolve({ name, url, origin: new URL(url).origin, child, logFile, exited, stop });
          return;
        }
      }
    });
    child.on("error", (err) => fail(`could not be started: ${err.message}`));
    void exited.then(({ code, signal }) => fail(`exited (${signal ?? `code ${code}`}) before it listened`));
  });
}
