// Audit hooks called by resolvers and contributions, so no write path can bypass the log.
import type { RequestContext } from "../request/context";
import { appendAuditEntries, recordAuditEntries, type AuditClient } from "./append";
import type { AuditWriteEntry } from "./trail";

export type AuditWrite = AuditWriteEntry;

/**
 * Appends one WRITE entry for a contributed record (record ids and field names, never values).
 *
 * Pass the record's transaction client as `tx` for every outcome that commits (CREATED,
 * UPDATED, UNCHANGED): the entry then commits with the write or not at all, so an acknowledged
 * write is never un-audited. It is one INSERT and takes no lock (with the request's trail), so
 * its place in the transaction does not matter; it is sealed before the response leaves. For REJECTED, call it
 * without `tx` after the record's transaction rolled back: the entry is all that remains.
 * A failure throws, which rolls the record back too.
 */
export async function auditWrite(ctx: RequestContext, entry: AuditWrite, tx?: AuditClient): Promise<void> {
  return auditWrites(ctx, [entry], tx);
}

/** auditWrite for several records written together (one statement for all their entries). */
export async function auditWrites(ctx: RequestContext, entries: readonly AuditWrite[], tx?: AuditClient): Promise<void> {
  if (ctx.audit) return ctx.audit.writeMany(entries, tx);
  // Contexts built outside the HTTP server (scripts, imports) carry no trail. In a transaction the
  // entry is recorded without the append lock and sealed by the next seal pass (any request's, the
  // hub's start, `audit verify`, or the next call without tx); alone it is sealed at once.
  const p = ctx.principal;
  await (tx ? recordAuditEntries : appendAuditEntries)(
    tx ?? ctx.db.prisma,
    entries.map((entry) => ({
      requestId: ctx.requestId,
      agency: p?.agency ?? null,
      roles: p ? [...p.roles] : [],
      purpose: p?.purpose ?? null,
      operationName: null,
      action: "WRITE" as const,
      recordType: entry.recordType,
      recordIds: [...entry.recordIds].sort(),
      fields: [...entry.fields].sort(),
      decision: entry.decision,
    })),
  );
}
