// Spreadsheets written the way BP3MI offices write them (a title row, merged cells, real date
// cells, Excel serial numbers, text dates), built with exceljs in the test, and their mapping.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { ReportLine } from "../../src/import/run";

export const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "tppo-import-test-"));

export const HEADERS = ["No.", "Nama PMI", "L/P", "Tgl Lahir", "No. Paspor", "Negara Tujuan", "Prosedural", "Nama P3MI", "Wilayah P3MI"];

export type Row = Array<string | number | Date | null>;

/** A BP3MI returnee list: rows 1-2 title, row 3 headers, data from row 4. `tag` (one or two letters) keeps passports and externalIds unique per test. */
export function pmiRows(tag: string): Row[] {
  return [
    [1, "Siti Aminah", "P", new Date(Date.UTC(1995, 4, 12)), `${tag}100001`, "Malaysia", "Ya", `PT Maju Jaya ${tag}`, "61.71"],
    // H5 is merged with H4 (the same P3MI): empty here, read as H4's value.
    [2, "Budi Santoso", "L", "12 Juli 1990", `${tag}100002`, "Malay", "Tidak", null, null],
    // Row 6: a sex not in the map and an impossible date: rejected whole.
    [3, "Rina", "X", "31/02/1990", `${tag}100003`, "Brunei", "Ya", `PT Lain ${tag}`, "61.71"],
    // Row 7: an Excel serial number (33000 = 1990-05-07), no P3MI.
    [4, "Dewi Lestari", "Perempuan", 33000, `${tag}100004`, "Brunei Darussalam", "T", null, null],
    // Row 8: a P3MI in a region the hub does not know: the hub rejects it, the placement depends on it.
    [5, "Yohanes", "L", "1988-01-02", `${tag}100005`, "MY", "Ya", `PT Salah Wilayah ${tag}`, "99.99"],
  ];
}

export async function writeXlsx(file: string, rows: Row[], opts: { sheet?: string; merges?: string[]; extraSheetFirst?: boolean } = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  if (opts.extraSheetFirst) wb.addWorksheet("Petunjuk").addRow(["Isi data mulai baris 4"]);
  const ws = wb.addWorksheet(opts.sheet ?? "Daftar PMI");
  ws.addRow(["DAFTAR PMI PURNA BP3MI KALIMANTAN BARAT 2025"]);
  ws.mergeCells("A1:I1");
  ws.addRow(["Per 30 Juni 2025"]);
  ws.addRow(HEADERS);
  for (const r of rows) {
    const row = ws.addRow(r);
    r.forEach((v, i) => {
      if (v instanceof Date) row.getCell(i + 1).numFmt = "dd/mm/yyyy";
    });
  }
  for (const m of opts.merges ?? ["H4:H5", "I4:I5"]) ws.mergeCells(m);
  await wb.xlsx.writeFile(file);
  return file;
}

export const MAPPING_YAML = `
version: 1
name: "BP3MI Kalbar: daftar PMI purna (test)"
sourceSystem: SIMPEL-XLS
sheet: Daftar PMI
headerRow: 3
dateFormats: ["dd/MM/yyyy", "d MMMM yyyy", "yyyy-MM-dd", "excel"]
valueMaps:
  sex: { P: Feminine, Perempuan: Feminine, L: Masculine, "Laki-laki": Masculine }
  country: { Malaysia: MY, MY: MY, Malay: MY, "Brunei Darussalam": BN, Brunei: BN }
records:
  - type: person
    as: pmi
    externalId: { template: "PMI-{No. Paspor}" }
    fields:
      fullName: { column: "Nama PMI" }
      sex: { column: "L/P", map: sex }
      birthDate: { column: "Tgl Lahir", type: date }
      "documents[0].type": { value: PASSPORT }
      "documents[0].number": { column: "No. Paspor" }
      nationality: { value: [ID] }
  - type: organization
    as: p3mi
    when: { column: "Nama P3MI", present: true }
    externalId: { template: "P3MI-{Nama P3MI}" }
    fields:
      name: { column: "Nama P3MI" }
      kind: { value: P3MI }
      regionCode: { column: "Wilayah P3MI" }
  - type: migrantPlacement
    externalId: { template: "PLC-{No. Paspor}" }
    fields:
      worker: { ref: pmi }
      p3mi: { ref: p3mi }
      destinationCountry: { column: "Negara Tujuan", map: country, required: true }
      procedural: { column: "Prosedural", type: boolean }
`;

/** What a run of pmiRows(tag) reports, row by row: [row, record, status, field, column, code]. */
export const expected = (first: "CREATED" | "UNCHANGED") => {
  const s = first;
  return [
    [4, "person", s, null, null, null],
    [4, "organization", s, null, null, null],
    [4, "migrantPlacement", s, null, null, null],
    [5, "person", s, null, null, null],
    // The same P3MI (merged cell): the second record of the run finds the first.
    [5, "organization", "UNCHANGED", null, null, null],
    [5, "migrantPlacement", s, null, null, null],
    [6, "person", "REJECTED", "sex", "L/P", "VALUE_NOT_MAPPED"],
    [6, "person", "REJECTED", "birthDate", "Tgl Lahir", "INVALID_DATE"],
    [6, "organization", "REJECTED", null, null, "ROW_REJECTED"],
    [6, "migrantPlacement", "REJECTED", null, null, "ROW_REJECTED"],
    [7, "person", s, null, null, null],
    [7, "migrantPlacement", s, null, null, null],
    [8, "person", s, null, null, null],
    [8, "organization", "REJECTED", "regionCode", "Wilayah P3MI", "UNKNOWN_REGION"],
    [8, "migrantPlacement", "REJECTED", null, null, "DEPENDS_ON_REJECTED"],
  ];
};

export const shape = (lines: Array<Pick<ReportLine, "row" | "record" | "status" | "field" | "column" | "code">>) => lines.map((l) => [l.row, l.record, l.status, l.field, l.column, l.code]);

