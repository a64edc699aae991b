// A throwaway PostgreSQL cluster for one test run: initdb into a temp dir, start on a free
// port (127.0.0.1 only, trust auth), stop and delete it afterwards. PostgreSQL refuses to run
// as root, so as root (CI) the server binaries run as the `postgres` user.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export interface PostgresBinaries {
  /** Directory holding initdb, pg_ctl and postgres. */
  dir: string;
  /** e.g. "15.18" */
  version: string;
}

export interface PostgresCluster {
  /** Superuser URL of the `postgres` database, e.g. postgresql://postgres@127.0.0.1:54321/postgres */
  url: string;
  port: number;
  version: string;
  /** Temp directory holding the data dir, socket and server log. */
  dir: string;
  /** Stops the server and deletes its files. Synchronous so it can run from an exit handler. */
  stop(): void;
  /** Stops the server (fast shutdown: sessions are terminated) but keeps its files, for outage tests. */
  halt(): void;
  /** Starts a halted server again on the same port. */
  resume(): void;
}

const SERVER_BINARIES = ["initdb", "pg_ctl", "postgres"];

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** PATH first, then Debian/Ubuntu's /usr/lib/postgresql/<major>/bin (newest first). */
export function findPostgresBinaries(): PostgresBinaries | undefined {
  const dirs = (process.env.PATH ?? "").split(path.delimiter).filter(Boolean);
  const lib = "/usr/lib/postgresql";
  if (fs.existsSync(lib)) {
    const majors = fs.readdirSync(lib).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    dirs.push(...majors.map((v) => path.join(lib, v, "bin")));
  }
  for (const dir of dirs) {
    if (!isExecutable(path.join(dir, "initdb"))) continue;
    // PATH often holds symlinks (/usr/local/bin/initdb -> /usr/lib/postgresql/15/bin/initdb);
    // pg_ctl must sit beside the postgres it starts, so use the real directory.
    const real = path.dirname(fs.realpathSync(path.join(dir, "initdb")));
    if (!SERVER_BINARIES.every((b) => isExecutable(path.join(real, b)))) continue;
    const out = execFileSync(path.join(real, "postgres"), ["--version"], { encoding: "utf8" });
    const version = /\(PostgreSQL\)\s+(\d+(?:\.\d+)?)/.exec(out)?.[1] ?? out.trim();
    return { dir: real, version };
  }
  return undefined;
}

/** The same server URL with another database name. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs `fn` on a fresh connection to `url`, closed afterwards whatever happens. */
export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const isRoot = () => process.getuid?.() === 0;

function idOf(flag: "-u" | "-g", user: string): number {
  return Number(execFileSync("id", [flag, user], { encoding: "utf8" }).trim());
}

// runuser lives in sbin, which a root shell's PATH does not always include.
function runuser(): string {
  const dirs = [...(process.env.PATH ?? "").split(path.delimiter), "/usr/sbin", "/sbin", "/usr/bin", "/bin"];
  return dirs.map((d) => path.join(d, "runuser")).find(isExecutable) ?? "runuser";
}

/** Runs a server binary, as `postgres` when we are root; failures carry the tool's output. */
function run(bin: string, args: string[], cwd: string): string {
  const [cmd, ...rest] = isRoot() ? [runuser(), "-u", "postgres", "--", bin, ...args] : [bin, ...args];
  try {
    return execFileSync(cmd!, rest, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${path.basename(bin)} failed: ${e.message}\n${e.stdout ?? ""}${e.stderr ?? ""}`);
  }
}

function tail(file: string, lines = 20): string {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no server log)";
  }
}

/**
 * initdb + pg_ctl start. Tuned for tests, not durability: fsync and full-page writes off.
 * `parent` defaults to TEST_PG_TMPDIR or the OS temp dir; `settings` are extra postgresql.conf
 * lines (the benchmark loads pg_stat_statements).
 */
export async function startPostgresCluster(
  bin: PostgresBinaries,
  parent = process.env.TEST_PG_TMPDIR || os.tmpdir(),
  settings: readonly string[] = [],
): Promise<PostgresCluster> {
  const dir = fs.mkdtempSync(path.join(parent, "tppo-pg-"));
  const data = path.join(dir, "data");
  const log = path.join(dir, "server.log");
  const pgCtl = path.join(bin.dir, "pg_ctl");
  if (isRoot()) {
    let uid: number;
    try {
      uid = idOf("-u", "postgres");
    } catch {
      fs.rmSync(dir, { recursive: true, force: true });
      throw new Error("running as root, but there is no `postgres` user to run PostgreSQL as");
    }
    fs.chownSync(dir, uid, idOf("-g", "postgres"));
  }
  let started = false;
  const stop = () => {
    if (started) {
      try {
        run(pgCtl, ["-D", data, "-m", "immediate", "-w", "stop"], dir);
      } catch {
        // already gone; the directory is removed below either way
      }
      started = false;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    run(path.join(bin.dir, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], dir);
    // A port taken between freePort() and bind (another run starting at the same moment) is retried.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      fs.appendFileSync(
        path.join(data, "postgresql.conf"),
        [
          "",
          "# tppo-hub test cluster",
          `port = ${port}`,
          "listen_addresses = '127.0.0.1'",
          `unix_socket_directories = '${dir}'`,
          "max_connections = 200",
          "fsync = off",
          "synchronous_commit = off",
          "full_page_writes = off",
          ...settings,
          "",
        ].join("\n"),
      );
      try {
        run(pgCtl, ["-D", data, "-l", log, "-w", "-t", "60", "start"], dir);
        started = true;
        const halt = () => {
          run(pgCtl, ["-D", data, "-m", "fast", "-w", "stop"], dir);
          started = false;
        };
        const resume = () => {
          run(pgCtl, ["-D", data, "-l", log, "-w", "-t", "60", "start"], dir);
          started = true;
        };
        return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, port, version: bin.version, dir, stop, halt, resume };
      } catch (err) {
        if (attempt >= 3 || !/could not bind|Address already in use/i.test(tail(log))) {
          throw new Error(`${(err as Error).message}\nserver log (${log}):\n${tail(log)}`);
        }
      }
    }
  } catch (err) {
    stop();
    throw err;
  }
}
