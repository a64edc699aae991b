// The gateway: Hive Gateway's runtime (createGatewayRuntime, MIT) serving the composed supergraph
// over node:http, with what TPPO adds around it: the caller authenticated before anything is
// parsed (the hub's own token verification and issuers), the policy check before planning, one
// principal token per subgraph call, per-subgraph timeouts, partial answers naming the subgraph
// that failed, /healthz, /readyz per subgraph and the public JWKS subgraphs verify against.
// Operations the hub answers alone skip Hive's planner: routed to the hub as written.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createGatewayRuntime, type GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { EnvelopArmor } from "@escape.tech/graphql-armor";
import { GraphQLError, type DocumentNode } from "graphql";
import type { Authenticator } from "../auth/authenticator";
import { AuthError } from "../auth/authenticator";
import type { HubKey } from "../auth/hub-key";
import { requestId } from "../http/request-id";
import type { Logger } from "../logger";
import type { Policy } from "../policy/types";
import { principalHeaders, type GatewayRequestContext } from "./forward-principal";
import { hubOnlyDocuments } from "./hub-only";
import { hubPassThrough } from "./hub-pass-through";
import { fieldOwnership, typeOwnership } from "./ownership";
import { gatewayPolicy } from "./policy-check";
import { gatewayReadiness } from "./readiness";
import { HUB_SUBGRAPH, type SubgraphEntry } from "./registry";
import { subgraphFailures } from "./subgraph-errors";
import { ARMOR_SETTINGS } from "../guards";

export interface GatewayOptions {
  supergraph: string;
  registry: readonly SubgraphEntry[];
  /** Verifies the callers' tokens: the same issuers the hub trusts. */
  auth: Authenticator;
  /** The gateway's Ed25519 key: signs the principal tokens, published at /.well-known/jwks.json. */
  key: HubKey;
  log: Logger;
  port: number;
  host: string;
  policy?: Policy;
  /** Route operations the hub answers alone straight to it (default true; false: all through Hive's planner). */
  hubPassThrough?: boolean;
}

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}


const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
};

