// Where the reference regions come from: the CSV files of the npm package idn-area-data (data
// under ODbL, docs/reference-data.md) or a directory of CSVs in the same layout (a newer release).
// Reading checks every row (code shape, level, parent) and names the file and line of a bad one.
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";

export type RegionLevel = "PROVINCE" | "REGENCY" | "DISTRICT" | "VILLAGE";
export type RegionRow = { code: string; name: string; level: RegionLevel; parentCode: string | null };

/** A dataset release: its name and version go into the sync ledger and `Region.codeVersion`. */
export interface RegionSource {
  dataset: string;
  version: string;
  /** Directory holding provinces.csv, regencies.csv, districts.csv and villages.csv. */
  dir: string;
}

export const BUNDLED_DATASET = "idn-area-data";

/** One file per level, parents first, with the column naming the parent. */
const FILES: ReadonlyArray<{ file: string; level: RegionLevel; parentColumn: string | null; segments: RegExp }> = [
  { file: "provinces.csv", level: "PROVINCE", parentColumn: null, segments: /^\d{2}$/ },
  { file: "regencies.csv", level: "REGENCY", parentColumn: "province_code", segments: /^\d{2}\.\d{2}$/ },
  { file: "districts.csv", level: "DISTRICT", parentColumn: "regency_code", segments: /^\d{2}\.\d{2}\.\d{2}$/ },
  { file: "villages.csv", level: "VILLAGE", parentColumn: "district_code", segments: /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/ },
];

export class RegionSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RegionSourceError";
  }
}

/** The idn-area-data release installed in node_modules (package.json's version). */
export function bundledSource(): RegionSource {
  // The package's "exports" hides package.json, so find it from the resolved entry point.
  let dir = path.dirname(require.resolve(BUNDLED_DATASET));
  while (!fs.existsSync(path.join(dir, "package.json"))) {
    const up = path.dirname(dir);
    if (up === dir) throw new RegionSourceError(`cannot find ${BUNDLED_DATASET}'s package.json`);
    dir = up;
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { name: string; version: string };
  return { dataset: pkg.name, version: pkg.version, dir: path.join(dir, "data") };
}

/** `Region.codeVersion` of rows from this source, e.g. idn-area-data@4.0.1. */
export function codeVersionOf(source: Pick<RegionSource, "dataset" | "version">): string {
  return `${source.dataset}@${source.version}`;
}

/**
 * Every region of the source, parents before children; with `prefixes` (e.g. ["61.", "63."]), only
 * those codes (lines are picked before parsing, so a few provinces read in milliseconds).
 * Throws RegionSourceError naming file and line.
 */
export function readRegionSource(source: Pick<RegionSource, "dir">, prefixes?: readonly string[]): RegionRow[] {
  const rows: RegionRow[] = [];
  const seen = new Set<string>();
  for (const { file, level, parentColumn, segments } of FILES) {
    const where = path.join(source.dir, file);
    if (!fs.existsSync(where)) throw new RegionSourceError(`${where}: missing (a region source needs ${FILES.map((f) => f.file).join(", ")})`);
    let text = fs.readFileSync(where, "utf8").replace(/^\uFEFF/, "");
    let lineOf = (i: number) => String(i + 2); // header on line 1, one record per line
    if (prefixes) {
      const lines = text.split(/\r?\n/);
      const kept = lines.flatMap((line, i) => (i === 0 || prefixes.some((p) => line.startsWith(p) || `${line.split(",", 1)[0]}.` === p) ? [i] : []));
      text = kept.map((i) => lines[i]).join("\n");
      lineOf = (i) => String(kept[i + 1]! + 1);
    }
    // Arrays, not objects per record, and no per-record info: twice as fast on 84,000 villages.
    const [header, ...records] = parse(text, { skip_empty_lines: true, trim: true }) as string[][];
    const col = (name: string) => {
      const i = header?.indexOf(name) ?? -1;
      if (i < 0) throw new RegionSourceError(`${where}: no column "${name}" in the header (${header?.join(",")})`);
      return i;
    };
    const [codeAt, nameAt, parentAt] = [col("code"), col("name"), parentColumn ? col(parentColumn) : -1];
    records.forEach((record, i) => {
      const at = `${where}:${lineOf(i)}`;
      const code = record[codeAt] ?? "";
      const name = record[nameAt] ?? "";
      if (!segments.test(code)) throw new RegionSourceError(`${at}: code "${code}" is not a ${level.toLowerCase()} kode wilayah (${segments.source})`);
      if (!name) throw new RegionSourceError(`${at}: region ${code} has no name`);
      if (seen.has(code)) throw new RegionSourceError(`${at}: code ${code} appears twice`);
      const parentCode = parentColumn ? (record[parentAt] ?? "") : null;
      if (parentColumn && parentCode !== code.slice(0, code.lastIndexOf("."))) {
        throw new RegionSourceError(`${at}: ${parentColumn} "${parentCode}" does not match code ${code}`);
      }
      if (parentCode !== null && !seen.has(parentCode)) throw new RegionSourceError(`${at}: region ${code}: parent ${parentCode} is not in the source`);
      seen.add(code);
      rows.push({ code, name, level, parentCode });
    });
  }
  return rows;
}
