// One hub's Prometheus metrics, in a registry of its own (never prom-client's global one: tests
// run several hubs in one process, and two hubs must not count into each other).
import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";
import type { AuditEntryInput } from "../audit/append";
import type { RecordResult } from "../contribute/result";
import type { Database } from "../db/database";
import { ErrorCodes } from "../errors";
import { OperationNames } from "./operation-names";
import { registerPoolGauges } from "./pool-gauges";

export interface HubMetricsOptions {
  /** The database whose connection pool is reported. */
  db: Pick<Database, "kind" | "poolStats">;
  /** Distinct operation names kept as their own label (src/metrics/operation-names.ts). @default 100 */
  maxOperationNames?: number;
}

/** Outcome labels: "ok", or an error code the hub answers with. Anything else is "OTHER". */
const OUTCOMES = new Set<string>(["ok", ...Object.keys(ErrorCodes), "BAD_REQUEST"]);

/** Seconds; GraphQL reads are milliseconds, batches of contributions can take many seconds. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export class HubMetrics {
  readonly registry = new Registry();
  private readonly names: OperationNames;
  private readonly requests: Counter<"operation" | "outcome">;
  private readonly latency: Histogram<"operation">;
  private readonly denials: Counter<"rule">;
  private readonly audit: Counter<"action">;
  private readonly contributions: Counter<"status" | "record_type">;

  constructor(opts: HubMetricsOptions) {
    const registers = [this.registry];
    this.names = new OperationNames(opts.maxOperationNames);
    // Process memory, CPU, event-loop lag (nodejs_eventloop_lag_*), GC, handles.
    collectDefaultMetrics({ register: this.registry });
    registerPoolGauges(this.registry, opts.db);
    this.requests = new Counter({
      name: "tppo_hub_graphql_requests_total",
      help: "GraphQL operations by operation name and outcome (ok, or the error code of the first error).",
      labelNames: ["operation", "outcome"],
      registers,
    });
    this.latency = new Histogram({
      name: "tppo_hub_graphql_request_duration_seconds",
      help: "Time from the start of GraphQL processing to the response, by operation name.",
      labelNames: ["operation"],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.denials = new Counter({
      name: "tppo_hub_policy_denials_total",
      help: "FORBIDDEN answers by the policy rule that denied (src/policy/rules.ts path).",
      labelNames: ["rule"],
      registers,
    });
    this.audit = new Counter({
      name: "tppo_hub_audit_entries_appended_total",
      help: "Entries appended to the audit log by action (READ, WRITE, DENIED).",
      labelNames: ["action"],
      registers,
    });
    this.contributions = new Counter({
      name: "tppo_hub_contributions_total",
      help: "Contributed records by result status (CREATED, UPDATED, UNCHANGED, REJECTED) and record type.",
      labelNames: ["status", "record_type"],
      registers,
    });
  }

  /** The label an operation name is recorded under (bounded cardinality). */
  operationLabel(name: string | null | undefined): string {
    return this.names.label(name);
  }

  request(operation: string, outcome: string, seconds: number): void {
    this.requests.inc({ operation, outcome: OUTCOMES.has(outcome) ? outcome : "OTHER" });
    this.latency.observe({ operation }, seconds);
  }

  /** A policy denial; `rule` is the rule path the FORBIDDEN error names (bounded by the policy). */
  denied(rule: string): void {
    this.denials.inc({ rule });
  }

  readonly auditAppended = (entries: readonly Pick<AuditEntryInput, "action">[]): void => {
    for (const e of entries) this.audit.inc({ action: e.action });
  };

  readonly contributed = (result: Pick<RecordResult, "status" | "recordType">): void => {
    this.contributions.inc({ status: result.status, record_type: result.recordType ?? "unknown" });
  };

  /** The exposition text and its content type. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

export const createHubMetrics = (opts: HubMetricsOptions): HubMetrics => new HubMetrics(opts);
