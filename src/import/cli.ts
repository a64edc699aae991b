// `tppo-hub import`: a spreadsheet through a hub's API with a token, or into the configured
// database in this process as an agency; report next to the input, summary on stdout.
import fs from "node:fs";
import path from "node:path";
import type { Config } from "../config";
import { loadMapping } from "./mapping";
import { progressDisplay } from "./progress";
import { defaultReportPath, reportWriter } from "./report";
import { runImport, type ImportSummary } from "./run";
import { spreadsheetKind } from "./sheet";
import { httpSink, ImportError, type Sink } from "./sink";

export interface ImportCommandOptions {
  mapping: string;
  dryRun?: boolean;
  report?: string;
  token?: string;
  url?: string;
  agency?: string;
  roles?: string;
  purpose?: string;
  batchSize?: string;
}

export function summaryText(s: ImportSummary, report: string): string {
  const r = s.records;
  const total = r.CREATED + r.UPDATED + r.UNCHANGED + r.REJECTED;
  return (
    `${s.dryRun ? "Dry run, nothing written: " : ""}${s.rows} rows${s.sheet ? ` of sheet "${s.sheet}"` : ""}, ${total} records: ` +
    `${r.CREATED} CREATED, ${r.UPDATED} UPDATED, ${r.UNCHANGED} UNCHANGED, ${r.REJECTED} REJECTED (${s.rowsRejected} rows rejected) in ${s.seconds.toFixed(1)} s.\n` +
    `Report: ${report}\n`
  );
}

export async function importCommand(file: string, o: ImportCommandOptions, config: () => Config): Promise<void> {
  const token = o.token ?? process.env.TPPO_TOKEN;
  if (token && o.agency) throw new ImportError("give either --token (import through a hub's API) or --agency (into the configured database), not both");
  if (!token && !o.agency) throw new ImportError("give --token <jwt> (or TPPO_TOKEN) to import through a hub's API, or --agency <CODE> to import into the configured database");
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new ImportError(`spreadsheet not found: ${file}`);
  if (!spreadsheetKind(file)) throw new ImportError(`${file}: not a .xlsx or .csv file`);
  const mapping = loadMapping(o.mapping);
  const reportFile = path.resolve(o.report ?? defaultReportPath(file));
  const progress = progressDisplay();
  const run = async (sink: Sink) => {
    const report = reportWriter(reportFile);
    try {
      return await runImport({ mapping, file, sink, dryRun: Boolean(o.dryRun), onLine: (l) => report.write(l), onProgress: (p) => progress.update(p) });
    } finally {
      progress.stop();
      await report.close();
    }
  };

  let summary: ImportSummary;
  if (token) {
    const batch = o.batchSize === undefined ? undefined : Number(o.batchSize);
    if (batch !== undefined && !(Number.isInteger(batch) && batch >= 1 && batch <= 1000)) throw new ImportError("--batch-size must be a whole number from 1 to 1000 (at most the hub's CONTRIBUTE_MAX_RECORDS)");
    const url = o.url ?? `http://localhost:${process.env.PORT ?? 4000}/graphql`;
    summary = await run(httpSink(url, token, batch));
  } else {
    const { AGENCY_CODE } = require("../auth/verify-token") as typeof import("../auth/verify-token");
    const { isPurpose, isRole, PURPOSES, ROLES } = require("../policy/roles") as typeof import("../policy/roles");
    const { DEFAULT_IMPORT_ROLES, localContext } = require("./local-context") as typeof import("./local-context");
    if (!AGENCY_CODE.test(o.agency!)) throw new ImportError("--agency must be an agency code like BP3MI-KALBAR (A-Z, 0-9, . _ -)");
    const roles = o.roles ? o.roles.split(",").map((r) => r.trim()).filter(Boolean) : [...DEFAULT_IMPORT_ROLES];
    const bad = roles.find((r) => !isRole(r));
    if (bad !== undefined || !roles.length) throw new ImportError(`--roles: unknown role "${bad ?? ""}" (known: ${ROLES.join(", ")})`);
    const purpose = o.purpose ?? "administration";
    if (!isPurpose(purpose)) throw new ImportError(`--purpose: unknown purpose "${purpose}" (known: ${PURPOSES.join(", ")})`);
    const { createLogger } = require("../logger") as typeof import("../logger");
    const { openConfiguredDatabase, prepareSchema } = require("../db/open") as typeof import("../db/open");
    const { securedSchema } = require("../secured-schema") as typeof import("../secured-schema");
    const { engineSink } = require("./sink") as typeof import("./sink");
    const cfg = config();
    // stdout is the summary's: routine log lines (migrations applied) only at debug level.
    const log = createLogger(cfg.logLevel === "info" ? "warn" : cfg.logLevel);
    const db = await openConfiguredDatabase(cfg);
    try {
      await prepareSchema(db, { migrate: db.kind === "pglite", log });
      const ctx = localContext(db, securedSchema().policy, log, { agency: o.agency!, roles, purpose }, { statsMinCell: cfg.statsMinCell, contributeRunRecords: cfg.contributeRunRecords });
      summary = await run(engineSink(ctx));
    } finally {
      await db.close();
    }
  }
  process.stdout.write(summaryText(summary, path.relative(process.cwd(), reportFile) || reportFile));
}
