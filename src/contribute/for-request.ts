// ContributeOptions for a request context: the same audit, access policy grants, logging and
// cancellation for every way in (the GraphQL mutations, the spreadsheet import's CLI and upload).
import { auditWrite, auditWrites } from "../audit/record";
import type { RequestContext } from "../request/context";
import type { ContributeOptions } from "./engine";

export function contributeOptions(ctx: RequestContext): ContributeOptions {
  const p = ctx.principal;
  return {
    prisma: ctx.db.prisma,
    contributor: {
      agency: p.agency,
      subject: p.subject,
      roles: p.roles,
      readWhere: (type) => ctx.access.rowWhere(type),
      linkWhere: (type) => ctx.access.linkWhere(type),
    },
    audit: (entry, tx) => auditWrite(ctx, entry, tx),
    auditMany: (entries, tx) => auditWrites(ctx, entries, tx),
    // The batch applies the per-type mutation grants of the access policy to each record.
    permits: (type) => ctx.access.effect("Mutation", `contribute${type}`).kind === "allow",
    onUnexpected: (err, type) => ctx.log.error({ err, recordType: type }, "contribution failed unexpectedly"),
    onBulkFallback: (err, records) => ctx.log.warn({ err, records }, "bulk contribution failed; its records were contributed one by one"),
    onResult: ctx.metrics?.contributed,
    signal: ctx.signal,
    runRecords: ctx.contributeRunRecords,
  };
}

/**
 * A dry run is audited like a run (it answers whether referenced records exist), under an
 * operation name that says nothing was written: "<operation> (dry run)".
 */
export function markDryRun(ctx: RequestContext, fallback: string): void {
  const name = ctx.audit.operationName ?? fallback;
  if (!name.endsWith(" (dry run)")) ctx.audit.operationName = `${name} (dry run)`;
}
