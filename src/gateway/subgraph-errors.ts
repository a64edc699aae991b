// Errors leave the gateway in the hub's one error family (src/errors.ts). A subgraph that fails
// or exceeds its registry timeout costs only its own part of the answer: those fields are null
// and one error names the subgraph and its agency. Nothing of the subgraph call itself (URL,
// request body with the entity representations) reaches the client.
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { GraphQLError, type ExecutionResult } from "graphql";
import { isHubErrorCode } from "../errors";
import type { Logger } from "../logger";
import type { SubgraphEntry } from "./registry";

/** Codes Hive Gateway's transport gives a failed subgraph call (timeout, refused, HTTP error, bad body). */
const TRANSPORT_CODES = new Set(["GATEWAY_TIMEOUT", "SUBREQUEST_HTTP_ERROR", "DOWNSTREAM_SERVICE_ERROR", "UNEXPECTED_RESPONSE", "TIMEOUT_ERROR"]);

function normalise(e: GraphQLError, bySubgraph: ReadonlyMap<string, SubgraphEntry>, log: Logger): GraphQLError {
  const ext = e.extensions ?? {};
  const subgraph = typeof ext.serviceName === "string" ? ext.serviceName : undefined;
  const entry = subgraph ? bySubgraph.get(subgraph) : undefined;
  const code = ext.code;
  const where = { path: e.path, nodes: e.nodes };
  if (subgraph && entry && (typeof code !== "string" || TRANSPORT_CODES.has(code) || !isHubErrorCode(code))) {
    const timedOut = code === "GATEWAY_TIMEOUT" || /timed? ?out/i.test(e.message);
    log.warn({ subgraph, code, cause: e.message }, "subgraph call failed");
    const message = timedOut
      ? `Subgraph "${subgraph}" (${entry.agency}) did not answer within ${entry.timeoutMs} ms; its fields are null`
      : `Subgraph "${subgraph}" (${entry.agency}) is unavailable; its fields are null`;
    return new GraphQLError(message, { ...where, extensions: { code: "SUBGRAPH_UNAVAILABLE", subgraph, agency: entry.agency } });
  }
  if (isHubErrorCode(code) && code !== "INTERNAL") {
    // The subgraph's own refusal (FORBIDDEN, NOT_FOUND, BAD_USER_INPUT...): kept, with who said it.
    const { serviceName: _s, request: _r, response: _p, ...rest } = ext as Record<string, unknown>;
    return new GraphQLError(e.message, { ...where, extensions: { ...rest, ...(subgraph ? { subgraph } : {}) } });
  }
  log.error({ err: e.originalError ?? e, subgraph }, "unexpected error at the gateway");
  return new GraphQLError("Internal error", { ...where, extensions: { code: "INTERNAL", ...(subgraph ? { subgraph } : {}) } });
}

interface Refusal {
  message: string;
  extensions?: Record<string, unknown>;
}
const refusalsOf = new WeakMap<object, Refusal[]>();
/** Paths of values the hub masked (its response's `extensions.masked`), for the caller's answer. */
const maskedOf = new WeakMap<object, Set<string>>();

/**
 * A subgraph that refuses the document it was sent as a whole (HTTP 403: the hub's document guard,
 * e.g. a filter on a field the caller may not read) refuses the caller's operation as a whole, as
 * the hub does when called directly: 403, no data, its message. A partial answer would tell the
 * caller which of its root fields tripped the rule.
 */
export function subgraphFailures(bySubgraph: ReadonlyMap<string, SubgraphEntry>, log: Logger): GatewayPlugin {
  return {
    onFetch({ context }) {
      return async ({ response }) => {
        if (response.status !== 403 || !("request" in context)) return;
        const body = (await response.clone().json().catch(() => null)) as { data?: unknown; errors?: Refusal[] } | null;
        if (!body?.errors?.length || body.data != null) return;
        const list = refusalsOf.get(context) ?? [];
        list.push(...body.errors.filter((e) => e.extensions?.code === "FORBIDDEN"));
        refusalsOf.set(context, list);
      };
    },
    onSubgraphExecute({ executionRequest }) {
      const context = executionRequest.context as object | undefined;
      if (!context) return;
      return ({ result }) => {
        if (Symbol.asyncIterator in (result as object)) return;
        const masked = (result as ExecutionResult).extensions?.masked;
        if (!Array.isArray(masked) || masked.length === 0) return;
        const set = maskedOf.get(context) ?? new Set<string>();
        for (const m of masked) if (typeof m === "string") set.add(m);
        maskedOf.set(context, set);
      };
    },
    onExecute({ args }) {
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in (result as object)) return;
          const refusals = refusalsOf.get(args.contextValue as object);
          if (refusals?.length) {
            const seen = new Set<string>();
            const errors = refusals.filter((e) => !seen.has(e.message) && seen.add(e.message));
            return setResult({ errors: errors.map((e) => new GraphQLError(e.message, { extensions: { ...e.extensions, code: "FORBIDDEN", http: { status: 403 } } })) });
          }
          const r = result as ExecutionResult;
          const masked = maskedOf.get(args.contextValue as object);
          if (!r.errors?.length && !masked) return;
          setResult({
            ...r,
            ...(r.errors?.length ? { errors: r.errors.map((e) => normalise(e, bySubgraph, log)) } : {}),
            ...(masked ? { extensions: { ...r.extensions, masked: [...masked] } } : {}),
          });
        },
      };
    },
  };
}
