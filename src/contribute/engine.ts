// Runs contributions. A batch is decided in batch order, so a record can reference one created
// earlier in the same batch. Runs of records the bulk path covers (bulk/segment.ts) are decided
// together and written set-based in one transaction; an exact replay writes nothing. Any other
// record, and every record of a run whose transaction fails, goes through the per-record path:
// one interactive transaction per record, so a rejected record writes nothing and never affects
// the others.
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { HubError, type ErrorCode } from "../errors";
import type { Contributor, Env, Tx } from "./env";
import type { RecordHandler } from "./handler";
import { caseHandler } from "./records/case";
import { caseParticipantHandler } from "./records/case-participant";
import { borderCrossingHandler } from "./records/border-crossing";
import { earlyWarningReportHandler } from "./records/early-warning-report";
import { legalProceedingHandler } from "./records/legal-proceeding";
import { migrantPlacementHandler } from "./records/migrant-placement";
import { organizationHandler } from "./records/organization";
import { personHandler } from "./records/person";
import { repatriationHandler } from "./records/repatriation";
import { serviceReferralHandler } from "./records/service-referral";
import { fieldError, RecordRejected, type FieldError, type RecordResult, type RecordType } from "./result";
import { toFieldErrors, type Provenance } from "./schema-kit";
import { checkVersion, lockKey } from "./store";
import { dryRun } from "./dry-run";
import { columnCatalog } from "./bulk/rows";
import { isBulkEligible, NeedsPerRecordPath, planSegment, storedRecords, type ParsedRecord, type Planned } from "./bulk/segment";

export const MAX_BATCH = 1000;

export const HANDLERS: Record<RecordType, RecordHandler> = {
  Person: personHandler as unknown as RecordHandler,
  Organization: organizationHandler as unknown as RecordHandler,
  Case: caseHandler as unknown as RecordHandler,
  CaseParticipant: caseParticipantHandler as unknown as RecordHandler,
  MigrantPlacement: migrantPlacementHandler as unknown as RecordHandler,
  BorderCrossing: borderCrossingHandler as unknown as RecordHandler,
  Repatriation: repatriationHandler as unknown as RecordHandler,
  ServiceReferral: serviceReferralHandler as unknown as RecordHandler,
  LegalProceeding: legalProceedingHandler as unknown as RecordHandler,
  EarlyWarningReport: earlyWarningReportHandler as unknown as RecordHandler,
};

/** Field of a batch entry (ContributionInput) for each record type. */
export const BATCH_FIELDS = {
  person: "Person",
  organization: "Organization",
  case: "Case",
  caseParticipant: "CaseParticipant",
  migrantPlacement: "MigrantPlacement",
  borderCrossing: "BorderCrossing",
  repatriation: "Repatriation",
  serviceReferral: "ServiceReferral",
  legalProceeding: "LegalProceeding",
  earlyWarningReport: "EarlyWarningReport",
} as const satisfies Record<string, RecordType>;

export interface ContributeOptions {
  prisma: PrismaClient;
  /** From the verified token only. */
  contributor: Contributor;
  now?: () => Date;
  /**
   * Audit hook, called once per record: inside the record's transaction (as its last statement,
   * with `tx`) for outcomes that commit, so the entry commits with the write or not at all; after
   * the rollback (without `tx`) for REJECTED. A failure inside the transaction rolls the record back.
   */
  audit?: (entry: AuditEntry, tx?: Tx) => Promise<void>;
  /**
   * The same entries, several in one append (the bulk path: one call per batch segment, inside
   * its transaction, or without `tx` when nothing was written). Without it, `audit` is called
   * once per entry.
   */
  auditMany?: (entries: AuditEntry[], tx?: Tx) => Promise<void>;
  /** Whether the caller may contribute this record type at all (batch entries; access policy). */
  permits?: (type: RecordType) => boolean;
  /** Unexpected failures (database down, bugs) are logged here and reported as INTERNAL. */
  onUnexpected?: (err: unknown, type: RecordType) => void;
  /** A bulk segment's transaction failed and its records were replayed one by one (logged). */
  onBulkFallback?: (err: unknown, records: number) => void;
  /** Called once per record with its final result (metrics). */
  onResult?: (result: RecordResult) => void;
  /**
   * Checked between the records of a batch: once aborted (client gone, deadline, shutdown) the
   * batch stops before its next record. Each record is its own transaction, so what was committed
   * stays (with its audit entry) and nothing is half-written.
   */
  signal?: AbortSignal;
  /** Records one bulk transaction holds at most (@default BULK_CHUNK): the batch stops between runs when cancelled. */
  runRecords?: number;
  /**
   * Decide the batch exactly as a real run would, then roll everything back: the answers are the
   * real run's, nothing is stored and no WRITE is audited (there was none).
   */
  dryRun?: boolean;
}

