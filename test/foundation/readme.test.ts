// README.md is where an operator learns the settings and commands; these fail when it falls behind
// the code (a new variable in src/config.ts, a new CLI command) so it is fixed in the same change.
import fs from "node:fs";
import path from "node:path";
import { CONFIG_VARIABLES } from "../../src/config";
import { ROOT, runCli } from "../support/cli";

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
