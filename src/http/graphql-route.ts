// /graphql: authenticate (401 before anything else), then Apollo through its official Fastify
// integration, with a fresh per-request context (principal, access, audit trail, abort signal).
import { fastifyApolloHandler } from "@as-integrations/fastify";
import type { ApolloServer } from "@apollo/server";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AuditCheckpointer } from "../audit/checkpointer";
import { AuthError, type Authenticator } from "../auth/authenticator";
import type { Principal } from "../auth/principal";
import type { Database } from "../db/database";
import type { RequestContext } from "../request/context";
import type { Logger } from "../logger";
import type { ResolvedPolicy } from "../policy/resolve";
import type { InFlight, Operation } from "./in-flight";
import { sendError } from "./refusals";
import { requestContext } from "./request-context";

export interface GraphqlRouteOptions {
  apollo: ApolloServer<RequestContext>;
  auth: Authenticator;
  db: Database;
  policy: ResolvedPolicy;
  statsMinCell: number;
  contributeRunRecords?: number;
  inFlight: InFlight;
  auditCheckpointer?: AuditCheckpointer;
}

interface Pending {
  principal: Principal;
  op?: Operation;
}

/**
 * The request behind each context, keyed by its signal (Apollo hands plugins a shallow copy of
 * the context): lets the admission plugin tie its slot to the request's end.
 */
const operations = new WeakMap<AbortSignal, Operation>();

export function deferUntilRequestEnds(ctx: RequestContext, fn: () => void): void {
  const op = operations.get(ctx.signal);
  if (op) op.defer(fn);
  else fn();
}

export function graphqlRoute(app: FastifyInstance, o: GraphqlRouteOptions): void {
  const pending = new WeakMap<FastifyRequest, Pending>();
  const apolloHandler = fastifyApolloHandler<RequestContext>(o.apollo, {
    context: async (request) => {
      const { principal, op } = pending.get(request)!;
      const log = request.log as Logger;
      const ctx = requestContext(o, principal, request.id, log, op!.signal);
      operations.set(op!.signal, op!);
      return ctx;
    },
  });

  app.route({
    // Apollo answers the methods it does not serve (405) itself, as before the move to Fastify.
    method: ["GET", "POST", "PUT", "PATCH", "DELETE"],
    url: "/graphql",
    // Before the body is read: a request without a valid token costs no parsing.
    onRequest: async (request, reply) => {
      try {
        pending.set(request, { principal: await o.auth.authenticate(request.raw, new URL(request.url, "http://hub.local")) });
      } catch (err) {
        if (!(err instanceof AuthError)) throw err;
        return sendError(reply, 401, "UNAUTHENTICATED", err.message, { "www-authenticate": 'Bearer realm="tppo-hub"' });
      }
    },
    handler: async function (request, reply) {
      const op = o.inFlight.begin(reply);
      pending.get(request)!.op = op;
      try {
        const body = await apolloHandler.call(this, request as never, reply as never);
        // After the deadline's 503, or with the client gone, there is nobody to answer.
        return op.answered ? undefined : body;
      } finally {
        op.end();
      }
    },
  });
}
