// A spreadsheet as rows of cells, whatever the file type; the readers stream, so memory stays flat.
import path from "node:path";
import type { Cell } from "./values";
import { openCsv } from "./read-csv";
import { openXlsx } from "./read-xlsx";

export interface SheetRow {
  /** Row number as the spreadsheet shows it (1-based). */
  row: number;
  /** cells[0] is column A. */
  cells: Cell[];
}

export interface Sheet {
  rows: AsyncIterable<SheetRow>;
  /** Last row number, known before reading (progress ETA); null when unknown. */
  lastRow: number | null;
  /** The worksheet read (xlsx). */
  sheetName: string | null;
}

export type SpreadsheetKind = "xlsx" | "csv";

export function spreadsheetKind(file: string): SpreadsheetKind | null {
  const ext = path.extname(file).toLowerCase();
  return ext === ".xlsx" ? "xlsx" : ext === ".csv" ? "csv" : null;
}

/** Opens `file` (read as `kind`, by default from its extension). */
export async function openSheet(file: string, sheet: string | number | undefined, kind: SpreadsheetKind): Promise<Sheet> {
  if (kind === "csv") return openCsv(file);
  return openXlsx(file, sheet);
}
