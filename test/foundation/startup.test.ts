// The CLI runs compiled code from dist/, and a command loads only what it needs: `--help` and
// `token` start without Apollo, the GraphQL schema, Prisma or PGlite (they cost seconds).
import fs from "node:fs";
import path from "node:path";
import { ROOT, runCli, tempDir } from "../support/cli";

const BIN = path.join(ROOT, "bin/tppo-hub.cjs");
const HEAVY = ["@apollo/server", "@apollo/subgraph", "@pothos/core", "@prisma/client", "@electric-sql/pglite", "graphql"];

describe("CLI start-up", () => {
  let dir: string;
  let hook: string;
  beforeAll(() => {
    dir = tempDir("startup");
    // Preloaded into the CLI process: on exit, writes every CommonJS module it loaded to a file.
    hook = path.join(dir, "record-modules.cjs");
    fs.writeFileSync(hook, `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(path.join(dir, "modules.json"))}, JSON.stringify(Object.keys(require.cache))));\n`);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function modulesLoadedBy(args: string[]): Promise<string[]> {
    const r = await runCli(args, { DATA_DIR: dir }, { command: [process.execPath, "--require", hook, BIN] });
    expect(r).toMatchObject({ code: 0, stderr: "" });
    return JSON.parse(fs.readFileSync(path.join(dir, "modules.json"), "utf8")) as string[];
  }

  /** Packages among HEAVY that were loaded. */
  const heavy = (modules: string[]) => HEAVY.filter((p) => modules.some((m) => m.includes(`/node_modules/${p}/`)));

  it.each([
    ["--help", ["--help"]],
    ["token", ["token", "--agency", "POLDA-KALBAR", "--roles", "police-investigator", "--purpose", "investigation", "--jurisdiction", "61"]],
  ])("%s runs dist/ and loads none of the heavy modules", async (_name, args) => {
    const modules = await modulesLoadedBy(args);
    expect(modules).toContain(path.join(ROOT, "dist/main.js"));
    expect(modules.filter((m) => m.endsWith(".ts") || m.includes("/node_modules/tsx/"))).toEqual([]);
    expect(heavy(modules)).toEqual([]);
  });

  it("print-schema does load the schema (the check above can see it)", async () => {
    expect(heavy(await modulesLoadedBy(["print-schema", "--stdout"]))).toEqual(expect.arrayContaining(["@pothos/core", "graphql"]));
  });
});
