// Runs docs/import.md verbatim, in order, as a reader at a fresh clone would (docs/id/impor.md has
// the same blocks, checked by the parity test): first without a hub (`--agency` on the embedded
// database the guide's own `seed --demo` makes), then, where the guide says to start the hub
// (`serve --demo`, a no-run block this test stands in for), with a token and over HTTP. The two
// translations are the runner's: the reader's port 4000 becomes the test hub's, and the samples'
// folder its path in this checkout (the reader runs from the clone's root; the test from a fresh
// directory so that `data/` and `impor/` start empty).
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { ROOT, startServe, type ServeProcess } from "../support/cli";
import { readerDir, runDocExamples } from "../support/doc-examples";

const GUIDE = path.join(ROOT, "docs/import.md");
const SAMPLES = "examples/spreadsheets/";

async function xlsxStatuses(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: string[] = [];
  wb.worksheets[0]!.eachRow((row, n) => n > 1 && out.push(`${row.getCell(1).value} ${row.getCell(4).value}`));
  return out;
}

function csvStatuses(file: string): string[] {
  const rows = parse(fs.readFileSync(file), { bom: true }) as string[][];
  return rows.slice(1).map((r) => `${r[0]} ${r[3]}`);
}

describe("docs/import.md, run as written against a fresh demo hub", () => {
  let reader: string;
  let serve: ServeProcess | undefined;

  beforeAll(() => {
    reader = readerDir(ROOT);
  });
  afterAll(async () => {
    await serve?.stop();
    fs.rmSync(reader, { recursive: true, force: true });
  });

  it("every example works, and the reports say what the guide says", async () => {
    const samples: [string, string] = [SAMPLES, path.join(ROOT, SAMPLES)];
    const bp3miReport = path.join(reader, "impor/bp3mi-kalbar-pmi-purna-2025-07.report.xlsx");

    // Without a hub: seed, dry run, import.
    const offline = await runDocExamples(GUIDE, {
      cwd: reader,
      section: "## First try: a dry run without a hub",
      rewrite: [samples],
      timeoutMs: 180_000,
      check: async (step, result, i) => {
        if (result.kind !== "shell" || i === 0) return;
        // The dry run and the import report the same: the dry run wrote nothing.
        expect(await xlsxStatuses(bp3miReport)).toContain("6 CREATED");
        expect(await xlsxStatuses(bp3miReport)).toContain("13 REJECTED");
      },
    });
    expect(offline.steps).toHaveLength(3);

    // "npx tppo-hub serve --demo" in another terminal.
    serve = await startServe(["--demo"], { DATA_DIR: path.join(reader, "data"), PORT: "0" }, { timeoutMs: 120_000 });
    const port: [string, string] = ["http://localhost:4000", serve.origin];

    const ltsaReport = path.join(reader, "impor/ltsa-entikong-peringatan-dini-2025-07.report.csv");
    const online = await runDocExamples(GUIDE, { cwd: reader, section: "## With a running hub: a token", rewrite: [samples, port], timeoutMs: 120_000 });
    expect(online.steps).toHaveLength(2);
    // After the fix, row 7 is created and what was imported before is unchanged.
    const last = csvStatuses(ltsaReport);
    expect(last).toContain("7 CREATED");
    expect(last).toContain("4 UNCHANGED");
    expect(last.filter((l) => l.endsWith("CREATED"))).toEqual(["7 CREATED"]);

    const http = await runDocExamples(GUIDE, { cwd: reader, section: "## Uploading over HTTP", rewrite: [samples, port], timeoutMs: 120_000 });
    const dryRun = JSON.parse((http.results[0] as { stdout: string }).stdout) as { summary: unknown; rows: Array<{ row: number; status: string }> };
    expect(dryRun.rows.find((r) => r.row === 7)?.status).toBe("CREATED");
    expect(await xlsxStatuses(path.join(reader, "impor/dinsos-kalbar-register-rptc-2025.report.xlsx"))).toContain("7 CREATED");
  }, 600_000);
});
