// One process per embedded data directory (src/db/data-dir-lock.ts), with real processes: a
// second `serve` and every CLI command that opens the database are refused while a hub runs on
// it; a holder killed with SIGKILL leaves a lock the next start takes over; racing takers of a
// stale lock never both win.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { runCli, startServe, tempDir, ROOT, type CliResult, type ServeProcess } from "../support/cli";
import { HOST, PROVINCES, gql, signingKey } from "./faults";

/** The lock's generation files (src/db/data-dir-lock.ts), parsed. */
function lockFiles(dataDir: string): Array<{ pid: number; released?: string }> {
  const lockDir = `${fs.realpathSync(dataDir)}/pglite.lock`;
  return fs
    .readdirSync(lockDir)
    .filter((f) => /^\d+$/.test(f))
    .map((f) => JSON.parse(fs.readFileSync(path.join(lockDir, f), "utf8")));
}

function expectRefusedBy(r: CliResult, holder: ServeProcess, dataDir: string): void {
  const lines = r.stderr.trimEnd().split("\n");
  expect({ code: r.code, lines }).toEqual({
    code: 1,
    lines: [
      expect.stringMatching(
        new RegExp(`^tppo-hub: the embedded database ${path.join(fs.realpathSync(dataDir), "pglite")} is in use by process ${holder.child.pid} \\(tppo-hub serve, since \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\); stop that process first`),
      ),
    ],
  });
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe("the embedded data directory has one process at a time", () => {
  let dir: string;
  let env: Record<string, string>;
  let token: () => Promise<string>;
  let serve: ServeProcess | undefined;
  beforeAll(async () => {
    dir = tempDir("lock");
    const key = await signingKey(dir);
    token = key.token;
    env = { DATA_DIR: path.join(dir, "data"), HUB_SIGNING_KEY_FILE: key.file, PORT: "0", HOST, LOG_LEVEL: "warn" };
  });
  afterAll(async () => {
    await serve?.stop("SIGKILL");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("a second serve on the same DATA_DIR is refused with one line naming the first; the first keeps serving", async () => {
    serve = await startServe([], env);
    const second = await runCli(["serve"], env);
    expectRefusedBy(second, serve, env.DATA_DIR!);
    expect(second.stdout).not.toContain("ready at");
    expect((await gql(serve.url, await token(), PROVINCES)).status).toBe(200);
  });

  it.each(["seed --demo", "migrate", "audit verify"])("`%s` against a running hub's DATA_DIR is refused and changes nothing", async (command) => {
    const before = (await gql(serve!.url, await token(), PROVINCES)).body;
    const r = await runCli(command.split(" "), env);
    expectRefusedBy(r, serve!, env.DATA_DIR!);
    expect((await gql(serve!.url, await token(), PROVINCES)).body).toEqual(before);
  });

  it("after the holder is killed with SIGKILL, the next serve takes the lock over and has the data", async () => {
    const t = await token();
    await gql(serve!.url, t, `mutation { contributePerson(input: { externalId: "LOCK-1", sourceSystem: "EMP", fullName: "Ani" }) { result { status } } }`);
    expect(await serve!.stop("SIGKILL")).toEqual({ code: null, signal: "SIGKILL" });
    serve = await startServe([], env);
    const r = await gql(serve.url, t, `mutation { contributePerson(input: { externalId: "LOCK-1", sourceSystem: "EMP", fullName: "Ani" }) { result { status } } }`);
    expect(r.body.data.contributePerson.result.status).toBe("UNCHANGED");
    // Released on SIGTERM (marked so, not merely left by a dead pid); a CLI command may open it next.
    const pid = serve.child.pid;
    expect(await serve.stop("SIGTERM")).toEqual({ code: 0, signal: null });
    serve = undefined;
    expect(lockFiles(env.DATA_DIR!)).toEqual([expect.objectContaining({ pid, released: expect.any(String) })]);
    const verify = await runCli(["audit", "verify"], env);
    expect(verify).toMatchObject({ code: 0, stderr: "" });
  });

  it("a CLI command interrupted with SIGINT releases the lock", async () => {
    const child = spawn(process.execPath, [path.join(ROOT, "bin/tppo-hub.cjs"), "seed", "--demo", "--scale", "50"], {
      cwd: ROOT,
      env: { ...process.env, ...env, NODE_OPTIONS: "" },
      stdio: "ignore",
    });
    const exited = new Promise((r) => child.once("exit", (code, signal) => r({ code, signal })));
    try {
      const held = () => lockFiles(env.DATA_DIR!).some((h) => h.pid === child.pid);
      for (const end = Date.now() + 60_000; !held(); ) {
        if (Date.now() > end) throw new Error("seed never took the lock");
        await new Promise((r) => setTimeout(r, 50));
      }
      child.kill("SIGINT");
      expect(await exited).toEqual({ code: 130, signal: null }); // 128 + SIGINT, as a shell reports it
      expect(lockFiles(env.DATA_DIR!)).toEqual([expect.objectContaining({ pid: child.pid, released: expect.any(String) })]);
    } finally {
      child.kill("SIGKILL"); // a failed run must not leave a seed of 50 x 60 cases behind
    }
  });
});

describe("taking over a stale lock", () => {
  it("of eight processes racing for the lock a dead process left, exactly one wins", async () => {
    const dir = tempDir("lock-race");
    try {
      const dataDir = path.join(dir, "pglite");
      fs.mkdirSync(dataDir);
      // The lock a `kill -9`ed hub leaves: generation 1, unreleased, its pid gone.
      const dead = spawn(process.execPath, ["-e", ""]);
      await new Promise((r) => dead.once("exit", r));
      fs.mkdirSync(`${dataDir}.lock`);
      fs.writeFileSync(
        `${dataDir}.lock/000000000001`,
        JSON.stringify({ pid: dead.pid, host: require("node:os").hostname(), command: "tppo-hub serve", since: new Date().toISOString(), startTicks: null, token: "x" }),
      );
      // Each contender loads the module first, then all try at the same instant and hold on.
      const at = Date.now() + 4000;
      const script = `
        const { lockDataDir } = require(${JSON.stringify(path.join(ROOT, "src/db/data-dir-lock.ts"))});
        setTimeout(() => {
          try { lockDataDir(${JSON.stringify(dataDir)}); console.log("won"); }
          catch (e) { console.log(e.name === "DataDirLockedError" ? "refused" : "error " + e.message); }
          setTimeout(() => process.exit(0), 1500);
        }, ${at} - Date.now());`;
      const outcomes = await Promise.all(
        Array.from({ length: 8 }, () => {
          const c = spawn(process.execPath, ["-r", "tsx/cjs", "-e", script], { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: "" } });
          let out = "";
          c.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
          return new Promise<string>((resolve) => c.on("close", () => resolve(out.trim())));
        }),
      );
      expect(outcomes.sort()).toEqual(["refused", "refused", "refused", "refused", "refused", "refused", "refused", "won"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
