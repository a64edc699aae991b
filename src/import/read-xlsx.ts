// .xlsx sheets through exceljs's streaming WorkbookReader (rows are never all in memory), with
// real date cells (styles read) and merged cells: every cell of a merged range reads as the
// range's top-left value. The streaming reader skips <mergeCells>, which the sheet XML holds
// after its rows, so a first pass over the sheet's zip entry collects them (and the last row
// number, for the progress ETA) before the rows are read.
import ExcelJS from "exceljs";
import type { SheetRow, Sheet } from "./sheet";
import type { Cell } from "./values";
import { MappingError } from "./mapping";

// exceljs's own zip reader (a dependency of exceljs): random access to one entry of the file.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const unzipper = require("unzipper") as {
  Open: { file(path: string): Promise<{ files: Array<{ path: string; stream(): NodeJS.ReadableStream; buffer(): Promise<Buffer> }> }> };
};

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function decodeRange(ref: string): Range | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return null;
  const [a, b] = [columnNumber(m[1]!), columnNumber(m[3]!)];
  const [r1, r2] = [Number(m[2]), Number(m[4])];
  return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(a, b), right: Math.max(a, b) };
}

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

interface Prescan {
  sheetName: string;
  merges: Range[];
  lastRow: number;
}

/** Finds the sheet (by name or 1-based index, default the first) and reads its merged ranges. */
async function prescan(file: string, sheet: string | number | undefined): Promise<Prescan> {
  const zip = await unzipper.Open.file(file);
  const entry = (p: string) => zip.files.find((f) => f.path === p);
  const workbook = entry("xl/workbook.xml");
  const rels = entry("xl/_rels/workbook.xml.rels");
  if (!workbook || !rels) throw new MappingError(["the file is not an .xlsx workbook (no xl/workbook.xml)"]);
  const sheets = [...(await workbook.buffer()).toString("utf8").matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => ({
    name: attr(m[0], "name")!.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'"),
    rid: attr(m[0], "r:id"),
  }));
  const targets = new Map([...(await rels.buffer()).toString("utf8").matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => [attr(m[0], "Id"), attr(m[0], "Target")]));
  const wanted = sheet === undefined ? sheets[0] : typeof sheet === "number" ? sheets[sheet - 1] : sheets.find((s) => s.name.trim().toLowerCase() === sheet.trim().toLowerCase());
  if (!wanted) {
    throw new MappingError([`sheet: ${typeof sheet === "number" ? `no sheet number ${sheet}` : `no sheet "${sheet}"`} in the workbook (sheets: ${sheets.map((s) => `"${s.name}"`).join(", ")})`]);
  }
  const target = (targets.get(wanted.rid) ?? "").replace(/^\/?(xl\/)?/, "xl/");
  const sheetEntry = entry(target);
  const merges: Range[] = [];
  let lastRow = 0;
  if (sheetEntry) {
    let tail = "";
    for await (const chunk of sheetEntry.stream() as AsyncIterable<Buffer>) {
      const text = tail + chunk.toString("latin1");
      // Tags cut at the chunk's end are matched in the next round.
      const cut = text.lastIndexOf("<");
      const scan = text.slice(0, cut);
      tail = text.slice(cut);
      for (const m of scan.matchAll(/<(?:\w+:)?row\b[^>]*?\sr="(\d+)"/g)) lastRow = Math.max(lastRow, Number(m[1]));
      for (const m of scan.matchAll(/<(?:\w+:)?mergeCell\b[^>]*?\sref="([A-Z]+\d+:[A-Z]+\d+)"/g)) {
        const r = decodeRange(m[1]!);
        if (r) merges.push(r);
      }
    }
  }
  merges.sort((a, b) => a.top - b.top);
  return { sheetName: wanted.name, merges, lastRow };
}

/** An exceljs cell value as a plain Cell. */
function plain(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v instanceof Date) return v;
  const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string; formula?: string; sharedFormula?: string };
  if (o.richText) return o.richText.map((r) => r.text).join("");
  if ("result" in o || o.formula !== undefined || o.sharedFormula !== undefined) return plain(o.result);
  if (o.text !== undefined) return plain(o.text);
  return null; // #N/A and other error values read as blank
}

export async function openXlsx(file: string, sheet: string | number | undefined): Promise<Sheet> {
  const pre = await prescan(file, sheet);
  async function* rows(): AsyncGenerator<SheetRow> {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: "emit", sharedStrings: "cache", hyperlinks: "ignore", styles: "cache", entries: "ignore" });
    let pending = 0; // merges[pending..] start below the rows read so far
    let active: Array<Range & { value: Cell }> = [];
    for await (const ws of reader) {
      const worksheet = ws as unknown as AsyncIterable<{ number: number; values: unknown[] }> & { name?: string };
      const wanted = worksheet.name === pre.sheetName;
      for await (const row of worksheet) {
        if (!wanted) continue;
        const cells: Cell[] = [];
        const values = row.values;
        for (let c = 1; c < values.length; c++) cells[c - 1] = plain(values[c]);
        for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
        // Ranges starting in this row (or in rows absent from the file) take their top-left value.
        while (pending < pre.merges.length && pre.merges[pending]!.top <= row.number) {
          const m = pre.merges[pending++]!;
          active.push({ ...m, value: m.top === row.number ? (cells[m.left - 1] ?? null) : null });
        }
        active = active.filter((m) => m.bottom >= row.number);
        // A row holding nothing but the continuation of ranges merged above it is a blank row.
        if (cells.every((c) => c === null || (typeof c === "string" && c.trim() === ""))) continue;
        for (const m of active) for (let c = m.left; c <= m.right; c++) cells[c - 1] = m.value;
        yield { row: row.number, cells };
      }
    }
  }
  return { rows: rows(), lastRow: pre.lastRow || null, sheetName: pre.sheetName };
}
