// Runs the real CLI (bin/tppo-hub.cjs, the compiled code in dist/) as a child process, the way an
// operator does. Jest's global setup rebuilds dist/ when src/ changed (test/support/build-dist.ts).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CONFIG_VARIABLES } from "../../src/config";

export const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin/tppo-hub.cjs");

export type Env = Record<string, string | undefined>;

/** The test's environment minus every variable the hub reads, so the developer's shell cannot leak in. */
function childEnv(env: Env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...process.env };
  for (const k of CONFIG_VARIABLES) delete out[k];
  // jest's --experimental-vm-modules is not for the hub.
  delete out.NODE_OPTIONS;
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete out[k];
  else out[k] = v;
  return out;
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function collect(child: ChildProcess): { out: () => string; err: () => string; done: Promise<{ code: number | null; signal: NodeJS.Signals | null }> } {
  let out = "";
  let err = "";
  child.stdout!.setEncoding("utf8").on("data", (c: string) => (out += c));
  child.stderr!.setEncoding("utf8").on("data", (c: string) => (err += c));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal }));
  });
  return { out: () => out, err: () => err, done };
}

/** Runs `tppo-hub <args>` to completion (killed after timeoutMs). */
export async function runCli(args: string[], env: Env = {}, opts: { timeoutMs?: number; command?: string[] } = {}): Promise<CliResult> {
  const [cmd, ...pre] = opts.command ?? [process.execPath, BIN];
  const child = spawn(cmd!, [...pre, ...args], { cwd: ROOT, env: childEnv(env), stdio: ["ignore", "pipe", "pipe"] });
  const io = collect(child);
  const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 60_000);
  try {
    const { code, signal } = await io.done;
    return { code, signal, stdout: io.out(), stderr: io.err() };
  } finally {
    clearTimeout(timer);
  }
}

export interface ServeProcess {
  child: ChildProcess;
  /** The GraphQL endpoint, from the "TPPO Hub listening" log record. */
  url: string;
  port: number;
  /** Base URL without /graphql. */
  origin: string;
  stdout(): string;
  stderr(): string;
  /** stdout as log records; throws on a line that is not JSON (stdout carries JSON lines only). */
  logs(): LogRecord[];
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends the signal and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export type LogRecord = { level: number; msg: string } & Record<string, unknown>;

/** Each line of a JSON-logging process's stdout as a record; throws on anything else. */
export function parseLogLines(stdout: string): LogRecord[] {
  return stdout
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => {
      try {
        return JSON.parse(line) as LogRecord;
      } catch {
        throw new Error(`stdout has a line that is not a JSON log record: ${JSON.stringify(line)}`);
      }
    });
}

/** The url of the "listening" record in what a JSON-logging `serve` wrote so far, if any. */
function listeningUrl(stdout: string): string | undefined {
  for (const line of stdout.split("\n")) {
    if (!line.includes('"TPPO Hub listening"') && !line.includes('"TPPO gateway listening"')) continue;
    try {
      const rec = JSON.parse(line) as LogRecord;
      if ((rec.msg === "TPPO Hub listening" || rec.msg === "TPPO gateway listening") && typeof rec.url === "string") return rec.url;
    } catch {
      // a partial line: the rest is still on its way
    }
  }
  return undefined;
}

// What `serve` prints at a terminal after its log lines.
const BANNER = /TPPO Hub ready at (http:\/\/\S+\/graphql)/;

/**
 * Starts `tppo-hub serve <args>` and resolves once it logs that it listens (rejects if it exits
 * first). `terminal: true` runs it on a pseudo-terminal (util-linux `script`), as in an operator's
 * shell: stdout and stderr then arrive together in stdout(), and readiness is the banner.
 */
export async function startServe(args: string[], env: Env, opts: { timeoutMs?: number; terminal?: boolean; command?: "serve" | "gateway" } = {}): Promise<ServeProcess> {
  // Readiness is the "TPPO Hub listening" record, logged at info: a quieter LOG_LEVEL would hide it.
  if (["warn", "error", "fatal", "silent"].includes(env.LOG_LEVEL ?? "")) env = { ...env, LOG_LEVEL: "info" };
  const argv = [process.execPath, BIN, opts.command ?? "serve", ...args];
  const [cmd, ...cmdArgs] = opts.terminal ? ["script", "--quiet", "--flush", "--return", "--command", argv.map(shellQuote).join(" "), "/dev/null"] : argv;
  const child = spawn(cmd!, cmdArgs, { cwd: ROOT, env: childEnv(env), stdio: ["ignore", "pipe", "pipe"] });
  const ready = opts.terminal ? (out: string) => BANNER.exec(out)?.[1] : listeningUrl;
  const io = collect(child);
  // A test run that is interrupted must not leave servers behind.
  const kill = () => child.kill("SIGKILL");
  process.once("exit", kill);
  void io.done.then(() => process.off("exit", kill));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`serve did not become ready in time.\nstdout:\n${io.out()}\nstderr:\n${io.err()}`));
    }, opts.timeoutMs ?? 60_000);
    const onData = () => {
      const url = ready(io.out());
      if (url) {
        clearTimeout(timer);
        child.stdout!.off("data", onData);
        resolve(url);
      }
    };
    child.stdout!.on("data", onData);
    void io.done.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (code ${code}, signal ${signal}) before it was ready.\nstdout:\n${io.out()}\nstderr:\n${io.err()}`));
    });
  });
  const parsed = new URL(url);
  return {
    child,
    url,
    port: Number(parsed.port),
    origin: parsed.origin,
    stdout: io.out,
    stderr: io.err,
    logs: () => parseLogLines(io.out()),
    exited: io.done,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return io.done;
    },
  };
}

function shellQuote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** A new temp directory; the caller removes it. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `tppo-${prefix}-`));
}
