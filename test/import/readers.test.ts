// The readers: xlsx through exceljs's streaming reader (title rows, merged cells as their top-left
// value, real date cells, serial numbers, sheet by name or number), csv through csv-parse (; or ,
// delimiters, a BOM).
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { MappingError } from "../../src/import/mapping";
import { openSheet, type SheetRow } from "../../src/import/sheet";
import { pmiRows, tmpDir, writeXlsx } from "./fixtures";

const all = async (rows: AsyncIterable<SheetRow>) => {
  const out: SheetRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
};

describe("xlsx reader", () => {
  const dir = tmpDir();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("reads rows with their sheet row numbers, merged cells as the range's top-left value, date cells as dates", async () => {
    const file = await writeXlsx(path.join(dir, "pmi.xlsx"), pmiRows("R"));
    const sheet = await openSheet(file, "Daftar PMI", "xlsx");
    expect(sheet.sheetName).toBe("Daftar PMI");
    expect(sheet.lastRow).toBe(8);
    const rows = await all(sheet.rows);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // The title is merged over A1:I1: every cell of the range reads the title.
    expect(rows[0]!.cells.slice(0, 9)).toEqual(Array(9).fill("DAFTAR PMI PURNA BP3MI KALIMANTAN BARAT 2025"));
    expect(rows[2]!.cells[1]).toBe("Nama PMI");
    expect(rows[3]!.cells[3]).toEqual(new Date(Date.UTC(1995, 4, 12)));
    // H4:H5 and I4:I5 merged: row 5 reads row 4's P3MI.
    expect(rows[4]!.cells.slice(7, 9)).toEqual(["PT Maju Jaya R", "61.71"]);
    expect(rows[6]!.cells[3]).toBe(33000);
    expect(rows[6]!.cells[7] ?? null).toBeNull();
  });

  it("finds the sheet by name (any case) or by its 1-based number, and names the sheets when it cannot", async () => {
    const file = await writeXlsx(path.join(dir, "two.xlsx"), pmiRows("S"), { extraSheetFirst: true });
    expect((await openSheet(file, "daftar pmi", "xlsx")).sheetName).toBe("Daftar PMI");
    expect((await openSheet(file, 2, "xlsx")).sheetName).toBe("Daftar PMI");
    expect((await openSheet(file, undefined, "xlsx")).sheetName).toBe("Petunjuk");
    await expect(openSheet(file, "Data", "xlsx")).rejects.toThrow(new MappingError(['sheet: no sheet "Data" in the workbook (sheets: "Petunjuk", "Daftar PMI")']));
  });

  it("reads formulas as their results and rich text as its text", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.addRow(["a", "b"]);
    ws.getCell("A2").value = { formula: "1+1", result: 2 };
    ws.getCell("B2").value = { richText: [{ text: "Siti " }, { font: { bold: true }, text: "Aminah" }] };
    const file = path.join(dir, "f.xlsx");
    await wb.xlsx.writeFile(file);
    const rows = await all((await openSheet(file, undefined, "xlsx")).rows);
    expect(rows[1]!.cells).toEqual([2, "Siti Aminah"]);
  });
});

describe("csv reader", () => {
  const dir = tmpDir();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("reads ; separated files with a BOM (Excel's Indonesian export) and blank cells as null", async () => {
    const file = path.join(dir, "a.csv");
    fs.writeFileSync(file, '\uFEFFDAFTAR PMI\r\n\r\nNo.;Nama PMI;Tgl Lahir\r\n1;"Siti; Aminah";12/05/1995\r\n2;;\r\n');
    const sheet = await openSheet(file, undefined, "csv");
    const rows = await all(sheet.rows);
    expect(rows.map((r) => [r.row, r.cells])).toEqual([
      [1, ["DAFTAR PMI"]],
      [2, [null]],
      [3, ["No.", "Nama PMI", "Tgl Lahir"]],
      [4, ["1", "Siti; Aminah", "12/05/1995"]],
      [5, ["2", null, null]],
    ]);
    expect(sheet.lastRow).toBe(5);
  });

  it("reads , separated files with quoted line breaks", async () => {
    const file = path.join(dir, "b.csv");
    fs.writeFileSync(file, 'No.,"Nama\nPMI"\n1,"Budi, S."\n');
    const rows = await all((await openSheet(file, undefined, "csv")).rows);
    expect(rows.map((r) => r.cells)).toEqual([["No.", "Nama\nPMI"], ["1", "Budi, S."]]);
  });
});
