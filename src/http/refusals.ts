// The shapes of the HTTP layer's own refusals, so a 401, 413 or 503 looks like a GraphQL error
// answer ({ errors: [{ message, extensions: { code } }] }) whichever layer produced it.
import { HeaderMap } from "@apollo/server";
import type { FastifyReply } from "fastify";
import { ErrorCodes, HubError } from "../errors";
import { RETRY_AFTER_SECONDS } from "./limits";

export const errorBody = (code: string, message: string) => ({ errors: [{ message, extensions: { code } }] });

export function sendError(reply: FastifyReply, status: number, code: string, message: string, headers: Record<string, string> = {}): FastifyReply {
  return reply.code(status).headers(headers).type("application/json; charset=utf-8").send(errorBody(code, message));
}

export type Unavailable = "OVERLOADED" | "SHUTTING_DOWN" | "TIMEOUT";
const RETRY: Record<Unavailable, number> = {
  OVERLOADED: RETRY_AFTER_SECONDS.overloaded,
  SHUTTING_DOWN: RETRY_AFTER_SECONDS.shuttingDown,
  TIMEOUT: RETRY_AFTER_SECONDS.timeout,
};

/** 503 with Retry-After, outside GraphQL (hooks, the deadline timer). */
export function sendUnavailable(reply: FastifyReply, code: Unavailable, message: string = ErrorCodes[code].message): FastifyReply {
  return sendError(reply, 503, code, message, { "retry-after": String(RETRY[code]) });
}

/** The same as a GraphQL error: Apollo turns extensions.http into the status and headers. */
export function unavailableError(code: Unavailable, message: string = ErrorCodes[code].message): HubError {
  return new HubError(code, message, { http: { status: 503, headers: new HeaderMap([["retry-after", String(RETRY[code])]]) } });
}

/** Why a request's work was cancelled (the AbortSignal's reason). */
export function cancelReason(code: Unavailable | "CANCELLED"): HubError {
  return code === "CANCELLED" ? new HubError("CANCELLED") : unavailableError(code);
}

