// `tppo-hub import` as an operator runs it (the built CLI in a child process): into the configured
// database as an agency (embedded PGlite, and PostgreSQL), and through a real hub over HTTP with a
// real token; report next to the input; one-line errors.
import fs from "node:fs";
import path from "node:path";
import { runCli } from "../support/cli";
import { backends, emptyPostgresUrl, startTestHub, type TestHub } from "../support/hub";
import { MAPPING_YAML, tmpDir } from "./fixtures";

// A Dinas-style CSV export: ; separated, a BOM, a title row, no P3MI region column (a fresh
// database holds no kode wilayah yet).
const CSV = (tag: string) =>
  "\uFEFFDAFTAR PMI PURNA;;;;;;;\r\n;;;;;;;\r\n" +
  "No.;Nama PMI;L/P;Tgl Lahir;No. Paspor;Negara Tujuan;Prosedural;Nama P3MI\r\n" +
  `1;Siti Aminah;P;12/05/1995;${tag}200001;Malaysia;Ya;PT Maju Jaya\r\n` +
  `2;Budi Santoso;L;12 Juli 1990;${tag}200002;Malay;Tidak;\r\n` +
  `3;Rina;X;31/02/1990;${tag}200003;Brunei;Ya;\r\n`;
const MAPPING = MAPPING_YAML.replace(/\n      regionCode: \{ column: "Wilayah P3MI" \}/, "");

const summaryLine = (stdout: string) => stdout.split("\n")[0];
/** stderr without the plain progress lines a slow run prints every 5 s. */
const withoutProgress = (stderr: string) => stderr.replace(/^import: \d+\/\d+ rows, .*\n/gm, "");

