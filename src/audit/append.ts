// Puts entries on the audit log. Every writer, in every replica, goes through here or the sealer
// (src/audit/sealer.ts); both chain entries with a seal pass (src/audit/seal.ts).
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import type { AuditAction } from "./chain";
import { sealPass } from "./seal";

/** A Prisma client or the client of an open interactive transaction. */
export type AuditClient = PrismaClient | Prisma.TransactionClient;

/** One entry to append: who, what operation, which records and fields. Never values. */
export interface AuditEntryInput {
  requestId: string;
  agency: string | null;
  roles: readonly string[];
  purpose: string | null;
  operationName: string | null;
  action: AuditAction;
  recordType: string | null;
  recordIds: readonly string[];
  /** Field names or paths touched (never values). */
  fields: readonly string[];
  decision: string | null;
}

export interface AppendedEntry {
  seq: bigint;
  hash: string;
}

// Interactive transactions: Prisma's defaults (2 s to get a connection, 5 s in total) are
// short when many requests append at once on a small pool.
const TX_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;

const isRootClient = (c: AuditClient): c is PrismaClient => typeof (c as PrismaClient).$transaction === "function";

// One statement, no lock: the entries wait in the inbox until a seal pass chains them.
const RECORD = `INSERT INTO "AuditInbox" ("at", "requestId", agency, roles, purpose, "operationName", action, "recordType", "recordIds", fields, decision)
  SELECT x."at", x."requestId", x.agency, x.roles, x.purpose, x."operationName", x.action, x."recordType", x."recordIds", x.fields, x.decision
  FROM json_to_recordset($1::json) AS x("at" timestamp(3), "requestId" text, agency text, roles text[], purpose text, "operationName" text,
    action text, "recordType" text, "recordIds" text[], fields text[], decision text)`;

/**
 * Records entries in the inbox with ONE statement and no lock (its `at` is now); a seal pass
 * (src/audit/seal.ts) gives them seq and hash later. With a transaction client the entries commit
 * or roll back with the caller's write: a rolled-back write leaves neither an entry nor a gap.
 */
export async function recordAuditEntries(client: AuditClient, entries: readonly AuditEntryInput[]): Promise<void> {
  if (entries.length === 0) return;
  const at = new Date().toISOString();
  await client.$executeRawUnsafe(RECORD, JSON.stringify(entries.map((e) => ({ ...e, at }))));
}

/**
 * Appends entries to the chain now and returns their seq and hash, after everything waiting in
 * the inbox (one seal pass, src/audit/seal.ts).
 *
 * With a root client the append runs in a transaction of its own. With a transaction client it
 * joins that transaction: the entries commit or roll back with the caller's write, and the
 * append lock is held until that transaction ends, so make the append its last statement. The
 * transaction must run at READ COMMITTED (the default).
 *
 * This takes the append lock per call: for scripts and tests. Requests record with one statement
 * and no lock instead (recordAuditEntries, AuditTrail) and their sealer chains many requests'
 * entries in one pass (src/audit/sealer.ts). On PGlite never call it with the root client from
 * inside an open transaction: PGlite runs one transaction at a time and would wait forever.
 *
 * Seq is assigned by the pass (last + 1), not by the column's sequence, which skips numbers on
 * rollback: with explicit numbering every gap in the log is a deleted entry.
 */
export async function appendAuditEntries(client: AuditClient, entries: readonly AuditEntryInput[]): Promise<AppendedEntry[]> {
  if (entries.length === 0) return [];
  const at = new Date();
  const run = async (tx: Prisma.TransactionClient) => {
    const runner = { query: <T>(sql: string, params: unknown[]) => tx.$queryRawUnsafe<T[]>(sql, ...params) };
    return (await sealPass(runner, entries.map((e) => ({ ...e, at })))).extra;
  };
  return isRootClient(client) ? client.$transaction(run, TX_OPTIONS) : run(client);
}
