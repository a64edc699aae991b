// Routing, not planning: an operation the hub answers alone (src/gateway/hub-only.ts) is sent to
// the hub as the caller wrote it (query, variables, operationName), after the gateway's own
// authentication, validation and policy check, with the hub's principal token and timeout; the
// hub's answer goes back byte for byte with its status (data, errors, `extensions.masked`).
// Hive Gateway would otherwise re-execute the hub's answer through graphql-js. Everything that
// touches another subgraph still goes through Hive's planner.
import http from "node:http";
import https from "node:https";
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { GraphQLError, buildASTSchema, execute, getOperationAST, parse, printSchema, type DocumentNode, type ExecutionResult, type GraphQLSchema } from "graphql";
import type { Logger } from "../logger";
import type { GatewayRequestContext } from "./forward-principal";
import type { HubOnly } from "./hub-only";
import type { SubgraphEntry } from "./registry";

type Headers = (o: { context: Partial<GatewayRequestContext>; subgraphName: string }) => Promise<Record<string, string>>;

interface YogaContext extends GatewayRequestContext {
  request?: Request;
  params?: { query?: string; variables?: Record<string, unknown>; operationName?: string };
}

/** The hub's answer, carried from execution to the response untouched. */
const RAW = Symbol("hub answer");
interface Raw {
  status: number;
  contentType: string;
  body: Buffer;
}

/** The call's deadline passed (named like AbortSignal.timeout's error). */
class HubTimeout extends Error {
  override name = "TimeoutError";
}

/**
 * One POST over a kept-alive connection, the answer read whole within `timeoutMs`. node:http, not
 * fetch: undici's streams and AbortSignal.timeout cost more per call than the whole routing.
 */
function postJson(url: URL, agent: http.Agent, headers: Record<string, string>, body: string, timeoutMs: number): Promise<{ status: number; contentType: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    let late = false;
    const fail = (err: Error) => {
      clearTimeout(timer);
      reject(late ? new HubTimeout(`no answer within ${timeoutMs} ms`) : err);
    };
    const req = (url.protocol === "https:" ? https : http).request(url, { method: "POST", agent, headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", fail);
      // Cut off mid-answer (deadline or the hub going away): never a truncated body.
      res.on("close", () => res.complete || fail(new Error("the answer was cut off")));
      res.on("end", () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, contentType: res.headers["content-type"] ?? "", body: Buffer.concat(chunks) });
      });
    });
    const timer = setTimeout(() => {
      late = true;
      req.destroy(new HubTimeout(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    req.on("error", fail);
    req.end(body);
  });
}

/** Media types the hub answers in; any other Accept (event streams, multipart) goes to the planner. */
const JSON_ACCEPT = /application\/json|application\/graphql-response\+json|\*\/\*/;
/** Statuses whose JSON body is the hub's answer to the operation (200, its 400 for bad variables, its 403 refusals). */
const ANSWERS = new Set([200, 400, 403]);

export function hubPassThrough(o: { hub: SubgraphEntry; schema: GraphQLSchema; hubOnly: HubOnly; headers: Headers; log: Logger }): GatewayPlugin & { close(): void } {
  // The API schema without Hive's resolvers: executes "the hub is unavailable" into the shape the
  // operation asks for (nullable root fields null, each with the error; a non-null one nulls data).
  const shape = buildASTSchema(parse(printSchema(o.schema)));
  const url = new URL(o.hub.url);
  const agent = new (url.protocol === "https:" ? https : http).Agent({ keepAlive: true });

  function unavailable(args: { document: DocumentNode; variableValues?: unknown; operationName?: string | null }, timedOut: boolean) {
    const message = timedOut
      ? `Subgraph "${o.hub.name}" (${o.hub.agency}) did not answer within ${o.hub.timeoutMs} ms; its fields are null`
      : `Subgraph "${o.hub.name}" (${o.hub.agency}) is unavailable; its fields are null`;
    const error = new GraphQLError(message, { extensions: { code: "SUBGRAPH_UNAVAILABLE", subgraph: o.hub.name, agency: o.hub.agency } });
    return execute({
      schema: shape,
      document: args.document,
      variableValues: args.variableValues as Record<string, unknown> | undefined,
      operationName: args.operationName,
      fieldResolver: () => {
        throw error;
      },
    }) as ExecutionResult;
  }

  async function forward(context: YogaContext): Promise<Raw> {
    const { query, variables, operationName } = context.params!;
    const headers = {
      "content-type": "application/json",
      accept: context.request?.headers.get("accept") ?? "application/json",
      ...(await o.headers({ context, subgraphName: o.hub.name })),
    };
    const res = await postJson(url, agent, headers, JSON.stringify({ query, variables, operationName }), o.hub.timeoutMs);
    if (!ANSWERS.has(res.status) || !/json/.test(res.contentType)) throw new Error(`HTTP ${res.status} ${res.contentType}`);
    return res;
  }

  return {
    close: () => agent.destroy(),
    onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue as YogaContext;
      const accept = context.request?.headers.get("accept");
      if (!context.params?.query || (accept && !JSON_ACCEPT.test(accept)) || !getOperationAST(args.document, args.operationName) || !o.hubOnly(args.document)) return;
      return forward(context).then(
        (raw) => setResultAndStopExecution({ [RAW]: raw } as ExecutionResult),
        (err: unknown) => {
          const timedOut = err instanceof HubTimeout;
          o.log.warn({ subgraph: o.hub.name, cause: err instanceof Error ? err.message : String(err) }, "subgraph call failed");
          setResultAndStopExecution(unavailable(args, timedOut));
        },
      );
    },
    onResultProcess({ result, setResultProcessor }) {
      const raw = !Array.isArray(result) && (result as { [RAW]?: Raw })[RAW];
      if (!raw) return;
      // A Buffer body is written as is by the server adapter (no stream).
      setResultProcessor((_r, fetchAPI) => new fetchAPI.Response(raw.body as unknown as BodyInit, { status: raw.status, headers: { "content-type": raw.contentType } }), raw.contentType);
    },
  };
}