describe("tppo-hub import", () => {
  const dir = tmpDir();
  const mappingFile = path.join(dir, "pmi.yaml");
  beforeAll(() => fs.writeFileSync(mappingFile, MAPPING));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe.each(backends)("--agency into the configured database (%s)", (backend) => {
    it("imports as the agency, writes the report next to the input, and a re-import is UNCHANGED", async () => {
      const sheet = path.join(dir, `pmi-${backend}.csv`);
      fs.writeFileSync(sheet, CSV("A"));
      const env: Record<string, string> = { LOG_LEVEL: "silent", DATA_DIR: path.join(dir, `data-${backend}`) };
      if (backend === "postgres") {
        env.DATABASE_URL = await emptyPostgresUrl();
        expect((await runCli(["migrate"], env)).code).toBe(0);
      }
      const args = ["import", "--mapping", mappingFile, sheet, "--agency", "BP3MI-KALBAR"];
      const first = await runCli(args, env, { timeoutMs: 120_000 });
      expect(withoutProgress(first.stderr)).toBe("");
      expect(summaryLine(first.stdout)).toMatch(/^3 rows, 7 records: 5 CREATED, 0 UPDATED, 0 UNCHANGED, 2 REJECTED \(1 rows rejected\)/);
      const report = path.join(dir, `pmi-${backend}.report.csv`);
      expect(first.stdout).toContain(`Report: ${path.relative(path.resolve(__dirname, "../.."), report)}`);
      const lines = fs.readFileSync(report, "utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
      expect(lines[0]).toBe("row,record,externalId,status,field,column,code,alasan,reason");
      expect(lines.slice(1).map((l) => l.split(",").slice(0, 4).join(","))).toEqual([
        "4,person,PMI-A200001,CREATED",
        "4,organization,P3MI-PT Maju Jaya,CREATED",
        "4,migrantPlacement,PLC-A200001,CREATED",
        "5,person,PMI-A200002,CREATED",
        "5,migrantPlacement,PLC-A200002,CREATED",
        "6,person,PMI-A200003,REJECTED",
        "6,person,PMI-A200003,REJECTED",
        "6,migrantPlacement,PLC-A200003,REJECTED",
      ]);
      const again = await runCli(args, env, { timeoutMs: 120_000 });
      expect(summaryLine(again.stdout)).toMatch(/^3 rows, 7 records: 0 CREATED, 0 UPDATED, 5 UNCHANGED, 2 REJECTED/);
    }, 240_000);
  });

  describe("--token through a hub", () => {
    let hub: TestHub;
    beforeAll(async () => {
      hub = await startTestHub("pglite");
    });
    afterAll(() => hub.stop());

    it("sends whole rows in batches to the hub's contribute mutation; --dry-run writes nothing; --report names the report file", async () => {
      const sheet = path.join(dir, "pmi-token.csv");
      fs.writeFileSync(sheet, CSV("T"));
      const token = await hub.token({ agency: "BP3MI-KALBAR", roles: ["bp3mi-officer"], purpose: "placement-protection" });
      const report = path.join(dir, "laporan.xlsx");
      // Batches of 3 records: whole rows only (row 4 alone, then rows 5 and 6).
      const args = ["import", "--mapping", mappingFile, sheet, "--url", hub.url, "--batch-size", "3", "--report", report];
      const dry = await runCli([...args, "--dry-run"], { LOG_LEVEL: "silent", TPPO_TOKEN: token });
      expect(summaryLine(dry.stdout)).toMatch(/^Dry run, nothing written: 3 rows, 7 records: 5 CREATED, 0 UPDATED, 0 UNCHANGED, 2 REJECTED \(1 rows rejected\)/);
      expect(await hub.db.prisma.personStatement.count()).toBe(0);
      const r = await runCli(args, { LOG_LEVEL: "silent", TPPO_TOKEN: token });
      expect(withoutProgress(r.stderr)).toBe("");
      expect(summaryLine(r.stdout)).toMatch(/^3 rows, 7 records: 5 CREATED, 0 UPDATED, 0 UNCHANGED, 2 REJECTED/);
      expect(fs.existsSync(report)).toBe(true);
      expect(await hub.db.prisma.migrantPlacement.count({ where: { sourceAgency: "BP3MI-KALBAR" } })).toBe(2);
    });

    it("stops with one line for a bad token, a bad mapping, a missing file, or no way in", async () => {
      const sheet = path.join(dir, "pmi-err.csv");
      fs.writeFileSync(sheet, CSV("E"));
      const badMapping = path.join(dir, "bad.yaml");
      fs.writeFileSync(badMapping, MAPPING.replace("map: sex", "map: gender"));
      const cases: Array<[string[], Record<string, string>, RegExp]> = [
        [["--mapping", mappingFile, sheet, "--url", hub.url, "--token", "not-a-jwt"], {}, /^tppo-hub: the hub refused the token \(HTTP 401 UNAUTHENTICATED\): .+\n$/],
        [["--mapping", badMapping, sheet, "--url", hub.url, "--token", "x"], {}, /^tppo-hub: .*bad\.yaml: records\[0\]\.fields\.sex\.map: unknown value map "gender" \(known: sex, country\)\n$/],
        [["--mapping", mappingFile, path.join(dir, "nope.xlsx"), "--token", "x"], {}, /^tppo-hub: spreadsheet not found: .*nope\.xlsx\n$/],
        [["--mapping", path.join(dir, "nope.yaml"), sheet, "--token", "x"], {}, /^tppo-hub: .*nope\.yaml: cannot read the mapping file \(ENOENT\)\n$/],
        [["--mapping", mappingFile, sheet], {}, /^tppo-hub: give --token <jwt> \(or TPPO_TOKEN\) to import through a hub's API, or --agency <CODE> to import into the configured database\n$/],
        [["--mapping", mappingFile, sheet, "--url", "http://127.0.0.1:2/graphql", "--token", "x"], {}, /^tppo-hub: cannot reach the hub at http:\/\/127\.0\.0\.1:2\/graphql: ECONNREFUSED\n$/],
      ];
      for (const [args, env, stderr] of cases) {
        const r = await runCli(["import", ...args], { LOG_LEVEL: "silent", ...env });
        expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 1, stderr: expect.stringMatching(stderr) });
      }
      expect(await hub.db.prisma.personStatement.count({ where: { externalId: { startsWith: "PMI-E" } } })).toBe(0);
    });
  });
});
