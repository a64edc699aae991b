// Error mapping for subgraphs: every error leaves with one of the hub's codes (src/errors.ts), as
// the hub's own do, so the gateway and clients see one vocabulary. An agency source that cannot be
// reached (a refused connection, a database that went away) is SERVICE_UNAVAILABLE naming the
// subgraph; anything unexpected is logged in full and leaves as INTERNAL, never with its text.
import type { GraphQLFormattedError } from "graphql";
import { isDatabaseUnavailable } from "../db/unavailable";
import { HubError, type ErrorCode } from "../errors";
import { formatError } from "../http/format-error";
import type { Logger } from "../logger";

export { HubError, type ErrorCode };

/** Throw from a resolver when the agency's own system cannot answer now (retryable). */
export function sourceUnavailable(subgraph: string, detail?: string): HubError {
  return new HubError("SERVICE_UNAVAILABLE", `Subgraph ${subgraph}: its source system is unavailable${detail ? ` (${detail})` : ""}; retry shortly`);
}

/** Throw from a resolver for a client mistake, naming the argument or field at fault. */
export function badInput(message: string, path?: string): HubError {
  return new HubError("BAD_USER_INPUT", message, path ? { field: path } : {});
}

export function subgraphFormatError(subgraph: string, log: Logger) {
  const hub = formatError(log);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = (error as { originalError?: unknown })?.originalError ?? error;
    if (!(original instanceof HubError) && isDatabaseUnavailable(original)) {
      log.warn({ err: original, subgraph }, "source unavailable");
      const e = sourceUnavailable(subgraph);
      return { message: e.message, path: formatted.path, extensions: { code: "SERVICE_UNAVAILABLE" } };
    }
    return hub(formatted, error);
  };
}
