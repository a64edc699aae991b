// The committed SDL (schema/hub.graphql) is the contract agencies and the gateway build against,
// and the typed test operations (test/generated/graphql.ts) are generated from it. Both are
// committed so a reviewer sees every schema change as a diff; these tests fail when either is
// behind the code.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { printSubgraphSchema } from "@apollo/subgraph";
import { buildSchema } from "../src/graph";

const ROOT = path.resolve(__dirname, "..");
const SDL_FILE = path.join(ROOT, "schema/hub.graphql");
const run = promisify(execFile);

/** The first few differing lines, enough to see what changed without a diff tool. */
function firstDifferences(committed: string, current: string, max = 5): string {
  const a = committed.split("\n");
  const b = current.split("\n");
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length) && out.length < max; i++) {
    if (a[i] !== b[i]) out.push(`  line ${i + 1}:\n    committed: ${a[i] ?? "(end of file)"}\n    code:      ${b[i] ?? "(end of file)"}`);
  }
  return out.join("\n");
}

describe("schema contract", () => {
  const current = printSubgraphSchema(buildSchema()) + "\n";

  it("schema/hub.graphql is the SDL the code builds", () => {
    const committed = fs.existsSync(SDL_FILE) ? fs.readFileSync(SDL_FILE, "utf8") : "";
    if (committed !== current) {
      throw new Error(
        `schema/hub.graphql is out of date with the code. Run \`npm run print-schema\`, review the diff and commit it.\n` +
          firstDifferences(committed, current),
      );
    }
  });

  it("`npm run print-schema` writes exactly the SDL compared above", async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tppo-sdl-")), "hub.graphql");
    try {
      await run(process.execPath, ["bin/tppo-hub.cjs", "print-schema", "--out", out], { cwd: ROOT });
      expect(fs.readFileSync(out, "utf8")).toBe(current);
    } finally {
      fs.rmSync(path.dirname(out), { recursive: true, force: true });
    }
  });

  it("test/generated/graphql.ts matches schema/hub.graphql and test/operations", async () => {
    const bin = path.join(path.dirname(require.resolve("@graphql-codegen/cli/package.json")), "cjs/bin.js");
    // --check generates in memory and exits 1 when a file would change (or an operation is invalid).
    const result = await run(process.execPath, [bin, "--config", "codegen.ts", "--check"], { cwd: ROOT }).then(
      () => undefined,
      (err: { stdout?: string; stderr?: string }) => `${err.stdout ?? ""}${err.stderr ?? ""}`,
    );
    if (result !== undefined) {
      throw new Error(`test/generated/graphql.ts is stale or an operation is invalid. Run \`npm run codegen\` and commit the result.\n${result}`);
    }
  });
});
