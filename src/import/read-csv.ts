// .csv sheets through csv-parse's stream: delimiter , or ; (Indonesian Excel exports use ;),
// a UTF-8 BOM dropped, ragged rows allowed. Rows are numbered as a spreadsheet shows them.
import fs from "node:fs";
import { parse } from "csv-parse";
import type { Sheet, SheetRow } from "./sheet";

/** The delimiter used more often in the file's first 16 KiB (title rows have few of either). */
async function sniffDelimiter(file: string): Promise<string> {
  const fd = await fs.promises.open(file, "r");
  try {
    const buf = Buffer.alloc(16 * 1024);
    const { bytesRead } = await fd.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead).toString("utf8");
    const count = (ch: string) => head.split(ch).length - 1;
    return count(";") > count(",") ? ";" : ",";
  } finally {
    await fd.close();
  }
}

/** Lines in the file, for the progress bar's ETA (quoted line breaks make it an upper bound). */
async function countLines(file: string): Promise<number> {
  let n = 0;
  let last = 10;
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
    last = chunk[chunk.length - 1] ?? last;
  }
  return last === 10 ? n : n + 1;
}

export async function openCsv(file: string): Promise<Sheet> {
  const delimiter = await sniffDelimiter(file);
  const lastRow = await countLines(file);
  async function* rows(): AsyncGenerator<SheetRow> {
    const parser = fs.createReadStream(file).pipe(parse({ delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }));
    let row = 0;
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      yield { row, cells: record.map((v) => (v.trim() === "" ? null : v)) };
    }
  }
  return { rows: rows(), lastRow, sheetName: null };
}
