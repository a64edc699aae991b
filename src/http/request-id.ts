// Request ids: the caller's own x-request-id when it is well-formed (8-64 of A-Z a-z 0-9 . _ -),
// a fresh UUID otherwise; echoed on every response and bound to the request's log lines.
import crypto from "node:crypto";
import type http from "node:http";
import type { FastifyInstance } from "fastify";

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Fastify's genReqId. */
export function requestId(req: http.IncomingMessage): string {
  const incoming = req.headers["x-request-id"];
  return typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}

export function echoRequestId(app: FastifyInstance): void {
  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
}
