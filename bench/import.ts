// `npm run bench -- --only import`: a 100,000-row BP3MI spreadsheet (.xlsx, title row, merged
// cells, dates) imported in this process through the contribute engine (`tppo-hub import
// --agency`), against the same engine fed the same records directly (the write path) in the
// same run: rows/s and records/s of both, and the process's RSS while the import streams.
// On a throwaway PostgreSQL cluster when its binaries are installed, else on PGlite. Measures;
// asserts nothing about timing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { contributeBatch, MAX_BATCH } from "../src/contribute";
import { contributeOptions } from "../src/contribute/for-request";
import { openDatabase, type Database } from "../src/db/database";
import { applyMigrations } from "../src/db/migrations";
import { createLogger } from "../src/logger";
import { localContext } from "../src/import/local-context";
import { mappingFromText } from "../src/import/mapping";
import { reportWriter } from "../src/import/report";
import { runImport } from "../src/import/run";
import { engineSink } from "../src/import/sink";
import { securedSchema } from "../src/secured-schema";
import { findPostgresBinaries, startPostgresCluster, withClient, withDatabase } from "../test/support/postgres-cluster";

const AGENCY = "BP3MI-BENCH";
const PRINCIPAL = { agency: AGENCY, roles: ["bp3mi-officer"], purpose: "placement-protection" };

const MAPPING = mappingFromText(`
version: 1
sourceSystem: SIMPEL-XLS
sheet: Daftar PMI
headerRow: 3
dateFormats: ["dd/MM/yyyy", "d/M/yyyy", "d MMMM yyyy", "excel"]
valueMaps:
  sex: { P: Feminine, L: Masculine }
  country: { Malaysia: MY, Brunei: BN, Singapura: SG }
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
  - type: migrantPlacement
    externalId: { template: "PLC-{No. Paspor}" }
    fields:
      worker: { ref: pmi }
      destinationCountry: { column: "Negara Tujuan", map: country, required: true }
      procedural: { column: "Prosedural", type: boolean }
      departureDate: { column: "Tgl Berangkat", type: date }
`);

const COUNTRIES = ["Malaysia", "Brunei", "Singapura"];
const passport = (prefix: string, i: number) => `${prefix}${String(1_000_000 + i)}`;
const birth = (i: number) => new Date(Date.UTC(1970 + (i % 35), i % 12, 1 + (i % 28)));

/** The spreadsheet, written with exceljs's streaming writer; every 50th pair of rows shares a merged country cell. */
async function writeSheet(file: string, rows: number, prefix: string): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const ws = book.addWorksheet("Daftar PMI");
  ws.addRow(["DAFTAR PMI PURNA (BENCHMARK)"]).commit();
  ws.addRow(["dibuat oleh bench/import.ts"]).commit();
  ws.addRow(["No.", "Nama PMI", "L/P", "Tgl Lahir", "No. Paspor", "Negara Tujuan", "Prosedural", "Tgl Berangkat"]).commit();
  let held: ExcelJS.Row | null = null;
  for (let i = 0; i < rows; i++) {
    const merged = i % 50 === 1;
    const row = ws.addRow([i + 1, `PMI Bench ${i}`, i % 2 ? "P" : "L", birth(i), passport(prefix, i), merged ? null : COUNTRIES[i % 3], i % 7 ? "Ya" : "Tidak", `${1 + (i % 28)}/0${1 + (i % 9)}/2024`]);
    row.getCell(4).numFmt = "dd/mm/yyyy";
    // The streaming writer merges rows not committed yet: hold the range's first row.
    if (merged && held) {
      ws.mergeCells(`F${i + 3}:F${i + 4}`);
      held.commit();
      held = null;
    }
    if (i % 50 === 0 && i + 1 < rows) held = row;
    else row.commit();
  }
  ws.commit();
  await book.commit();
}

/** The records the import makes of rows [from, to) of writeSheet(prefix), for the write path. */
function entries(prefix: string, from: number, to: number): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  for (let i = from; i < to; i++) {
    const p = passport(prefix, i);
    out.push({ person: { externalId: `PMI-${p}`, sourceSystem: "SIMPEL-XLS", fullName: `PMI Bench ${i}`, sex: i % 2 ? "Feminine" : "Masculine", birthDate: iso(birth(i)), documents: [{ type: "PASSPORT", number: p }] } });
    out.push({ migrantPlacement: { externalId: `PLC-${p}`, sourceSystem: "SIMPEL-XLS", worker: { externalId: `PMI-${p}` }, destinationCountry: ["MY", "BN", "SG"][i % 3], procedural: i % 7 !== 0, departureDate: `2024-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, "0")}` } });
  }
  return out;
}

