// An exclusive lock on an embedded (PGlite) data directory: one process at a time, since two
// PGlite instances on one directory both accept writes and corrupt it beyond repair.
//
// Design. Node has no flock(), and a lock that needs a heartbeat (proper-lockfile's mtime
// updates) is wrongly judged stale whenever PGlite's WASM blocks the event loop for longer than
// the heartbeat, so the lock is a process-liveness lock built only from atomic file operations:
//
//   <dataDir>.lock/<generation>   one JSON file per holder: pid, host, command, since
//
// - Acquire: read the highest generation N. If its holder is alive, refuse, naming it. Otherwise
//   (released, or its process is dead) create generation N+1. Creation is link(2) of a fully
//   written temp file, which fails with EEXIST when the name exists: of any number of processes
//   racing for N+1 exactly one wins, and a reader never sees a half-written file. The losers read
//   again and find the winner alive. Generations only grow, so a stale holder is never "removed"
//   by one taker while another recreates it (the classic unlink-then-create race of pid files).
// - Release (close, exit, SIGINT/SIGTERM): rewrite our own generation as released (temp file +
//   rename, atomic). The file stays: deleting the top generation would let the next taker start
//   again at 1 while a slower one creates N+1, and both would win. The winner of N+1 deletes the
//   generations below it.
// - Dead holder: `kill -9`, a crash or a power cut leaves an unreleased file; a process is dead
//   when signal 0 says ESRCH, or when its pid now belongs to a process that started at another
//   time (Linux: /proc/<pid>/stat), or when the pid is our own but the file is not (a container
//   restart reuses pids). A holder on another host (a shared volume) cannot be judged: refused.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

interface Holder {
  pid: number;
  host: string;
  command: string;
  /** ISO time the lock was taken. */
  since: string;
  /** Linux process start time (clock ticks after boot), to tell a reused pid from the holder. */
  startTicks: number | null;
  /** Unique per process: tells this process's own lock from an earlier one with the same pid. */
  token: string;
  /** ISO time of a clean release; absent while held. */
  released?: string;
}

/** Another process holds the data directory. main.ts prints the message as one line, exit 1. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: Pick<Holder, "pid" | "host" | "command" | "since">,
  ) {
    const where = holder.host === os.hostname() ? "" : ` on host ${holder.host}`;
    super(
      `the embedded database ${dataDir} is in use by process ${holder.pid}${where} ` +
        `(${holder.command}, since ${holder.since}); stop that process first, or use another DATA_DIR`,
    );
    this.name = "DataDirLockedError";
  }
}

export interface DataDirLock {
  readonly dataDir: string;
  /** Marks the lock released; idempotent, synchronous (runs from exit handlers too). */
  release(): void;
}

const PROCESS_TOKEN = crypto.randomUUID();
const GENERATION = /^\d{12}$/;
const held = new Set<DataDirLock>();

function startTicks(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22; the command name (field 2) may hold spaces and parentheses, so count from its end.
    const ticks = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]);
    return Number.isFinite(ticks) ? ticks : null;
  } catch {
    return null;
  }
}

function commandLine(): string {
  const script = path.basename(process.argv[1] ?? process.argv0).replace(/\.(c?js|m?ts)$/, "");
  return [script, ...process.argv.slice(2)].join(" ").slice(0, 200);
}

function isAlive(h: Holder): boolean {
  if (h.released) return false;
  if (h.host !== os.hostname()) return true; // cannot tell from here: refuse rather than guess
  if (h.pid === process.pid) return h.token === PROCESS_TOKEN;
  try {
    process.kill(h.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ESRCH") return false;
    // EPERM: it exists, owned by someone else; fall through to the pid-reuse check
  }
  const ticks = startTicks(h.pid);
  return h.startTicks === null || ticks === null || ticks === h.startTicks;
}

const fileOf = (lockDir: string, gen: number) => path.join(lockDir, String(gen).padStart(12, "0"));

function generations(lockDir: string): number[] {
  return fs
    .readdirSync(lockDir)
    .filter((f) => GENERATION.test(f))
    .map(Number)
    .sort((a, b) => a - b);
}

/** Writes `content` to a new temp file in `dir` and returns its path. */
function tempFile(dir: string, content: string): string {
  const tmp = path.join(dir, `.tmp-${process.pid}-${crypto.randomBytes(6).toString("hex")}`);
  fs.writeFileSync(tmp, content, { flag: "wx" });
  return tmp;
}

/** Takes the lock on `dataDir` (which must exist) or throws DataDirLockedError naming the holder. */
export function lockDataDir(dataDir: string): DataDirLock {
  // Before the lock exists: a signal that arrives between its creation and the handlers would
  // otherwise kill the process with the default action and leave the lock unreleased.
  installHandlers();
  const real = fs.realpathSync(dataDir); // two spellings of one directory share one lock
  const lockDir = `${real}.lock`;
  fs.mkdirSync(lockDir, { recursive: true });
  const me: Holder = { pid: process.pid, host: os.hostname(), command: commandLine(), since: new Date().toISOString(), startTicks: startTicks(process.pid), token: PROCESS_TOKEN };
  // Each round either wins, refuses, or lost a race to a process that is now the holder; a few
  // rounds settle any realistic contention.
  for (let round = 0; round < 50; round++) {
    const top = generations(lockDir).at(-1) ?? 0;
    if (top > 0) {
      let holder: Holder;
      try {
        holder = JSON.parse(fs.readFileSync(fileOf(lockDir, top), "utf8")) as Holder;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") continue; // cleaned up under us
        throw new Error(`the lock file ${fileOf(lockDir, top)} is unreadable (${(err as Error).message}); remove it once no hub uses ${real}`);
      }
      if (isAlive(holder)) throw new DataDirLockedError(real, holder);
    }
    const mine = fileOf(lockDir, top + 1);
    const tmp = tempFile(lockDir, JSON.stringify(me));
    try {
      fs.linkSync(tmp, mine);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "EEXIST") continue; // another process won N+1
      throw err;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
    for (const g of generations(lockDir)) if (g <= top) fs.rmSync(fileOf(lockDir, g), { force: true });
    return register(real, lockDir, mine, me);
  }
  throw new Error(`could not lock ${real}: too much contention for ${lockDir}`);
}

function register(dataDir: string, lockDir: string, file: string, me: Holder): DataDirLock {
  let released = false;
  const lock: DataDirLock = {
    dataDir,
    release() {
      if (released) return;
      released = true;
      held.delete(lock);
      try {
        const tmp = tempFile(lockDir, JSON.stringify({ ...me, released: new Date().toISOString() }));
        fs.renameSync(tmp, file);
      } catch {
        // The directory is gone or read-only: nothing to release, and a dead pid reads as free.
      }
    },
  };
  held.add(lock);
  return lock;
}

let handlersInstalled = false;

/**
 * Releases held locks when the process exits, however it exits short of SIGKILL. A signal that
 * nobody else handles would kill the process without running exit handlers, so it is caught,
 * the locks released, and the process ends with the shell's code for that signal (128 + its
 * number). Raising the signal again instead was seen to be lost now and then on Node 22, leaving
 * a CLI command running to its end. When the program handles the signal itself (serve drains and
 * closes the database), it is left to do so.
 */
function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on("exit", () => {
    for (const l of [...held]) l.release();
  });
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    const onSignal = () => {
      if (process.listenerCount(sig) > 1) return;
      for (const l of [...held]) l.release();
      process.exit(128 + os.constants.signals[sig]);
    };
    process.on(sig, onSignal);
  }
}
