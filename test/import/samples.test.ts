// The three sample spreadsheets of examples/spreadsheets/ imported into a hub with the demo data,
// every way an office can: the CLI on the embedded data directory or database (`--agency`), the
// CLI against a running hub with a token (`--token`), and the hub's upload (`POST /import`). Each
// report is checked line by line against test/import/expected-reports.ts; a dry run first must
// write nothing (the real import after it still creates everything); a second import of the same
// file gives every stored record back UNCHANGED.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { SAMPLE_FILES, SAMPLES_DIR } from "../../examples/spreadsheets/generate";
import { runCli, startServe, tempDir, type Env, type ServeProcess } from "../support/cli";
import { backends, emptyPostgresUrl } from "../support/hub";
import { MESSAGES } from "../../src/import/messages";
import { describeLine, FIRST_IMPORT, reimport, type SampleKey } from "./expected-reports";

const AGENCY: Record<SampleKey, { agency: string; demoToken: string }> = {
  bp3mi: { agency: "BP3MI-KALBAR", demoToken: "bp3mi-officer" },
  dinsos: { agency: "DINSOS-KALBAR", demoToken: "social-worker" },
  ltsa: { agency: "LTSA-ENTIKONG", demoToken: "ltsa-officer" },
};

const REPORT_COLUMNS = ["row", "record", "externalId", "status", "field", "column", "code", "alasan", "reason"];

type Line = Record<(typeof REPORT_COLUMNS)[number], unknown>;

const mappingOf = (file: string) => file.replace(/\.(xlsx|csv)$/, ".mapping.yaml");
const reportOf = (file: string) => file.replace(/\.(xlsx|csv)$/, (_m, ext: string) => `.report.${ext}`);

async function readReport(file: string): Promise<Line[]> {
  let table: unknown[][];
  if (file.endsWith(".csv")) {
    table = parse(fs.readFileSync(file), { bom: true });
  } else {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    table = [];
    wb.worksheets[0]!.eachRow((row) => table.push((row.values as unknown[]).slice(1)));
  }
  expect(table[0]).toEqual(REPORT_COLUMNS);
  return table.slice(1).map((cells) => Object.fromEntries(REPORT_COLUMNS.map((c, i) => [c, cells[i] ?? null])));
}

/** The lines of the last report read, as they came. */
let lastReport: Line[] = [];

/** The lines in the expected form; every rejected line also carries both reasons. */
function described(lines: Line[]): string[] {
  lastReport = lines;
  for (const l of lines) {
    if (l.status === "REJECTED") {
      expect({ line: describeLine(l as never), alasan: typeof l.alasan === "string" && l.alasan.length > 0 }).toEqual({ line: describeLine(l as never), alasan: true });
      expect({ line: describeLine(l as never), reason: typeof l.reason === "string" && l.reason.length > 0 }).toEqual({ line: describeLine(l as never), reason: true });
    }
  }
  return lines.map((l) => describeLine(l as never));
}

