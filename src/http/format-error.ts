// The one place a GraphQL error is shaped before it leaves the hub: hub codes pass through, the
// caller's own document mistakes keep their message, a database that cannot be reached becomes
// SERVICE_UNAVAILABLE (retryable, HTTP 503 via ./unavailable-status.ts), anything else INTERNAL.
import type { GraphQLFormattedError } from "graphql";
import { isDatabaseUnavailable } from "../db/unavailable";
import { ErrorCodes, isHubErrorCode } from "../errors";
import type { Logger } from "../logger";

// Apollo Server's codes for the caller's own request or document: they keep Apollo's code (Apollo
// Client branches on it) and message, and nothing else. Suggestions are off (security.md) and the
// guards' messages never name their limits.
const APOLLO_REQUEST_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);

/** HTTP status Apollo attached to an error it raised about the request (e.g. an APQ hash mismatch). */
function requestStatus(error: unknown): number | undefined {
  const status = (error as { extensions?: { http?: { status?: unknown } } } | null)?.extensions?.http?.status;
  return typeof status === "number" ? status : undefined;
}

export function formatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    // graphql-js's token limit (parseOptions.maxTokens) fails as a syntax error naming the limit
    // (graphql 16 spells it "more that").
    if (code === "GRAPHQL_PARSE_FAILED" && /^Syntax Error: Document contains more tha[nt] \d+ tokens/.test(formatted.message)) {
      return { message: ErrorCodes.LIMIT_EXCEEDED.message, extensions: { code: "LIMIT_EXCEEDED" } };
    }
    if (typeof code === "string" && APOLLO_REQUEST_CODES.has(code)) {
      return { message: formatted.message, locations: formatted.locations, extensions: { code } };
    }
    if (isHubErrorCode(code) && code !== "INTERNAL") return { ...formatted, extensions: { ...formatted.extensions, stacktrace: undefined } };
    if (code === "BAD_USER_INPUT") return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code: "BAD_USER_INPUT" } };
    if (isDatabaseUnavailable(error)) {
      log.warn({ err: error }, "database unavailable");
      return { message: ErrorCodes.SERVICE_UNAVAILABLE.message, path: formatted.path, extensions: { code: "SERVICE_UNAVAILABLE" } };
    }
    // graphql-js stops coercing variables after 50 problems with an error that has no code.
    if (!formatted.path && formatted.message.startsWith("Too many errors processing variables")) {
      return { message: formatted.message, extensions: { code: "BAD_USER_INPUT" } };
    }
    // Apollo's own refusals of a malformed request come without a code but with a 4xx status.
    const status = requestStatus(error);
    if (!formatted.path && status !== undefined && status >= 400 && status < 500) {
      return { message: formatted.message, extensions: { code: "BAD_REQUEST" } };
    }
    // Anything else (Prisma, SQL, bugs) is logged in full and leaves as a generic error.
    log.error({ err: error }, "unexpected error");
    return { message: ErrorCodes.INTERNAL.message, path: formatted.path, extensions: { code: "INTERNAL" } };
  };
}
