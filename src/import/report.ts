// The import report: one line per record of a row (and per error of a rejected record), written
// as the results come (CSV quoted as RFC 4180 says, XLSX through exceljs's
// streaming WorkbookWriter), next to the input unless another path is given.
import fs from "node:fs";
import path from "node:path";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { REPORT_COLUMNS, type ReportLine } from "./run";

export interface ReportWriter {
  file: string;
  write(line: ReportLine): Promise<void>;
  close(): Promise<void>;
}

/** `<name>.report.csv` for a .csv input, `<name>.report.xlsx` for .xlsx. */
export function defaultReportPath(input: string): string {
  const ext = path.extname(input).toLowerCase();
  return path.join(path.dirname(input), `${path.basename(input, path.extname(input))}.report${ext === ".csv" ? ".csv" : ".xlsx"}`);
}

const csvField = (v: unknown) => {
  const s = v === null || v === undefined ? "" : String(v);
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const csvLine = (values: readonly unknown[]) => values.map(csvField).join(",") + "\r\n";

export const lineValues = (l: ReportLine) => REPORT_COLUMNS.map((c) => l[c] ?? null);

function csvWriter(file: string): ReportWriter {
  const out = fs.createWriteStream(file);
  // A BOM, so Excel opens the Indonesian text as UTF-8.
  out.write("\uFEFF" + csvLine(REPORT_COLUMNS));
  return {
    file,
    async write(line) {
      if (!out.write(csvLine(lineValues(line)))) await new Promise<void>((r) => out.once("drain", () => r()));
    },
    close: () => new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve()))),
  };
}

/** An XLSX writer onto any stream (a file, an HTTP answer). */
export function xlsxWriter(stream: Writable, file = ""): ReportWriter {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  const sheet = book.addWorksheet("Laporan impor");
  sheet.columns = REPORT_COLUMNS.map((c) => ({ header: c, key: c, width: c === "alasan" || c === "reason" ? 60 : c === "externalId" ? 28 : 14 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  return {
    file,
    async write(line) {
      sheet.addRow(lineValues(line)).commit();
    },
    async close() {
      sheet.commit();
      await book.commit();
    },
  };
}

export function reportWriter(file: string): ReportWriter {
  return path.extname(file).toLowerCase() === ".csv" ? csvWriter(file) : xlsxWriter(fs.createWriteStream(file), file);
}