describe.each(backends)("sample spreadsheets imported on %s", (backend) => {
  let env: Env;
  let dataDir: string;
  let work: string;
  let serve: ServeProcess | undefined;
  let tokens: Record<string, string>;
  const input = (k: SampleKey) => path.join(work, SAMPLE_FILES[k]);

  async function cli(k: SampleKey, how: "agency" | "token", dryRun: boolean): Promise<string[]> {
    const report = reportOf(input(k));
    fs.rmSync(report, { force: true });
    const who = how === "agency" ? ["--agency", AGENCY[k].agency] : ["--url", serve!.url, "--token", tokens[AGENCY[k].demoToken]!];
    const r = await runCli(["import", ...who, ...(dryRun ? ["--dry-run"] : []), "--mapping", mappingOf(input(k)), input(k)], env, { timeoutMs: 120_000 });
    expect({ code: r.code, signal: r.signal }).toEqual({ code: 0, signal: null });
    // The terminal names the report it wrote.
    expect(r.stdout + r.stderr).toContain(path.basename(report));
    return described(await readReport(report));
  }

  async function upload(k: SampleKey, dryRun: boolean, format?: "csv"): Promise<string[]> {
    const form = new FormData();
    form.append("mapping", new Blob([fs.readFileSync(mappingOf(input(k)))]), path.basename(mappingOf(input(k))));
    form.append("file", new Blob([fs.readFileSync(input(k))]), SAMPLE_FILES[k]);
    if (dryRun) form.append("dryRun", "true");
    const res = await fetch(`${serve!.origin}/import${format ? `?format=${format}` : ""}`, {
      method: "POST",
      headers: { authorization: `Bearer ${tokens[AGENCY[k].demoToken]}` },
      body: form,
    });
    const text = await res.text();
    expect({ status: res.status, body: res.status === 200 ? "" : text }).toEqual({ status: 200, body: "" });
    if (format === "csv") {
      const file = path.join(work, `upload-${k}.report.csv`);
      fs.writeFileSync(file, text);
      return described(await readReport(file));
    }
    const body = JSON.parse(text) as { summary: unknown; rows: Line[] };
    expect(body.summary).toBeDefined();
    return described(body.rows);
  }

  beforeAll(async () => {
    dataDir = tempDir("samples-data");
    work = tempDir("samples-work");
    for (const f of Object.values(SAMPLE_FILES)) {
      fs.copyFileSync(path.join(SAMPLES_DIR, f), path.join(work, f));
      fs.copyFileSync(path.join(SAMPLES_DIR, mappingOf(f)), path.join(work, mappingOf(f)));
    }
    env = { DATA_DIR: dataDir, LOG_LEVEL: "warn", ...(backend === "postgres" ? { DATABASE_URL: await emptyPostgresUrl() } : {}) };
    if (backend === "postgres") {
      // On PostgreSQL the hub never makes its own signing key: the operator gives one.
      const keyFile = path.join(dataDir, "hub-signing-key.pem");
      fs.writeFileSync(keyFile, crypto.generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
      env.HUB_SIGNING_KEY_FILE = keyFile;
      expect((await runCli(["migrate"], env, { timeoutMs: 120_000 })).code).toBe(0);
    }
    const seeded = await runCli(["seed", "--demo"], env, { timeoutMs: 120_000 });
    expect({ code: seeded.code, stderr: seeded.stderr }).toEqual({ code: 0, stderr: "" });
  }, 240_000);

  afterAll(async () => {
    await serve?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(work, { recursive: true, force: true });
  });

  it("BP3MI's list through the CLI with --agency: the dry run writes nothing, the import creates what the report says", async () => {
    expect(await cli("bp3mi", "agency", true)).toEqual(FIRST_IMPORT.bp3mi);
    expect(await cli("bp3mi", "agency", false)).toEqual(FIRST_IMPORT.bp3mi);
    // The officer reads the hub's reason in Bahasa Indonesia, the import's own too.
    expect(lastReport.find((l) => l.code === "NIK_REGION")).toMatchObject({ row: 13, alasan: MESSAGES.NIK_REGION.id });
    expect(lastReport.find((l) => l.code === "INVALID_DATE")).toMatchObject({ row: 10, alasan: expect.stringContaining("31/02/1990") });
  }, 240_000);

  it("BP3MI's list uploaded again to the running hub: every stored record UNCHANGED", async () => {
    serve = await startServe(["--demo"], env, { timeoutMs: 120_000 });
    const file = fs.readFileSync(path.join(dataDir, "demo-tokens.txt"), "utf8");
    tokens = Object.fromEntries(file.split("\n").filter((l) => l && !l.startsWith("#")).map((l) => l.trim().split(/\s+/) as [string, string]));
    expect(await upload("bp3mi", false)).toEqual(reimport(FIRST_IMPORT.bp3mi));
  }, 240_000);

  it("Dinas Sosial's register: upload dry run, CLI --token import, upload again UNCHANGED", async () => {
    expect(await upload("dinsos", true)).toEqual(FIRST_IMPORT.dinsos);
    expect(await cli("dinsos", "token", false)).toEqual(FIRST_IMPORT.dinsos);
    expect(await upload("dinsos", false)).toEqual(reimport(FIRST_IMPORT.dinsos));
  }, 240_000);

  it("LTSA's CSV log: CLI --token dry run, upload with a CSV report, upload again UNCHANGED", async () => {
    expect(await cli("ltsa", "token", true)).toEqual(FIRST_IMPORT.ltsa);
    expect(await upload("ltsa", false, "csv")).toEqual(FIRST_IMPORT.ltsa);
    expect(await upload("ltsa", false)).toEqual(reimport(FIRST_IMPORT.ltsa));
  }, 240_000);
});
