// One error family. Every error that leaves the server carries one of these codes; anything
// else is converted to INTERNAL with a generic message (see src/http/format-error.ts).
import { GraphQLError } from "graphql";

export const ErrorCodes = {
  UNAUTHENTICATED: { http: 401, message: "Authentication required" },
  FORBIDDEN: { http: 403, message: "Not permitted" },
  BAD_USER_INPUT: { http: 400, message: "Invalid input" },
  // Apollo Server's standard codes for mistakes in the request itself, kept so that Apollo
  // Client and its links (the persisted-query link) understand them.
  BAD_REQUEST: { http: 400, message: "Malformed request" },
  GRAPHQL_PARSE_FAILED: { http: 400, message: "The document is not valid GraphQL" },
  GRAPHQL_VALIDATION_FAILED: { http: 400, message: "The document failed validation" },
  OPERATION_RESOLUTION_FAILURE: { http: 400, message: "No operation to run" },
  PERSISTED_QUERY_NOT_FOUND: { http: 200, message: "PersistedQueryNotFound" },
  PERSISTED_QUERY_NOT_SUPPORTED: { http: 200, message: "PersistedQueryNotSupported" },
  NOT_FOUND: { http: 404, message: "Not found" },
  VERSION_CONFLICT: { http: 409, message: "Version conflict" },
  LIMIT_EXCEEDED: { http: 400, message: "Request exceeds a limit" },
  SERVICE_UNAVAILABLE: { http: 503, message: "The hub's database is unavailable; nothing was done. Retry shortly." },
  // Back-pressure (src/http/): 503 with Retry-After; nothing of the refused work was done.
  OVERLOADED: { http: 503, message: "The hub is at capacity; retry after the number of seconds in Retry-After" },
  SHUTTING_DOWN: { http: 503, message: "The hub is shutting down; retry after the number of seconds in Retry-After" },
  TIMEOUT: { http: 503, message: "The operation did not finish within its deadline" },
  /** The client closed the connection first; nobody receives this answer, it names the cause in logs. */
  CANCELLED: { http: 499, message: "The client closed the request before the answer" },
  /** The gateway: a subgraph failed or was too slow; its part of the answer is null, the rest is there. */
  SUBGRAPH_UNAVAILABLE: { http: 200, message: "A subgraph did not answer; its part of the data is missing" },
  INTERNAL: { http: 500, message: "Internal error" },
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

export class HubError extends GraphQLError {
  constructor(code: ErrorCode, message: string = ErrorCodes[code].message, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
    this.name = "HubError";
  }
}

export const isHubErrorCode = (code: unknown): code is ErrorCode =>
  typeof code === "string" && Object.prototype.hasOwnProperty.call(ErrorCodes, code);
