// The runner every docs test relies on: blocks found with their lines, steps in reading order,
// exported variables carried over, and a failing example named by file and line.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DocSession, docSteps, fencedBlocks, markdownSection, runDocExamples } from "../support/doc-examples";

const MD = [
  "# Guide",
  "## One",
  "```sh",
  "export GREETING=halo",
  "```",
  "```graphql",
  "{ a }",
  "```",
  "```json",
  '{ "x": 1 }',
  "```",
  "```json",
  '{ "x": 2 }',
  "```",
  "```sh no-run",
  "npm start",
  "```",
  "## Two",
  "````bash",
  'echo "$GREETING dunia"',
  "```",
  "````",
].join("\n");

describe("test/support/doc-examples", () => {
  it("finds fenced blocks with line, language, flags and heading", () => {
    const b = fencedBlocks(MD, "g.md");
    expect(b.map((x) => [x.line, x.lang, x.flags.join(" "), x.heading])).toEqual([
      [3, "sh", "", "One"], [6, "graphql", "", "One"], [9, "json", "", "One"], [12, "json", "", "One"], [15, "sh", "no-run", "One"], [19, "bash", "", "Two"],
    ]);
    expect(b[5]!.code).toBe('echo "$GREETING dunia"\n```\n');
  });

  it("runs a GraphQL block once per variables block, and skips no-run", () => {
    const s = docSteps(fencedBlocks(MD));
    expect(s.map((x) => (x.kind === "graphql" ? `gql:${x.variables?.code.trim()}` : `sh:${x.block.line}`))).toEqual(["sh:3", 'gql:{ "x": 1 }', 'gql:{ "x": 2 }', "sh:19"]);
  });

  it("takes a section up to the next heading of its level, keeping line numbers", () => {
    const { text } = markdownSection(MD, "## Two");
    expect(fencedBlocks(text).map((b) => b.line)).toEqual([19]);
  });

  it("carries exported variables from one shell block to the next, and names the block that fails", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "doc-run-"));
    const file = path.join(dir, "guide.md");
    fs.writeFileSync(file, "## A\n```sh\nexport X=42\n```\n## B\n```sh\necho \"x=$X\"\n```\n```sh\nfalse\necho never\n```\n");
    const seen: string[] = [];
    await expect(runDocExamples(file, { cwd: dir, check: (_s, r) => void (r.kind === "shell" && seen.push(r.stdout)) })).rejects.toThrow(/guide\.md:9 \(```sh under "B"\) exited with 1/);
    expect(seen).toEqual(["", "x=42\n"]);
    // GraphQL without HUB/TOKEN exported: the reader would not know where to send it.
    await expect(new DocSession({ cwd: dir }).graphql(fencedBlocks("```graphql\n{ a }\n```\n")[0]!)).rejects.toThrow(/exported HUB and TOKEN/);
  });
});
