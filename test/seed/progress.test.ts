// What `tppo-hub seed` shows while it works: a progress bar at a terminal, progress log records
// (JSON lines) anywhere else.
import fs from "node:fs";
import path from "node:path";
import { parseLogLines, ROOT, runCli, tempDir } from "../support/cli";

const SCALE = 4; // 240 cases: a few seconds on PGlite
const CASES = 60 * SCALE;

describe("tppo-hub seed progress", () => {
  let dir: string;
  beforeAll(() => (dir = tempDir("seed-progress")));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("logs progress records with rows, rows/s and ETA when stdout is not a terminal", async () => {
    const r = await runCli(["seed", "--demo", "--scale", String(SCALE)], { DATA_DIR: path.join(dir, "pipe") }, { timeoutMs: 120_000 });
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    // Log records, and the command's own summary line.
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines.filter((l) => l.startsWith("Seeded demo data: {"))).toHaveLength(1);
    const progress = parseLogLines(lines.filter((l) => !l.startsWith("Seeded demo data: {")).join("\n")).filter((rec) => rec.msg === "demo seed progress");
    expect(progress.at(-1)).toMatchObject({ cases: CASES, of: CASES, rows: expect.any(Number), rowsPerSecond: expect.any(Number), etaSeconds: 0 });
    expect(progress.at(-1)!.rows).toBeGreaterThan(CASES * 40);
    expect(r.stdout).not.toContain("Seeding demo data"); // no bar in a pipe
  }, 150_000);

  it("draws a bar with cases, rows, rows/s and ETA at a terminal", async () => {
    // util-linux `script` runs the command on a pseudo-terminal, as an operator's shell would.
    const command = [process.execPath, path.join(ROOT, "bin/tppo-hub.cjs"), "seed", "--demo", "--scale", String(SCALE)].join(" ");
    const r = await runCli([], { DATA_DIR: path.join(dir, "tty") }, { timeoutMs: 120_000, command: ["script", "--quiet", "--return", "--command", command, "/dev/null"] });
    expect(r.code).toBe(0);
    const frames = r.stdout.split(/\r|\x1b\[1G/).filter((f) => f.startsWith("Seeding demo data"));
    expect(frames.length).toBeGreaterThan(1);
    expect(frames.at(-1)).toMatch(new RegExp(`100% \\| ${CASES}/${CASES} cases \\| [\\d,]+ rows \\| [\\d,]+ rows/s \\| ETA 0s`));
    expect(r.stdout).not.toContain('"demo seed progress"'); // the bar replaces the records
  }, 150_000);
});
