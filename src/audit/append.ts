// Appends entries to the hash chain. Every writer, in every replica, goes through here.
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { GENESIS_HASH, hashEntry, type AuditAction } from "./chain";

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

/**
 * Appends entries in order and returns their seq and hash.
 *
 * With a root client the append runs in a transaction of its own. With a transaction client it
 * joins that transaction: the entries commit or roll back with the caller's write, and the
 * append lock is held until that transaction ends, so make the append its last statement. The
 * transaction must run at READ COMMITTED (the default): a snapshot taken before the lock would
 * not see the latest entry.
 *
 * Seq is assigned here (last + 1), not by the column's sequence, which skips numbers on
 * rollback: with explicit numbering every gap in the log is a deleted entry.
 */
export async function appendAuditEntries(client: AuditClient, entries: readonly AuditEntryInput[]): Promise<AppendedEntry[]> {
  if (entries.length === 0) return [];
  if (isRootClient(client)) return client.$transaction((tx) => appendInTransaction(tx, entries), TX_OPTIONS);
  return appendInTransaction(client, entries);
}

async function appendInTransaction(tx: Prisma.TransactionClient, entries: readonly AuditEntryInput[]): Promise<AppendedEntry[]> {
  // The lock is what keeps the chain from forking: two writers that both read the same head
  // would otherwise insert two entries with the same prevHash.
  // Key: "tppoaudi" in ASCII, distinct from the migration lock (72707369). Released at commit.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(8390053577197871209)`;
  const head = await tx.auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  let seq = head?.seq ?? 0n;
  let prevHash = head?.hash ?? GENESIS_HASH;
  // Taken under the lock, so times follow seq within one clock; the column keeps milliseconds.
  const at = new Date();
  const rows = entries.map((e) => {
    seq += 1n;
    const row = {
      seq,
      at,
      requestId: e.requestId,
      agency: e.agency,
      roles: [...e.roles],
      purpose: e.purpose,
      operationName: e.operationName,
      action: e.action,
      recordType: e.recordType,
      recordIds: [...e.recordIds],
      fields: [...e.fields],
      decision: e.decision,
      prevHash,
    };
    const hash = hashEntry(row);
    prevHash = hash;
    return { ...row, hash };
  });
  await tx.auditEntry.createMany({ data: rows });
  return rows.map((r) => ({ seq: r.seq, hash: r.hash }));
}