/** What the audit log gets: record ids and field names, never values. */
export interface AuditEntry {
  recordType: string;
  recordIds: string[];
  fields: string[];
  decision: RecordResult["status"];
}

function rejected(index: number, recordType: RecordType | null, externalId: string | null, errors: FieldError[], currentVersion: number | null = null): RecordResult {
  return { index, recordType, externalId, status: "REJECTED", id: null, version: null, currentVersion, errors, warnings: [], fieldsWritten: [] };
}

const rawExternalId = (input: unknown): string | null => {
  const v = (input as { externalId?: unknown } | null)?.externalId;
  return typeof v === "string" ? v.trim() || null : null;
};

async function run(opts: ContributeOptions, type: RecordType, input: unknown, index: number): Promise<RecordResult> {
  const handler = HANDLERS[type];
  if (opts.permits && !opts.permits(type)) {
    return rejected(index, type, rawExternalId(input), [fieldError([], "NOT_PERMITTED", `Your role may not contribute ${type} records.`)]);
  }
  const parsed = handler.schema.safeParse(input);
  if (!parsed.success) return rejected(index, type, rawExternalId(input), toFieldErrors(parsed.error, input));
  const data: Provenance = parsed.data;
  const { agency } = opts.contributor;
  try {
    const { outcome, warnings } = await opts.prisma.$transaction(
      async (tx) => {
        const env: Env = { tx, contributor: opts.contributor, now: opts.now?.() ?? new Date(), errors: [], warnings: [] };
        // One writer per (type, agency, externalId): concurrent resends of one record queue up
        // instead of racing to the unique constraint.
        await lockKey(tx, `record:${type}:${agency}:${data.externalId}`);
        const existing = await handler.find(tx, agency, data.externalId);
        checkVersion(data.expectedVersion, existing);
        const outcome = await handler.apply(env, data, existing);
        await opts.audit?.({ recordType: type, recordIds: outcome.recordIds ?? [outcome.id], fields: outcome.fieldsWritten, decision: outcome.status }, tx);
        return { outcome, warnings: env.warnings };
      },
      // PGlite runs one transaction at a time: let queued ones wait rather than fail.
      { maxWait: 60_000, timeout: 60_000 },
    );
    return { index, recordType: type, externalId: data.externalId, status: outcome.status, id: outcome.id, version: outcome.version, currentVersion: null, errors: [], warnings, fieldsWritten: outcome.fieldsWritten };
  } catch (err) {
    if (err instanceof RecordRejected) return rejected(index, type, data.externalId, err.errors, err.currentVersion);
    opts.onUnexpected?.(err, type);
    return rejected(index, type, data.externalId, [fieldError([], "INTERNAL", "The hub could not store this record; nothing was written. Retry later.")]);
  }
}

/** Contributes one record of a known type. */
export async function contributeRecord(opts: ContributeOptions, type: RecordType, input: unknown, index = 0): Promise<RecordResult> {
  const result = await run(opts, type, input, index);
  if (result.status === "REJECTED") await opts.audit?.({ recordType: type, recordIds: [], fields: [], decision: "REJECTED" });
  opts.onResult?.(result);
  return result;
}

/** The batch's answer when it was stopped: the signal's reason, saying how far it got. */
function batchStopped(reason: unknown, done: number, total: number): HubError {
  const cause = reason instanceof HubError ? reason : new HubError("CANCELLED");
  return new HubError(
    cause.extensions.code as ErrorCode,
    `${cause.message}. The batch stopped after ${done} of ${total} records: those are committed, the others were not written. Resend the batch (contributions are idempotent).`,
    { ...cause.extensions, processed: done },
  );
}

