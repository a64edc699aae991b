// A request context for an import run in this process (`tppo-hub import --agency`): the agency's
// principal, its access decisions from the same policy, and an audit trail sealed like a request's.
import crypto from "node:crypto";
import os from "node:os";
import type { Database } from "../db/database";
import type { Logger } from "../logger";
import type { ResolvedPolicy } from "../policy/resolve";
import type { Principal } from "../auth/principal";
import type { RequestContext } from "../request/context";
import { requestContext } from "../http/request-context";

/** The roles an import run in-process acts with unless told otherwise: every case-work role. */
export const DEFAULT_IMPORT_ROLES = ["police-investigator", "prosecutor", "bp3mi-officer", "immigration-officer", "social-worker", "legal-aid", "ltsa-officer", "ngo-case-worker"] as const;

export interface LocalPrincipal {
  agency: string;
  roles: readonly string[];
  purpose: string;
  subject?: string;
}

export function localContext(db: Database, policy: ResolvedPolicy, log: Logger, p: LocalPrincipal, opts: { statsMinCell: number; contributeRunRecords?: number }): RequestContext {
  const principal: Principal = {
    agency: p.agency,
    subject: p.subject ?? `import:${os.userInfo().username}`,
    roles: p.roles,
    purpose: p.purpose,
    jurisdiction: [],
    issuer: "tppo-hub import (local)",
  };
  const ctx = requestContext({ db, policy, ...opts }, principal, `import-${crypto.randomUUID()}`, log, new AbortController().signal);
  ctx.audit.operationName = "import";
  return ctx;
}
