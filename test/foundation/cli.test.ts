// The CLI's contract with an operator: help works, and a misconfiguration is one clear line on
// stderr naming what to fix, exit code 1, never a stack trace (exit 2 is reserved for bugs).
import net from "node:net";
import fs from "node:fs";
import { runCli, tempDir, type CliResult } from "../support/cli";

function expectOneLineError(r: CliResult, pattern: RegExp): void {
  const lines = r.stderr.trimEnd().split("\n");
  expect({ code: r.code, lines }).toEqual({ code: 1, lines: [expect.stringMatching(pattern)] });
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

/** A TCP port nothing listens on. */
async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

describe("tppo-hub CLI", () => {
  let dataDir: string;
  beforeAll(() => (dataDir = tempDir("cli")));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("`npx tppo-hub --help` lists the commands", async () => {
    const r = await runCli(["--help"], {}, { command: ["npx", "--no-install", "tppo-hub"] });
    expect(r.code).toBe(0);
    for (const cmd of ["serve", "migrate", "seed", "print-schema", "token"]) expect(r.stdout).toMatch(new RegExp(`^\\s+${cmd}\\b`, "m"));
  });

  it("a DATABASE_URL that is not PostgreSQL is refused by name", async () => {
    expectOneLineError(await runCli(["serve"], { DATABASE_URL: "mysql://x" }), /^tppo-hub: Invalid configuration: DATABASE_URL must be a postgresql:\/\/ or postgres:\/\/ url$/i);
  });

  it("a PORT that is not a port number is refused by name", async () => {
    expectOneLineError(await runCli(["serve"], { PORT: "abc", DATA_DIR: dataDir }), /^tppo-hub: Invalid configuration: PORT must be a port number from 0 to 65535$/);
  });

  it("an unreachable database is one line naming DATABASE_URL, without its password", async () => {
    const port = await closedPort();
    const r = await runCli(["serve"], { DATABASE_URL: `postgresql://hub:s3cret@127.0.0.1:${port}/tppo` });
    expectOneLineError(r, new RegExp(`^tppo-hub: cannot connect to the database at postgresql://127\\.0\\.0\\.1:${port}/tppo: .*ECONNREFUSED.* \\(check DATABASE_URL\\)$`));
    expect(r.stderr).not.toContain("s3cret");
  });

  const onPostgres = process.env.TEST_PG_URL ? it : it.skip;
  onPostgres("a database that does not exist on a reachable server is one line naming DATABASE_URL", async () => {
    const url = new URL(process.env.TEST_PG_URL!);
    url.pathname = "/no_such_database";
    expectOneLineError(await runCli(["migrate"], { DATABASE_URL: url.toString() }), /^tppo-hub: cannot connect to the database at .*\/no_such_database: database "no_such_database" does not exist \(check DATABASE_URL\)$/);
  });

  it("a PORT already in use is one line naming PORT", async () => {
    const busy = net.createServer();
    await new Promise<void>((r) => busy.listen(0, "127.0.0.1", r));
    try {
      const { port } = busy.address() as net.AddressInfo;
      const r = await runCli(["serve"], { PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir });
      expectOneLineError(r, /^tppo-hub: listen EADDRINUSE.* \(port in use: set PORT\)$/);
    } finally {
      busy.close();
    }
  });

  it("a bad option value is one line", async () => {
    expectOneLineError(await runCli(["seed", "--demo", "--scale", "0"], { DATA_DIR: dataDir }), /^tppo-hub: --scale must be a positive integer$/);
  });
});
