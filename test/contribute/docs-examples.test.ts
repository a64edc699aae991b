// docs/contributing.md as a new agency developer meets it: every example, verbatim and in order,
// against a fresh demo hub (`serve --demo`, what `npm start` runs behind its gateway), from a
// directory laid out like the reader's clone (data/demo-tokens.txt written by that hub). Nothing
// is set up besides what the guide shows; the only translation is the port (see doc-examples.ts).
import fs from "node:fs";
import path from "node:path";
import { loadHubKey } from "../../src/auth/hub-key";
import { ROOT, startServe, type ServeProcess } from "../support/cli";
import { readerDir, runDocExamples, type DocStep, type StepResult } from "../support/doc-examples";
import { backends, emptyPostgresUrl } from "../support/hub";

const GUIDE = path.join(ROOT, "docs/contributing.md");

type Result = { status: string; version?: number; errors: unknown[]; warnings?: unknown[] };

/** The per-record results of a contribution answer (a batch, or one record's `result`). */
function contributionResults(data: Record<string, unknown>): Result[] | undefined {
  const root = Object.values(data)[0];
  if (Array.isArray(root) && root.every((r) => r && typeof r === "object" && "status" in r)) return root as Result[];
  if (root && typeof root === "object" && "result" in root) return [(root as { result: Result }).result];
  return undefined;
}

describe.each(backends)("docs/contributing.md examples on %s", (backend) => {
  let dir: string;
  let serve: ServeProcess;
  beforeAll(async () => {
    dir = readerDir(ROOT);
    const env: Record<string, string> = { DATA_DIR: path.join(dir, "data"), PORT: "0", HOST: "127.0.0.1" };
    const args = ["--demo"];
    if (backend === "postgres") {
      // The operator's steps on PostgreSQL (README): a managed key, and a migration at the first start.
      env.DATABASE_URL = await emptyPostgresUrl();
      await loadHubKey(path.join(env.DATA_DIR!, "hub-signing-key.pem"), { create: true });
      args.unshift("--migrate");
    }
    serve = await startServe(args, env, { timeoutMs: 180_000 });
  }, 200_000);
  afterAll(async () => {
    await serve?.stop("SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("runs every example in order, each answered as the guide says", async () => {
    const contributions: { step: DocStep; results: Result[] }[] = [];
    let readBack: Record<string, unknown> | undefined;
    const check = (step: DocStep, r: StepResult) => {
      if (r.kind === "shell") {
        // A curl answers JSON; GraphQL errors in it are a failed example.
        if (r.stdout.trim().startsWith("{")) expect(JSON.parse(r.stdout).errors).toBeUndefined();
        if (r.stdout.includes("organizations")) {
          expect(JSON.parse(r.stdout).data.organizations.edges).toEqual([
            { node: { code: "DINSOS-KALBAR", name: "Dinas Sosial Provinsi Kalimantan Barat", sourceAgency: "GUGUS-TUGAS-KALBAR", externalId: "AGENCY/DINSOS-KALBAR" } },
          ]);
        }
        return;
      }
      const results = contributionResults(r.body.data!);
      if (!results) {
        readBack = r.body.data!;
        return;
      }
      for (const res of results) {
        expect(res).toMatchObject({ status: expect.stringMatching(/^(CREATED|UPDATED)$/), errors: [] });
        if (res.warnings) expect(res.warnings).toEqual([]);
      }
      contributions.push({ step, results });
    };
    const { steps } = await runDocExamples(GUIDE, { cwd: dir, rewrite: [["http://localhost:4000", serve.origin]], check });
    // Every example ran: the shelter, BP3MI's three records, Polda's five, two crossings, the referral twice.
    expect(contributions.map((c) => c.results.length)).toEqual([1, 3, 5, 1, 1, 1, 1]);
    expect(steps.filter((s) => s.kind === "shell").length).toBeGreaterThanOrEqual(6);
    // The referral update shows the version it updates: created at 1, updated to 2.
    expect(contributions.slice(-2).map((c) => [c.results[0]!.status, c.results[0]!.version])).toEqual([["CREATED", 1], ["UPDATED", 2]]);
    // The pieces found each other: one Person, every agency's records on her.
    const people = (readBack as { personsByDocument: Array<Record<string, any>> }).personsByDocument;
    expect(people).toHaveLength(1);
    expect(people[0]!.fullName).toBe("Siti Aminah");
    expect(new Set(people[0]!.statements.map((s: { sourceAgency: string }) => s.sourceAgency))).toEqual(new Set(["BP3MI-KALBAR", "POLDA-KALBAR", "IMIGRASI-ENTIKONG", "DINSOS-KALBAR"]));
    expect(people[0]!.participations).toEqual([{ role: "VICTIM" }]);
    expect(people[0]!.crossings).toEqual([{ sourceAgency: "IMIGRASI-ENTIKONG", direction: "ENTRY", deportation: true }]);
  }, 120_000);
});