/** Records one bulk transaction decides at most: the batch stops between them when cancelled. */
export const BULK_CHUNK = 1000;

type Entry =
  | { index: number; kind: "rejected"; result: RecordResult; auditType: string }
  | { index: number; kind: "record"; record: ParsedRecord }
  | { index: number; kind: "perRecord"; type: RecordType; input: unknown };

/** Reads a batch entry: which record type, parsed and permitted, or rejected in memory. */
function classify(opts: ContributeOptions, entry: unknown, index: number): Entry {
  const set = entry && typeof entry === "object" ? Object.entries(entry as Record<string, unknown>).filter(([, v]) => v !== null && v !== undefined) : [];
  const known = set.filter(([k]) => k in BATCH_FIELDS);
  if (set.length !== 1 || known.length !== 1) {
    const result = rejected(index, null, null, [fieldError([], "EXACTLY_ONE", `Set exactly one of ${Object.keys(BATCH_FIELDS).join(", ")} (this entry sets ${set.length}).`)]);
    return { index, kind: "rejected", result, auditType: "Unknown" };
  }
  const [field, input] = known[0]!;
  const type = BATCH_FIELDS[field as keyof typeof BATCH_FIELDS];
  if (opts.permits && !opts.permits(type)) {
    return { index, kind: "rejected", auditType: type, result: rejected(index, type, rawExternalId(input), [fieldError([], "NOT_PERMITTED", `Your role may not contribute ${type} records.`)]) };
  }
  const parsed = HANDLERS[type].schema.safeParse(input);
  if (!parsed.success) return { index, kind: "rejected", auditType: type, result: rejected(index, type, rawExternalId(input), toFieldErrors(parsed.error, input)) };
  const data = parsed.data as ParsedRecord["input"];
  if (!isBulkEligible(type, data)) return { index, kind: "perRecord", type, input };
  return { index, kind: "record", record: { index, type, input: data } };
}

async function appendAudit(opts: ContributeOptions, entries: AuditEntry[], tx?: Tx): Promise<void> {
  if (!entries.length) return;
  if (opts.auditMany) return opts.auditMany(entries, tx);
  for (const e of entries) await opts.audit?.(e, tx);
}

const auditOf = (type: string, p: Planned): AuditEntry =>
  p.result.status === "REJECTED"
    ? { recordType: type, recordIds: [], fields: [], decision: "REJECTED" }
    : { recordType: type, recordIds: p.recordIds, fields: p.result.fieldsWritten, decision: p.result.status };

/**
 * A run of entries through the bulk path: decided once without a transaction (nothing to write:
 * only the audit entries are appended), else decided again and written in one transaction with
 * its audit entries. When that fails, every entry of the run goes through the per-record path.
 */
async function contributeSegment(opts: ContributeOptions, segment: Entry[], entries: readonly unknown[]): Promise<RecordResult[]> {
  const records = segment.flatMap((e) => (e.kind === "record" ? [e.record] : []));
  const now = opts.now?.() ?? new Date();
  const settle = (plan: Map<number, Planned>) =>
    segment.map((e) => {
      if (e.kind === "rejected") return { result: e.result, audit: { recordType: e.auditType, recordIds: [], fields: [], decision: "REJECTED" as const } };
      const p = plan.get(e.index)!;
      return { result: p.result, audit: auditOf(p.result.recordType!, p) };
    });
  let settled: ReturnType<typeof settle>;
  try {
    // A record not stored yet will be written (or rejected): then deciding without a transaction
    // first would only be repeated inside it.
    const stored = records.length ? await storedRecords(opts.prisma, opts.contributor, records) : new Map();
    const allStored = records.every((r) => stored.get(r.type)?.has(r.input.externalId));
    const decided = allStored ? (records.length ? await planSegment(opts.prisma, opts.contributor, now, records, null, stored) : new Map<number, Planned>()) : null;
    const writes = !decided || [...decided.values()].some((p) => p.result.status === "CREATED" || p.result.status === "UPDATED");
    if (decided && !writes) {
      settled = settle(decided);
      await appendAudit(opts, settled.map((s) => s.audit));
    } else {
      // Read before the transaction: PGlite serves one transaction at a time.
      const columns = await columnCatalog(opts.prisma);
      settled = await opts.prisma.$transaction(
        async (tx) => {
          const s = settle(await planSegment(tx, opts.contributor, now, records, columns));
          await appendAudit(opts, s.map((x) => x.audit), tx);
          return s;
        },
        { maxWait: 60_000, timeout: 120_000 },
      );
    }
  } catch (err) {
    if (!(err instanceof NeedsPerRecordPath)) opts.onBulkFallback?.(err, segment.length);
    // Whatever failed (a constraint, the audit append, the database), record by record each entry
    // gets exactly the answer it would get alone; unexpected failures are reported there.
    const results: RecordResult[] = [];
    for (const e of segment) {
      if (results.length) await yieldToEventLoop();
      results.push(await contributeEntry(opts, entries[e.index], e.index));
    }
    return results;
  }
  for (const s of settled) opts.onResult?.(s.result);
  return settled.map((s) => s.result);
}

