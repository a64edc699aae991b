// Runs an import: streams the sheet's rows, plans each (plan-row.ts), sends whole rows in batches
// (never splitting a row), and hands each result to the report as it comes, so nothing grows with
// the number of rows. A record whose `ref` target of the same row was REJECTED is not sent: in a
// real run the records that others refer to go first and their dependents follow in a second call
// only if they were accepted. A dry run sends the batch in one call (the hub rolls it back, so a
// second call could not see the first) and reports those dependents the same way.
import { MESSAGES } from "./messages";
import { MappingError, type Mapping } from "./mapping";
import { columnForSpec, fieldPath, rowPlanner, type PlannedRecord, type PlannedRow, type RecordProblem, type RowPlanner } from "./plan-row";
import { openSheet, spreadsheetKind, type SpreadsheetKind } from "./sheet";
import type { Sink, SinkResult } from "./sink";
import type { ContributionStatus } from "../contribute";

/** One line of the report (columns in this order, PLAN.md 11.2). */
export interface ReportLine {
  row: number;
  record: string;
  externalId: string | null;
  status: ContributionStatus;
  field: string | null;
  column: string | null;
  code: string | null;
  alasan: string | null;
  reason: string | null;
}

export const REPORT_COLUMNS = ["row", "record", "externalId", "status", "field", "column", "code", "alasan", "reason"] as const satisfies readonly (keyof ReportLine)[];

export interface ImportSummary {
  file: string;
  sheet: string | null;
  dryRun: boolean;
  /** Data rows read (blank rows skipped). */
  rows: number;
  rowsRejected: number;
  records: Record<ContributionStatus, number>;
  seconds: number;
}

export interface ImportProgress {
  rows: number;
  /** Data rows the sheet holds at most (for an ETA); null when unknown. */
  totalRows: number | null;
  records: number;
}

export interface ImportOptions {
  mapping: Mapping;
  file: string;
  /** Default: from the file's extension. */
  kind?: SpreadsheetKind;
  sink: Sink;
  dryRun?: boolean;
  onLine: (line: ReportLine) => void | Promise<void>;
  onProgress?: (p: ImportProgress) => void;
}

interface Outcome {
  status: ContributionStatus;
  problems: RecordProblem[];
}

const problemOf = (mapping: Mapping, r: PlannedRecord, e: SinkResult["errors"][number]): RecordProblem => {
  const field = e.path.length ? fieldPath(e.path) : null;
  const msg = MESSAGES[e.code as keyof typeof MESSAGES];
  return { field, column: columnForSpec(mapping, r.spec, field), code: e.code as RecordProblem["code"], alasan: msg?.id ?? e.message, reason: e.message };
};

const dependsOnRejected = (): Outcome => ({
  status: "REJECTED",
  problems: [{ field: null, column: null, code: "DEPENDS_ON_REJECTED", alasan: MESSAGES.DEPENDS_ON_REJECTED.id, reason: MESSAGES.DEPENDS_ON_REJECTED.en }],
});

function outcomeOf(mapping: Mapping, r: PlannedRecord, res: SinkResult): Outcome {
  const list = res.status === "REJECTED" ? res.errors : res.warnings;
  return { status: res.status, problems: list.map((e) => problemOf(mapping, r, e)) };
}