export interface ImportBenchOptions {
  rows: number;
  writeRows: number;
  backend: "postgres" | "pglite" | "auto";
  log: (line: string) => void;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export async function runImportBench(o: ImportBenchOptions): Promise<string> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "tppo-bench-import-"));
  const bin = o.backend === "pglite" ? undefined : findPostgresBinaries();
  if (o.backend === "postgres" && !bin) throw new Error("no PostgreSQL server binaries found");
  let db: Database;
  let stopCluster = async () => {};
  if (bin) {
    const cluster = await startPostgresCluster(bin, undefined, ["shared_buffers = 256MB"]);
    stopCluster = async () => cluster.stop();
    await withClient(cluster.url, (c) => c.query("CREATE DATABASE bench_import"));
    db = await openDatabase({ kind: "postgres", url: withDatabase(cluster.url, "bench_import"), poolSize: 4 });
    o.log(`PostgreSQL ${cluster.version} on 127.0.0.1:${cluster.port}`);
  } else {
    db = await openDatabase({ kind: "pglite", dataDir: path.join(work, "pglite") } as never);
    o.log("PGlite (no PostgreSQL binaries)");
  }
  try {
    await applyMigrations(db.raw);
    const file = path.join(work, "pmi-100k.xlsx");
    let t = performance.now();
    await writeSheet(file, o.rows, "B");
    o.log(`wrote ${o.rows} rows to ${file} (${mb(fs.statSync(file).size)}) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const log = createLogger("warn");
    const policy = securedSchema().policy;

    // The write path: the same engine and options, the records built in memory, batches of 1,000.
    const writePath = async (prefix: string) => {
      const ctx = localContext(db, policy, log, PRINCIPAL, { statsMinCell: 11 });
      const opts = contributeOptions(ctx);
      const all = entries(prefix, 0, o.writeRows);
      const t0 = performance.now();
      for (let i = 0; i < all.length; i += MAX_BATCH) {
        const res = await contributeBatch(opts, all.slice(i, i + MAX_BATCH));
        if (res.some((r) => r.status !== "CREATED")) throw new Error(`write path: ${JSON.stringify(res.find((r) => r.status !== "CREATED"))}`);
        await ctx.audit.flush();
      }
      const s = (performance.now() - t0) / 1000;
      o.log(`write path: ${all.length} records in ${s.toFixed(1)} s = ${(all.length / s).toFixed(0)} records/s`);
      return all.length / s;
    };

    const before = await writePath("W");
    global.gc?.();
    const rss: Array<[rows: number, bytes: number]> = [];
    const rssStart = process.memoryUsage().rss;
    const ctx = localContext(db, policy, log, PRINCIPAL, { statsMinCell: 11 });
    const report = reportWriter(path.join(work, "pmi-100k.report.csv"));
    let peak = rssStart;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
    t = performance.now();
    let next = 0;
    let firstRejected = "";
    const summary = await runImport({
      mapping: MAPPING,
      file,
      sink: engineSink(ctx),
      onLine: (l) => {
        if (l.status === "REJECTED" && !firstRejected) firstRejected = `row ${l.row} ${l.record} ${l.field ?? ""} ${l.code}: ${l.reason}`;
        return report.write(l);
      },
      onProgress: (p) => {
        if (p.rows >= next) {
          rss.push([p.rows, process.memoryUsage().rss]);
          o.log(`import: ${p.rows}/${p.totalRows} rows, ${(p.rows / p.seconds).toFixed(0)} rows/s, RSS ${mb(process.memoryUsage().rss)}`);
          next += o.rows / 10;
        }
      },
    });
    await report.close();
    clearInterval(sampler);
    const importSeconds = (performance.now() - t) / 1000;
    const records = Object.values(summary.records).reduce((a, b) => a + b, 0);
    const after = await writePath("X");
    const writeRate = (before + after) / 2;
    if (firstRejected) o.log(`first rejected: ${firstRejected}`);
    const lines = [
      `Import benchmark (${bin ? "PostgreSQL" : "PGlite"}, ${os.cpus().length} cores, Node ${process.version}), ${new Date().toISOString().replace(/\.\d+Z$/, "Z")}`,
      `  import: ${summary.rows} rows (.xlsx, ${records} records: ${JSON.stringify(summary.records)}) in ${importSeconds.toFixed(1)} s = ${(summary.rows / importSeconds).toFixed(0)} rows/s, ${(records / importSeconds).toFixed(0)} records/s`,
      `  write path (contributeBatch, same records, batches of ${MAX_BATCH}, before and after): ${before.toFixed(0)} and ${after.toFixed(0)} records/s`,
      `  import records/s / write path records/s: ${(records / importSeconds / writeRate).toFixed(2)}`,
      `  RSS: ${mb(rssStart)} before the import, peak ${mb(peak)} during it; by rows read: ${rss.map(([r, b]) => `${r}: ${mb(b)}`).join(", ")}`,
    ];
    return lines.join("\n");
  } finally {
    await db.close();
    await stopCluster();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