/** One batch entry through the per-record path. */
async function contributeEntry(opts: ContributeOptions, entry: unknown, index: number): Promise<RecordResult> {
  const set = entry && typeof entry === "object" ? Object.entries(entry as Record<string, unknown>).filter(([, v]) => v !== null && v !== undefined) : [];
  const known = set.filter(([k]) => k in BATCH_FIELDS);
  if (set.length !== 1 || known.length !== 1) {
    const result = rejected(index, null, null, [fieldError([], "EXACTLY_ONE", `Set exactly one of ${Object.keys(BATCH_FIELDS).join(", ")} (this entry sets ${set.length}).`)]);
    await opts.audit?.({ recordType: "Unknown", recordIds: [], fields: [], decision: "REJECTED" });
    opts.onResult?.(result);
    return result;
  }
  const [field, input] = known[0]!;
  return contributeRecord(opts, BATCH_FIELDS[field as keyof typeof BATCH_FIELDS], input, index);
}

/**
 * Contributes a batch of entries, each `{ <recordField>: input }` with exactly one field set.
 * In batch order on purpose: later records may reference earlier ones.
 */
export async function contributeBatch(opts: ContributeOptions, entries: readonly unknown[]): Promise<RecordResult[]> {
  if (entries.length > MAX_BATCH) {
    throw new HubError("BAD_USER_INPUT", `A batch holds at most ${MAX_BATCH} records; this one has ${entries.length}. Nothing was written: split it and resend.`);
  }
  if (opts.dryRun) return dryRun(opts, (o) => decideBatch(o, entries));
  return decideBatch(opts, entries);
}

async function decideBatch(opts: ContributeOptions, entries: readonly unknown[]): Promise<RecordResult[]> {
  const classified = entries.map((entry, index) => classify(opts, entry, index));
  const results: RecordResult[] = [];
  let i = 0;
  while (i < classified.length) {
    // Let the event loop run between transactions: PGlite answers without real I/O, so a batch
    // would otherwise hold the loop for its whole length (no timers, no disconnects, no other request).
    if (i > 0) await yieldToEventLoop();
    if (opts.signal?.aborted) throw batchStopped(opts.signal.reason, i, entries.length);
    const first = classified[i]!;
    if (first.kind === "perRecord") {
      results.push(await contributeEntry(opts, entries[i], i));
      i++;
      continue;
    }
    // A run of bulk entries, cut before a record whose key the run already holds (the second
    // must see the first as stored) and at BULK_CHUNK records.
    const segment: Entry[] = [];
    const keys = new Set<string>();
    for (let j = i; j < classified.length && segment.length < (opts.runRecords ?? BULK_CHUNK); j++) {
      const e = classified[j]!;
      if (e.kind === "perRecord") break;
      if (e.kind === "record") {
        const key = `${e.record.type}\u0000${e.record.input.externalId}`;
        if (keys.has(key)) break;
        keys.add(key);
      }
      segment.push(e);
    }
    results.push(...(await contributeSegment(opts, segment, entries)));
    i += segment.length;
  }
  return results;
}
