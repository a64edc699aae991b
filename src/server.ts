// HTTP: POST /graphql (Apollo Server 5 on node:http), GET /healthz, GET /readyz; graceful drain.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, HeaderMap, type GraphQLRequestContext } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import type { GraphQLFormattedError, GraphQLSchema } from "graphql";
import type { Authenticator } from "./auth/authenticator";
import { AuthError } from "./auth/authenticator";
import type { Database } from "./db/database";
import { ErrorCodes } from "./errors";
import { formatError } from "./http/format-error";
import { decodeUtf8Body, InvalidUtf8Body, invalidUtf8Response } from "./http/utf8-body";
import { readiness } from "./http/readiness";
import { unavailableStatusPlugin } from "./http/unavailable-status";
import type { GraphContext } from "./graph/context";
import type { Logger } from "./logger";
import { requestGuards } from "./guards";
import { contributionLimitPlugin } from "./contribute/request-limit";
import { AuditTrail } from "./audit/trail";
import type { AuditCheckpointer } from "./audit/checkpointer";
import { auditPlugin } from "./audit/plugin";
import { Access } from "./policy/access";
import { documentGuardPlugin } from "./policy/document-guard";
import type { ResolvedPolicy } from "./policy/resolve";
import type { HubMetrics } from "./metrics/hub-metrics";
import { metricsPlugin } from "./metrics/apollo-plugin";
import { scrapeResponse } from "./metrics/scrape";

export interface HubServerOptions {
  /** The policy-enforced schema and its resolved policy (src/policy/index.ts securedSchema()). */
  schema: GraphQLSchema;
  policy: ResolvedPolicy;
  db: Database;
  log: Logger;
  auth: Authenticator;
  port: number;
  host?: string;
  /** @default 10000 */
  shutdownTimeoutMs?: number;
  /** @default 1 MiB */
  maxBodyBytes?: number;
  /** Minimum published statistics cell (STATS_MIN_CELL). @default 11 */
  statsMinCell?: number;
  /** Request metrics are recorded when given (src/metrics/). */
  metrics?: HubMetrics;
  /** METRICS=bearer: GET /metrics on this port with this bearer token. */
  metricsToken?: string;
  /** Records one request may contribute (CONTRIBUTE_MAX_RECORDS). @default 100 */
  maxContributionRecords?: number;
  /** Keeps the audit log's signed head checkpoint (AUDIT_CHECKPOINT_FILE); none: no checkpoint. */
  auditCheckpointer?: AuditCheckpointer;
}

export interface HubServer {
  url: string;
  port: number;
  httpServer: http.Server;
  stop(): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(Object.assign(new Error("body too large"), { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => {
      try {
        resolve(decodeUtf8Body(Buffer.concat(chunks)));
      } catch (err) {
        reject(err);
      }
    });
    req.on("error", reject);
  });
}

export { readiness } from "./http/readiness";

