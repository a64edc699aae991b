// The one way a RequestContext is made: the GraphQL route, the import upload and an in-process
// import (tppo-hub import --agency) all decide access and audit for a principal the same way.
import { auditSealer } from "../audit/sealer";
import type { AuditCheckpointer } from "../audit/checkpointer";
import { AuditTrail } from "../audit/trail";
import type { Principal } from "../auth/principal";
import type { Database } from "../db/database";
import type { Logger } from "../logger";
import { Access } from "../policy/access";
import type { ResolvedPolicy } from "../policy/resolve";
import type { RequestContext } from "../request/context";

export interface ContextSettings {
  db: Database;
  policy: ResolvedPolicy;
  statsMinCell: number;
  contributeRunRecords?: number;
  auditCheckpointer?: AuditCheckpointer;
}

export function requestContext(s: ContextSettings, principal: Principal, requestId: string, log: Logger, signal: AbortSignal): RequestContext {
  return {
    requestId,
    db: s.db,
    log,
    principal,
    access: new Access(principal, s.policy, s.db),
    audit: new AuditTrail(s.db.prisma, { requestId, agency: principal.agency, roles: principal.roles, purpose: principal.purpose }, auditSealer(s.db)),
    statsMinCell: s.statsMinCell,
    contributeRunRecords: s.contributeRunRecords,
    auditCheckpointer: s.auditCheckpointer,
    signal,
  };
}
