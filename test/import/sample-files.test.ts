// The committed sample spreadsheets (examples/spreadsheets/) are what generate.ts makes, and their
// identity numbers are valid the way the hub checks them, except where a row is meant to be bad.
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { nikFlags, parseNik } from "../../src/domain/nik";
import { loadMapping } from "../../src/import/mapping";
import { BP3MI_RETURNEES, buildSamples, DINSOS_CLIENTS, SAMPLE_FILES, SAMPLES_DIR } from "../../examples/spreadsheets/generate";

/** What an xlsx says, cell by cell: values, number formats and merged ranges of every sheet. */
async function describeWorkbook(bytes: Buffer): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const cells: string[] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => cells.push(`${r}:${c} ${JSON.stringify(cell.value)} ${cell.numFmt ?? ""}`)),
    );
    return { name: ws.name, merges: [...((ws.model as { merges?: string[] }).merges ?? [])].sort(), cells };
  });
}

function csvRows(file: string): string[][] {
  return parse(fs.readFileSync(path.join(SAMPLES_DIR, file)), { delimiter: ";", bom: true, relax_column_count: true });
}

function codes(file: string): Set<string> {
  const csv = fs.readFileSync(path.join(__dirname, "../../node_modules/idn-area-data/data", file), "utf8");
  return new Set(csv.split("\n").slice(1).map((l) => l.split(",")[0]!).filter(Boolean));
}

describe("sample spreadsheets", () => {
  // When this fails: run `npx tsx examples/spreadsheets/generate.ts` and commit the files.
  it("are what examples/spreadsheets/generate.ts makes", async () => {
    for (const { file, bytes } of await buildSamples()) {
      const committed = fs.readFileSync(path.join(SAMPLES_DIR, file));
      if (file.endsWith(".csv")) expect({ file, text: committed.toString("utf8") }).toEqual({ file, text: bytes.toString("utf8") });
      // xlsx zips carry write times, so compare what the workbooks hold.
      else expect({ file, workbook: await describeWorkbook(committed) }).toEqual({ file, workbook: await describeWorkbook(bytes) });
    }
  }, 60_000);

  it("each have a mapping file the import's schema accepts", () => {
    for (const file of Object.values(SAMPLE_FILES)) {
      const mapping = loadMapping(path.join(SAMPLES_DIR, file.replace(/\.(xlsx|csv)$/, ".mapping.yaml")));
      expect(mapping.records.length).toBeGreaterThan(0);
    }
  });

  it("carry NIKs the hub accepts, of a real kecamatan, matching sex and birth date, except the rows meant to be bad", () => {
    const districts = codes("districts.csv");
    const regencies = codes("regencies.csv");
    const people = [
      ...BP3MI_RETURNEES.map((r) => ({ id: r.reg, nik: r.nik, sex: r.sex, birth: r.birth })),
      ...DINSOS_CLIENTS.map((c) => ({ id: c.reg, nik: c.nik, sex: c.sex, birth: c.birth })),
    ];
    const badRegion: string[] = [];
    for (const p of people) {
      if (!p.nik) continue;
      const parsed = parseNik(p.nik);
      expect({ id: p.id, ok: parsed.ok }).toEqual({ id: p.id, ok: true });
      if (!parsed.ok) continue;
      if (!regencies.has(parsed.parts.regency)) {
        badRegion.push(p.id);
        continue;
      }
      expect({ id: p.id, district: districts.has(parsed.parts.district) }).toEqual({ id: p.id, district: true });
      const sex = /^(P|Pr|Perempuan)$/.test(p.sex) ? "Feminine" : "Masculine";
      const birthDate = p.birth && "date" in p.birth ? new Date(`${p.birth.date}T00:00:00Z`) : null;
      expect({ id: p.id, flags: nikFlags(parsed.parts, { sex, birthDate }) }).toEqual({ id: p.id, flags: [] });
    }
    // The two rows written with a kabupaten that does not exist (6113..., 6399...).
    expect(badRegion).toEqual(["PURNA/2025/07/004", "RPTC/2025/036"]);
  });

  it("LTSA's log is a `;`-separated Excel CSV export with a title row above the header", () => {
    const raw = fs.readFileSync(path.join(SAMPLES_DIR, SAMPLE_FILES.ltsa));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csvRows(SAMPLE_FILES.ltsa);
    expect(rows[0]![0]).toMatch(/^LOG PERINGATAN DINI LTSA ENTIKONG/);
    expect(rows[2]).toEqual(["No", "No. Laporan", "Tanggal", "Jam", "Sumber Informasi", "Kecamatan", "Uraian Kejadian", "Nama/Alias Calo", "Tindak Lanjut"]);
    expect(rows.slice(3).map((r) => r.length)).toEqual(Array(9).fill(9));
  });
});
