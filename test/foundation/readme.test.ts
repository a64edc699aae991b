// README.md is where an operator learns the settings and commands; these fail when it falls behind
// the code (a new variable in src/config.ts, a new CLI command) so it is fixed in the same change.
import fs from "node:fs";
import path from "node:path";
import { CONFIG_VARIABLES } from "../../src/config";
import { startFederation, type Federation } from "../../examples/federation";
import { ROOT, runCli } from "../support/cli";
import { docSteps, fencedBlocks, readerDir, runDocExamples } from "../support/doc-examples";

const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");

/** The markdown section under `## title`, up to the next `## `. */
function section(title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`README.md has no "## ${title}" section`);
  const end = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

describe("README.md", () => {
  it("documents every configuration variable src/config.ts reads, and no other", () => {
    const documented = [...section("Configuration").matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((m) => m[1]);
    expect(CONFIG_VARIABLES.length).toBeGreaterThan(5);
    expect([...documented].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it("documents every command `tppo-hub --help` lists", async () => {
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    const commands = [...help.stdout.split("Commands:")[1]!.matchAll(/^ {2}([a-z][a-z-]*)/gm)].map((m) => m[1]!).filter((c) => c !== "help");
    expect(commands).toEqual(expect.arrayContaining(["serve", "migrate", "seed", "print-schema", "token"]));
    const table = section("Command line");
    const missing = commands.filter((c) => !table.includes(`| \`${c}`));
    if (missing.length) throw new Error(`README.md's "Command line" table has no row for: ${missing.join(", ")}. Add one per command: | \`name <args>\` | what it does |`);
  });
});

// Every curl and query of the README, verbatim and in order, against what `npm start` gives (the
// demo federation: gateway, hub, BP3MI, Imigrasi, Polda), from a directory laid out like the
// reader's clone. Blocks marked `no-run` (npm ci && npm start, the PostgreSQL install) are what
// this hub stands in for.
describe("README.md examples against the demo federation", () => {
  let dir: string;
  let fed: Federation;
  beforeAll(async () => {
    dir = readerDir(ROOT);
    fed = await startFederation({ dataDir: path.join(dir, "data"), ports: { gateway: 0, hub: 0, bp3miRest: 0, bp3mi: 0, imigrasi: 0, polda: 0 }, logLevel: "info" });
  }, 240_000);
  afterAll(async () => {
    await fed?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("runs every curl and token command as written, each answered as the README says", async () => {
    const origin = new URL(fed.gatewayUrl).origin;
    // Never reinstall or start the project from a test: those blocks must stay `no-run`.
    const runnable = docSteps(fencedBlocks(fs.readFileSync(path.join(ROOT, "README.md"), "utf8"))).map((s) => s.block.code);
    expect(runnable.filter((c) => /\bnpm (ci|start|install)\b|tppo-hub (serve|migrate|seed)\b/.test(c))).toEqual([]);
    const answers: { code: string; body: any }[] = [];
    const { steps } = await runDocExamples(path.join(ROOT, "README.md"), {
      cwd: dir,
      rewrite: [["http://localhost:4000", origin]],
      check: (step, r) => {
        if (r.kind !== "shell") throw new Error("the README has shell examples only");
        if (!step.block.code.includes("curl")) {
          expect(r.stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/); // `tppo-hub token` prints a token
          return;
        }
        answers.push({ code: step.block.code, body: JSON.parse(r.stdout) });
      },
    });
    expect(steps.length).toBe(5);
    const [regions, federated, police, social] = answers.map((a) => a.body);
    expect(regions.errors).toBeUndefined();
    expect(regions.data.regions.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(["61", "63"]));
    // One query, four systems: Polda's investigation, BP3MI's placements, Imigrasi's crossings.
    expect(federated.errors).toBeUndefined();
    expect(federated.data.cases.edges).toHaveLength(2);
    expect(federated.data.cases.edges[0].node).toHaveProperty("investigation");
    expect(police.errors).toBeUndefined();
    expect(police.data.cases.totalCount).toBeGreaterThan(0);
    expect(police.data.cases.edges[0].node.participants.length).toBeGreaterThan(0);
    // The social worker: cases referred or assigned to Dinas Sosial, modus and destination refused.
    expect(social.data.cases.totalCount).toBeGreaterThan(0);
    expect(new Set(social.errors.map((e: { extensions: { code: string } }) => e.extensions.code))).toEqual(new Set(["FORBIDDEN"]));
    expect(new Set(social.errors.map((e: { path: string[] }) => e.path.at(-1)))).toEqual(new Set(["modus", "destinationCountry"]));
  }, 120_000);
});
