// The request context every resolver, policy check and audit append sees. Built once per request in
// src/http/graphql-route.ts; it sits below graph/, policy/ and audit/ so their imports run one way.
import type { Database } from "../db/database";
import type { Logger } from "../logger";
import type { Principal } from "../auth/principal";
import type { Access } from "../policy/access";
import type { AuditTrail } from "../audit/trail";
import type { HubMetrics } from "../metrics/hub-metrics";
import type { AuditCheckpointer } from "../audit/checkpointer";

export interface RequestContext {
  requestId: string;
  db: Database;
  log: Logger;
  /** The verified caller. Null only for public endpoints, which never reach GraphQL. */
  principal: Principal;
  /** The principal's access decisions, row scopes and protections for this request (src/policy/). */
  access: Access;
  /** Per-request audit trail (src/audit/trail.ts): reads and writes are sealed before the response leaves. */
  audit: AuditTrail;
  /** Keeps the audit log's signed head checkpoint up to date (absent: the hub keeps none). */
  auditCheckpointer?: AuditCheckpointer;
  /** Minimum published cell size for statistics (STATS_MIN_CELL). */
  statsMinCell: number;
  /** Records per bulk transaction of a contributed batch (CONTRIBUTE_RUN_RECORDS). */
  contributeRunRecords?: number;
  /** This hub's metrics; set by the metrics plugin (src/metrics/apollo-plugin.ts) when enabled. */
  metrics?: HubMetrics;
  /**
   * Aborted when the client disconnects, at the request's deadline (OPERATION_TIMEOUT_MS) or at
   * shutdown; its reason is the HubError to answer with. Long work (batches) checks it and stops.
   */
  signal: AbortSignal;
}
