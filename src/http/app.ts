// Builds the hub's Fastify application: request ids, draining, CORS, body parsing with its 413,
// health routes, /graphql, the web pages, JSON errors and 404s. Extra Fastify plugins (metrics) come in
// through `plugins` (HubServerOptions.fastifyPlugins); nothing here listens.
import type { JSONWebKeySet, JWTVerifyGetKey } from "jose";
import type { AuditCheckpointer } from "../audit/checkpointer";
import { InvalidUtf8Body } from "./utf8-body";
import type { ApolloServer } from "@apollo/server";
import Fastify, { LogController, type FastifyInstance, type FastifyPluginAsync, type FastifyPluginCallback } from "fastify";
import type { Authenticator } from "../auth/authenticator";
import type { Database } from "../db/database";
import { ErrorCodes } from "../errors";
import type { RequestContext } from "../request/context";
import type { Logger } from "../logger";
import type { ResolvedPolicy } from "../policy/resolve";
import { bodyParsers, BadJsonError } from "./body";
import { corsPolicy } from "./cors";
import { federationAuditRoute } from "./federation-audit";
import { graphqlRoute } from "./graphql-route";
import { importRoute } from "../import/http-route";
import { healthRoutes } from "./health";
import { webPages } from "./web-pages";
import type { InFlight } from "./in-flight";
import type { HttpLimits } from "./limits";
import { echoRequestId, requestId } from "./request-id";
import { sendError, sendUnavailable } from "./refusals";

export type HubFastifyPlugin = FastifyPluginAsync | FastifyPluginCallback;

export interface HttpAppOptions {
  apollo: ApolloServer<RequestContext>;
  auth: Authenticator;
  db: Database;
  policy: ResolvedPolicy;
  log: Logger;
  limits: HttpLimits;
  corsOrigins: readonly string[];
  statsMinCell: number;
  contributeRunRecords?: number;
  inFlight: InFlight;
  /** True once shutdown has begun: /readyz 503, new requests 503 SHUTTING_DOWN. */
  draining: () => boolean;
  plugins?: readonly HubFastifyPlugin[];
  /** Keeps the audit log's signed head checkpoint (AUDIT_CHECKPOINT_FILE). */
  auditCheckpointer?: AuditCheckpointer;
  /** The gateway's public keys: subgraphs' audit hand-offs (POST /federation/audit) are accepted when set. */
  gatewayKeys?: JSONWebKeySet | JWTVerifyGetKey;
  /** Largest spreadsheet POST /import accepts (default 20 MiB). */
  maxImportBytes?: number;
  /** The built web pages (src/http/web-pages.ts). @default web/dist */
  webDir?: string;
}

const PUBLIC_DURING_DRAIN = new Set(["/healthz", "/readyz"]);

export async function buildHttpApp(o: HttpAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: o.log,
    // One line per request (onResponse, below), labelled as before the move to Fastify.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: "requestId" }),
    genReqId: requestId,
    bodyLimit: o.limits.maxBodyBytes,
    requestTimeout: o.limits.requestTimeoutMs,
    // Draining is answered by the hook below, in the hub's JSON error shape.
    return503OnClosing: false,
  }) as unknown as FastifyInstance;
  app.server.headersTimeout = Math.min(o.limits.headersTimeoutMs, o.limits.requestTimeoutMs);

  echoRequestId(app);
  app.addHook("onRequest", async (request, reply) => {
    if (o.draining() && !PUBLIC_DURING_DRAIN.has(request.url.split("?")[0]!)) {
      return sendUnavailable(reply.header("connection", "close"), "SHUTTING_DOWN");
    }
  });
  // While draining, every answer closes its connection, so keep-alive clients move elsewhere.
  app.addHook("onSend", async (_request, reply) => {
    if (o.draining()) reply.header("connection", "close");
  });
  app.addHook("onResponse", async (request, reply) => {
    request.log.info({ method: request.method, path: request.url.split("?")[0], status: reply.statusCode, ms: reply.elapsedTime }, "request");
  });

  // Before any route: a route takes the error handler in force when it is registered, and an
  // awaited plugin (pages, import) registers the routes declared before it there and then.
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: "not found" }));
  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (err.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      return sendError(reply, 413, "LIMIT_EXCEEDED", `Request body too large (at most ${o.limits.maxBodyBytes} bytes)`);
    }
    if (err instanceof BadJsonError || err instanceof InvalidUtf8Body) return sendError(reply, 400, "BAD_REQUEST", err.message);
    // Fastify's own refusals of malformed requests (bad content-length, ...): the client's mistake.
    if (typeof err.statusCode === "number" && err.statusCode >= 400 && err.statusCode < 500) {
      return sendError(reply, err.statusCode, "BAD_REQUEST", "Malformed request");
    }
    request.log.error({ err }, "request failed");
    return sendError(reply, 500, "INTERNAL", ErrorCodes.INTERNAL.message);
  });
  await corsPolicy(app, o.corsOrigins);
  bodyParsers(app, o.limits.maxBodyBytes);
  // Before the hub's routes, so a plugin's hooks (fastify-plugin) see every route.
  for (const plugin of o.plugins ?? []) await app.register(plugin);
  healthRoutes(app, { db: o.db, draining: o.draining });
  await app.register(webPages, { dir: o.webDir });
  graphqlRoute(app, o);
  await importRoute(app, o);
  federationAuditRoute(app, { db: o.db, gatewayKeys: o.gatewayKeys, auditCheckpointer: o.auditCheckpointer });

  return app;
}
