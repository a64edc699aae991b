// The one place a GraphQL error is shaped before it leaves the hub: hub codes pass through, the
// caller's own document mistakes keep their message, a database that cannot be reached becomes
// SERVICE_UNAVAILABLE (retryable, HTTP 503 via ./unavailable-status.ts), anything else INTERNAL.
import type { GraphQLFormattedError } from "graphql";
import { isDatabaseUnavailable } from "../db/unavailable";
import { ErrorCodes, isHubErrorCode } from "../errors";
import type { Logger } from "../logger";

// Codes that may pass through with their message: they describe the caller's own document.
const PASS_THROUGH = new Set(["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_REQUEST", "OPERATION_RESOLUTION_FAILURE", "PERSISTED_QUERY_NOT_SUPPORTED"]);

export function formatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (isHubErrorCode(code) && code !== "INTERNAL") return { ...formatted, extensions: { ...formatted.extensions, stacktrace: undefined } };
    if (typeof code === "string" && PASS_THROUGH.has(code)) {
      return { message: formatted.message, locations: formatted.locations, extensions: { code: code === "GRAPHQL_VALIDATION_FAILED" ? "VALIDATION_FAILED" : "BAD_REQUEST" } };
    }
    if (code === "BAD_USER_INPUT") return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code: "BAD_USER_INPUT" } };
    if (isDatabaseUnavailable(error)) {
      log.warn({ err: error }, "database unavailable");
      return { message: ErrorCodes.SERVICE_UNAVAILABLE.message, path: formatted.path, extensions: { code: "SERVICE_UNAVAILABLE" } };
    }
    // Anything else (Prisma, SQL, bugs) is logged in full and leaves as a generic error.
    log.error({ err: error }, "unexpected error");
    return { message: ErrorCodes.INTERNAL.message, path: formatted.path, extensions: { code: "INTERNAL" } };
  };
}