export async function startGateway(o: GatewayOptions): Promise<RunningGateway> {
  const unknown = fieldOwnershipGraphs(o.supergraph).filter((g) => !o.registry.some((s) => s.name === g));
  if (unknown.length) throw new Error(`the supergraph has subgraphs the registry does not list: ${unknown.join(", ")}`);
  const bySubgraph = new Map(o.registry.map((s) => [s.name, s]));
  let check: ReturnType<typeof gatewayPolicy> | undefined;
  const headers = principalHeaders(o.key);
  // Set once the API schema exists: operations the hub answers alone are routed to it as written.
  let passThrough: ReturnType<typeof hubPassThrough> | undefined;
  const hubRoute: GatewayPlugin = {
    onExecute: (payload) => passThrough?.onExecute?.(payload),
    onResultProcess: (payload) => passThrough?.onResultProcess?.(payload),
  };

  // What the server verified before GraphQL ran, handed to the GraphQL context by request.
  const verified = new WeakMap<http.IncomingMessage, GatewayRequestContext>();
  const verifiedContext: GatewayPlugin = {
    onContextBuilding({ context, extendContext }) {
      const req = (context as { req?: http.IncomingMessage }).req;
      const v = req && verified.get(req);
      if (v) extendContext(v as never);
    },
  };

  // A document the schema refuses is the caller's mistake: HTTP 400, as at the hub (Yoga would
  // answer 200 to application/json).
  const validationStatus: GatewayPlugin = {
    onResultProcess({ result, setResult }) {
      const r = result as { errors?: readonly GraphQLError[]; data?: unknown };
      // Refused before execution (no data): validation and the request guards.
      if (Array.isArray(result) || !r.errors?.length || "data" in r) return;
      setResult({
        errors: r.errors.map((e) => {
          const status = (e.extensions?.http as { status?: number } | undefined)?.status;
          const spec = (e.extensions?.http as { spec?: boolean } | undefined)?.spec;
          // Suggestions are off (security.md): they spell out names the caller did not know.
          const message = e.message.replace(/ ?Did you mean .*\?$/s, "");
          return new GraphQLError(message, {
            nodes: e.nodes,
            source: e.source,
            positions: e.positions,
            extensions: { ...e.extensions, code: e.extensions?.code ?? "GRAPHQL_VALIDATION_FAILED", http: { status: status && !spec ? status : 400 } },
          });
        }),
      });
    },
  };

  const policyPlugin: GatewayPlugin = {
    onExecute({ args, setResultAndStopExecution }) {
      const principal = (args.contextValue as GatewayRequestContext).principal;
      // Unreachable: the server authenticates before GraphQL runs. Never plan for nobody.
      if (!principal || !check) return void setResultAndStopExecution({ errors: [new GraphQLError("Authentication required", { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } })] });
      const errors = check.check(args.document as DocumentNode, principal);
      if (errors.length) setResultAndStopExecution({ errors });
    },
  };

  const runtime = createGatewayRuntime<GatewayRequestContext>({
    supergraph: o.supergraph,
    // The supergraph's URLs are the demo's; the registry says where each subgraph answers now.
    transportEntries: Object.fromEntries(o.registry.map((s) => [s.name, { location: s.url }])),
    upstreamTimeout: ({ subgraphName }) => (subgraphName ? bySubgraph.get(subgraphName)?.timeoutMs : undefined),
    propagateHeaders: { fromClientToSubgraphs: headers },
    plugins: () => [verifiedContext, ...new EnvelopArmor(ARMOR_SETTINGS).protect().plugins, validationStatus, policyPlugin, hubRoute, subgraphFailures(bySubgraph, o.log)],
    graphqlEndpoint: "/graphql",
    landingPage: false,
    graphiql: false,
    logging: false,
    maskedErrors: false,
    // Subgraphs never see the client's headers; the per-subgraph token is all they get.
    healthCheckEndpoint: "/gateway-runtime-healthz",
    readinessCheckEndpoint: "/gateway-runtime-readyz",
  });
  // The API schema clients see: the supergraph without join/link machinery, `_entities` and `_service`.
  const schema = await runtime.getSchema();
  const fields = fieldOwnership(o.supergraph);
  check = gatewayPolicy(schema, fields, o.policy);
  const hub = bySubgraph.get(HUB_SUBGRAPH);
  if (hub && o.hubPassThrough !== false) {
    passThrough = hubPassThrough({ hub, schema, hubOnly: hubOnlyDocuments(schema, fields, typeOwnership(o.supergraph)), headers, log: o.log });
  }
  const jwks = { keys: [o.key.publicJwk] };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://gateway.local");
    const id = requestId(req);
    res.setHeader("x-request-id", id);
    if (req.method === "GET" && url.pathname === "/healthz") return json(res, 200, { status: "ok" });
    if (req.method === "GET" && url.pathname === "/readyz") return void gatewayReadiness(o.registry).then((r) => json(res, 200, r));
    if (req.method === "GET" && url.pathname === "/.well-known/jwks.json") return json(res, 200, jwks, { "cache-control": "public, max-age=300" });
    if (url.pathname !== "/graphql") return json(res, 404, { errors: [{ message: "Not found: the GraphQL endpoint is /graphql", extensions: { code: "NOT_FOUND" } }] });
    // Before the body is read: a request without a valid token costs no parsing.
    o.auth.authenticate(req, url).then(
      (principal) => {
        verified.set(req, { principal, requestId: id });
        return runtime.requestListener(req, res);
      },
      (err: unknown) => {
        if (err instanceof AuthError) return json(res, 401, { errors: [{ message: err.message, extensions: { code: "UNAUTHENTICATED" } }] }, { "www-authenticate": 'Bearer realm="tppo-gateway"' });
        o.log.error({ err }, "authentication failed unexpectedly");
        json(res, 500, { errors: [{ message: "Internal error", extensions: { code: "INTERNAL" } }] });
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, o.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = o.host === "0.0.0.0" || o.host === "::" ? "127.0.0.1" : o.host;
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await runtime.dispose();
      passThrough?.close();
    },
  };
}

/** Registry names of the subgraphs a supergraph composes (its join__Graph values). */
export function fieldOwnershipGraphs(supergraph: string): string[] {
  return [...supergraph.matchAll(/@join__graph\(name: "([^"]+)"/g)].map((m) => m[1]!);
}
