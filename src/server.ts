// The hub's HTTP server: Fastify (src/http/app.ts) with Apollo on /graphql, /healthz, /readyz;
// admission control, per-request deadlines and a graceful shutdown bounded by its timeout.
import type http from "node:http";
import type { JSONWebKeySet, JWTVerifyGetKey } from "jose";
import type { AddressInfo } from "node:net";
import type { ApolloServerPlugin } from "@apollo/server";
import type { FastifyInstance } from "fastify";
import type { GraphQLSchema } from "graphql";
import type { Authenticator } from "./auth/authenticator";
import type { Database } from "./db/database";
import type { RequestContext } from "./request/context";
import { Admission, admissionPlugin } from "./http/admission";
import { createApollo } from "./http/apollo";
import { buildHttpApp, type HubFastifyPlugin } from "./http/app";
import { deferUntilRequestEnds } from "./http/graphql-route";
import { InFlight } from "./http/in-flight";
import { HTTP_LIMIT_DEFAULTS, type HttpLimits } from "./http/limits";
import { drain } from "./http/shutdown";
import type { Logger } from "./logger";
import type { ResolvedPolicy } from "./policy/resolve";
import type { AuditCheckpointer } from "./audit/checkpointer";
import { contributionLimitPlugin } from "./contribute/request-limit";
import { metricsPlugin } from "./metrics/apollo-plugin";
import type { HubMetrics } from "./metrics/hub-metrics";
import { metricsRoute } from "./http/metrics-route";

export { readiness } from "./http/readiness";

export interface HubServerOptions {
  /** The policy-enforced schema and its resolved policy (src/policy/index.ts securedSchema()). */
  schema: GraphQLSchema;
  policy: ResolvedPolicy;
  db: Database;
  log: Logger;
  auth: Authenticator;
  port: number;
  host?: string;
  /** stop() ends within this, cancelling work still in flight near the end. @default 10000 */
  shutdownTimeoutMs?: number;
  /** @default 1 MiB (also settable through `limits`) */
  maxBodyBytes?: number;
  /** Minimum published statistics cell (STATS_MIN_CELL). @default 11 */
  statsMinCell?: number;
  /** Admission, deadlines and HTTP timeouts; see src/http/limits.ts for the defaults. */
  limits?: Partial<HttpLimits>;
  /** Origins allowed to call the hub from a browser (CORS_ORIGINS). @default [] */
  corsOrigins?: readonly string[];
  /** More Fastify plugins (e.g. GET /metrics), registered before the hub's routes. */
  fastifyPlugins?: readonly HubFastifyPlugin[];
  /** More Apollo plugins, after the hub's own. */
  apolloPlugins?: readonly ApolloServerPlugin<RequestContext>[];
  /** Request metrics are recorded when given (src/metrics/). */
  metrics?: HubMetrics;
  /** METRICS=bearer: GET /metrics on this port with this bearer token. */
  metricsToken?: string;
  /** Records one request may contribute (CONTRIBUTE_MAX_RECORDS). @default 100 */
  maxContributionRecords?: number;
  /** Records per bulk transaction of a batch (CONTRIBUTE_RUN_RECORDS). @default 1000 */
  contributeRunRecords?: number;
  /** Keeps the audit log's signed head checkpoint (AUDIT_CHECKPOINT_FILE); none: no checkpoint. */
  auditCheckpointer?: AuditCheckpointer;
  /** The gateway's public keys (GATEWAY_JWKS): subgraphs' audit hand-offs (POST /federation/audit) are accepted when set. */
  gatewayKeys?: JSONWebKeySet | JWTVerifyGetKey;
  /** Largest spreadsheet POST /import accepts (default 20 MiB). */
  maxImportBytes?: number;
}

export interface HubServer {
  url: string;
  port: number;
  httpServer: http.Server;
  app: FastifyInstance;
  /** Operations executing and queued (admission control). */
  admissionStats(): { running: number; runningMutations: number; queued: number };
  stop(): Promise<void>;
}

export async function startHubServer(opts: HubServerOptions): Promise<HubServer> {
  const limits: HttpLimits = { ...HTTP_LIMIT_DEFAULTS, ...(opts.maxBodyBytes ? { maxBodyBytes: opts.maxBodyBytes } : {}), ...opts.limits };
  const admission = new Admission({
    maxOperations: limits.maxConcurrentOperations,
    maxMutations: limits.maxConcurrentMutations,
    queueSize: limits.admissionQueueSize,
    queueTimeoutMs: limits.admissionQueueTimeoutMs,
  });
  const inFlight = new InFlight(limits.operationTimeoutMs);
  const apollo = createApollo({ schema: opts.schema, log: opts.log, plugins: [
      admissionPlugin(admission, deferUntilRequestEnds),
      contributionLimitPlugin({ maxRecords: opts.maxContributionRecords }),
      ...(opts.metrics ? [metricsPlugin(opts.metrics)] : []),
      ...(opts.apolloPlugins ?? []),
    ],
  });
  await apollo.start();
  let draining = false;
  const app = await buildHttpApp({
    apollo,
    auth: opts.auth,
    db: opts.db,
    policy: opts.policy,
    log: opts.log,
    limits,
    corsOrigins: opts.corsOrigins ?? [],
    statsMinCell: opts.statsMinCell ?? 11,
    contributeRunRecords: opts.contributeRunRecords,
    inFlight,
    draining: () => draining,
    auditCheckpointer: opts.auditCheckpointer,
    gatewayKeys: opts.gatewayKeys,
    maxImportBytes: opts.maxImportBytes,
    plugins: [async (app: FastifyInstance) => metricsRoute(app, { metrics: opts.metrics, token: opts.metricsToken }), ...(opts.fastifyPlugins ?? [])],
  });
  try {
    await app.listen({ port: opts.port, host: opts.host ?? "0.0.0.0" });
  } catch (err) {
    await apollo.stop();
    throw err;
  }
  const port = (app.server.address() as AddressInfo).port;
  const shownHost = !opts.host || opts.host === "0.0.0.0" || opts.host === "::" ? "localhost" : opts.host;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${port}/graphql`,
    port,
    httpServer: app.server,
    app,
    admissionStats: () => admission.stats,
    stop() {
      stopping ??= (async () => {
        draining = true;
        await drain({ app, inFlight, timeoutMs: opts.shutdownTimeoutMs ?? 10_000, log: opts.log });
        await apollo.stop();
      })();
      return stopping;
    },
  };
}