/** Decides the accepted rows of a batch through the sink; returns each record's outcome. */
async function send(mapping: Mapping, sink: Sink, rows: PlannedRow[], dryRun: boolean): Promise<Map<PlannedRecord, Outcome>> {
  const out = new Map<PlannedRecord, Outcome>();
  const records = rows.filter((r) => !r.rejected);
  if (dryRun) {
    const all = records.flatMap((r) => r.records);
    if (!all.length) return out;
    const results = await sink.contribute(all.map((p) => p.entry), true);
    const at = new Map(all.map((p, i) => [p, i]));
    for (const row of records) {
      for (const p of row.records) {
        const res = results[at.get(p)!]!;
        out.set(p, p.dependsOn.some((d) => out.get(row.records[d]!)?.status === "REJECTED") ? dependsOnRejected() : outcomeOf(mapping, p, res));
      }
    }
    return out;
  }
  const depth = new Map<PlannedRecord, number>();
  for (const row of records) for (const p of row.records) depth.set(p, p.dependsOn.reduce((d, i) => Math.max(d, depth.get(row.records[i]!)! + 1), 0));
  const deepest = Math.max(0, ...depth.values());
  for (let level = 0; level <= deepest; level++) {
    const batch: PlannedRecord[] = [];
    for (const row of records) {
      for (const p of row.records) {
        if (depth.get(p) !== level) continue;
        if (p.dependsOn.some((d) => out.get(row.records[d]!)!.status === "REJECTED")) out.set(p, dependsOnRejected());
        else batch.push(p);
      }
    }
    if (!batch.length) continue;
    const results = await sink.contribute(batch.map((p) => p.entry), false);
    batch.forEach((p, i) => out.set(p, outcomeOf(mapping, p, results[i]!)));
  }
  return out;
}

export async function runImport(o: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const { mapping, sink } = o;
  const dryRun = o.dryRun ?? false;
  const kind = o.kind ?? spreadsheetKind(o.file);
  if (!kind) throw new MappingError([`${o.file}: not a .xlsx or .csv file`]);
  if (mapping.records.length > sink.maxRecords) throw new MappingError([`records: a row produces ${mapping.records.length} records, more than one batch holds (${sink.maxRecords})`]);
  const sheet = await openSheet(o.file, mapping.sheet, kind);
  const dataStart = mapping.dataStartRow ?? mapping.headerRow + 1;
  const totalRows = sheet.lastRow ? Math.max(0, sheet.lastRow - dataStart + 1) : null;
  const summary: ImportSummary = {
    file: o.file,
    sheet: sheet.sheetName,
    dryRun,
    rows: 0,
    rowsRejected: 0,
    records: { CREATED: 0, UPDATED: 0, UNCHANGED: 0, REJECTED: 0 },
    seconds: 0,
  };
  let planner: RowPlanner | null = null;
  let batch: PlannedRow[] = [];
  let batchRecords = 0;
  let recordsDone = 0;

  const flush = async () => {
    if (!batch.length) return;
    const outcomes = await send(mapping, sink, batch, dryRun);
    for (const row of batch) {
      if (row.rejected) summary.rowsRejected++;
      for (const p of row.records) {
        const outcome: Outcome = row.rejected ? { status: "REJECTED", problems: p.problems } : outcomes.get(p)!;
        summary.records[outcome.status]++;
        recordsDone++;
        const base = { row: row.row, record: p.type, externalId: p.externalId, status: outcome.status };
        if (!outcome.problems.length) await o.onLine({ ...base, field: null, column: null, code: null, alasan: null, reason: null });
        for (const pr of outcome.problems) await o.onLine({ ...base, field: pr.field, column: pr.column, code: pr.code, alasan: pr.alasan, reason: pr.reason });
      }
    }
    batch = [];
    batchRecords = 0;
    o.onProgress?.({ rows: summary.rows, totalRows, records: recordsDone });
  };

  for await (const { row, cells } of sheet.rows) {
    if (row < mapping.headerRow) continue;
    if (row === mapping.headerRow) {
      planner = rowPlanner(mapping, cells);
      continue;
    }
    if (!planner) throw new MappingError([`headerRow: row ${mapping.headerRow} of ${sheet.sheetName ? `sheet "${sheet.sheetName}"` : "the file"} is empty; it must hold the column headers`]);
    if (row < dataStart) continue;
    const planned = planner.plan(row, cells);
    if (!planned) continue;
    summary.rows++;
    if (batchRecords + planned.records.length > sink.maxRecords) await flush();
    batch.push(planned);
    batchRecords += planned.records.length;
  }
  if (!planner) throw new MappingError([`headerRow: ${sheet.sheetName ? `sheet "${sheet.sheetName}"` : "the file"} has no row ${mapping.headerRow}`]);
  await flush();
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