export async function startHubServer(opts: HubServerOptions): Promise<HubServer> {
  const { db, log } = opts;
  const maxBody = opts.maxBodyBytes ?? 1024 * 1024;
  const httpServer = http.createServer();
  const apollo = new ApolloServer<GraphContext>({
    schema: opts.schema,
    // Explicit, never derived from NODE_ENV (see shared/security.md).
    introspection: true, // gated per role by the introspection guard
    hideSchemaDetailsFromClientErrors: true,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    formatError: formatError(log),
    // Automatic persisted queries (Apollo Client's persisted-query link), in Apollo's bounded
    // in-memory LRU cache; a miss answers PERSISTED_QUERY_NOT_FOUND and the client resends.
    persistedQueries: { ttl: 3600 },
    parseOptions: requestGuards.parseOptions,
    validationRules: requestGuards.validationRules,
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: opts.shutdownTimeoutMs ?? 10_000 }), ...requestGuards.plugins, contributionLimitPlugin({ maxRecords: opts.maxContributionRecords }), documentGuardPlugin(), auditPlugin(), unavailableStatusPlugin(), ...(opts.metrics ? [metricsPlugin(opts.metrics)] : [])],
  });
  await apollo.start();

  httpServer.on("request", async (req, res) => {
    const incoming = req.headers["x-request-id"];
    const requestId = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
    res.setHeader("x-request-id", requestId);
    const reqLog = log.child({ requestId });
    const started = process.hrtime.bigint();
    res.on("finish", () =>
      reqLog.info({ method: req.method, path: req.url?.split("?")[0], status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }, "request"),
    );
    try {
      const url = new URL(req.url ?? "/", "http://hub.local");
      if (url.pathname === "/healthz" && req.method === "GET") return json(res, 200, { status: "ok" });
      if (url.pathname === "/readyz" && req.method === "GET") {
        const r = await readiness(db);
        return json(res, r.ready ? 200 : 503, { status: r.ready ? "ready" : "not-ready", ...r });
      }
      if (url.pathname === "/metrics" && req.method === "GET" && opts.metrics && opts.metricsToken !== undefined) {
        const r = await scrapeResponse(opts.metrics, { token: opts.metricsToken, authorization: req.headers.authorization });
        return res.writeHead(r.status, r.headers).end(r.body);
      }
      if (url.pathname !== "/graphql") return json(res, 404, { error: "not found" });

      let principal;
      try {
        principal = await opts.auth.authenticate(req, url);
      } catch (err) {
        if (err instanceof AuthError) {
          return json(res, 401, { errors: [{ message: err.message, extensions: { code: "UNAUTHENTICATED" } }] }, { "www-authenticate": 'Bearer realm="tppo-hub"' });
        }
        throw err;
      }

      const headers = new HeaderMap();
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
      let body: unknown = undefined;
      if (req.method === "POST") {
        const raw = await readBody(req, maxBody);
        const ct = headers.get("content-type") ?? "";
        if (ct.startsWith("application/json") || ct.startsWith("application/graphql-response+json")) {
          try {
            body = raw.length ? JSON.parse(raw) : undefined;
          } catch {
            return json(res, 400, { errors: [{ message: "Request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }] });
          }
        } else {
          body = raw;
        }
      }
      const result = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body },
        context: async () => ({
          requestId,
          db,
          log: reqLog,
          principal,
          access: new Access(principal, opts.policy, db),
          audit: new AuditTrail(db.prisma, { requestId, agency: principal.agency, roles: principal.roles, purpose: principal.purpose }),
          auditCheckpointer: opts.auditCheckpointer,
          statsMinCell: opts.statsMinCell ?? 11,
        }),
      });
      for (const [k, v] of result.headers) res.setHeader(k, v);
      res.statusCode = result.status ?? 200;
      if (result.body.kind === "complete") {
        res.end(result.body.string);
      } else {
        for await (const chunk of result.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (err) {
      const status = (err as { status?: number }).status;
      if (status === 413) return json(res, 413, { errors: [{ message: "Request body too large", extensions: { code: "LIMIT_EXCEEDED" } }] });
      if (err instanceof InvalidUtf8Body) return json(res, 400, invalidUtf8Response);
      reqLog.error({ err }, "request failed");
      if (!res.headersSent) json(res, 500, { errors: [{ message: ErrorCodes.INTERNAL.message, extensions: { code: "INTERNAL" } }] });
      else res.end();
    }
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(opts.port, opts.host ?? "0.0.0.0", () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const shownHost = !opts.host || opts.host === "0.0.0.0" || opts.host === "::" ? "localhost" : opts.host;
  return {
    url: `http://${shownHost}:${port}/graphql`,
    port,
    httpServer,
    async stop() {
      // apollo.stop() runs the drain plugin: stops accepting, waits for in-flight requests.
      await apollo.stop();
    },
  };
}

export type { GraphQLRequestContext };
