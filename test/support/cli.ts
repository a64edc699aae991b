// Runs the real CLI (bin/tppo-hub.cjs) as a child process, the way an operator does.
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
  /** As printed: "TPPO Hub ready at <url> (database: ...)". */
  url: string;
  port: number;
  /** Base URL without /graphql. */
  origin: string;
  stdout(): string;
  stderr(): string;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends the signal and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const READY = /TPPO Hub ready at (http:\/\/\S+\/graphql)/;

/** Starts `tppo-hub serve <args>` and resolves once it prints its ready line (rejects if it exits first). */
export async function startServe(args: string[], env: Env, opts: { timeoutMs?: number } = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, "serve", ...args], { cwd: ROOT, env: childEnv(env), stdio: ["ignore", "pipe", "pipe"] });
  const io = collect(child);
  // A test run that is interrupted must not leave servers behind.
  const kill = () => child.kill("SIGKILL");
  process.once("exit", kill);
  void io.done.then(() => process.off("exit", kill));
  const ready = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`serve did not become ready in time.\nstdout:\n${io.out()}\nstderr:\n${io.err()}`));
    }, opts.timeoutMs ?? 60_000);
    const onData = () => {
      const m = READY.exec(io.out());
      if (m) {
        clearTimeout(timer);
        child.stdout!.off("data", onData);
        resolve(m[1]!);
      }
    };
    child.stdout!.on("data", onData);
    void io.done.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (code ${code}, signal ${signal}) before it was ready.\nstdout:\n${io.out()}\nstderr:\n${io.err()}`));
    });
  });
  const url = new URL(ready);
  return {
    child,
    url: ready,
    port: Number(url.port),
    origin: url.origin,
    stdout: io.out,
    stderr: io.err,
    exited: io.done,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return io.done;
    },
  };
}

/** A new temp directory; the caller removes it. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `tppo-${prefix}-`));
}
