// createSubgraph(): an agency's Federation v2 subgraph with the hub's rules built in. Schema from
// @apollo/subgraph's buildSubgraphSchema; every field wrapped by the policy (./enforce.ts); served
// by Fastify + Apollo Server with the gateway's token checked before anything is parsed.
import type { AddressInfo } from "node:net";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { fastifyApolloHandler } from "@as-integrations/fastify";
import { buildSubgraphSchema, printSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import Fastify, { LogController, type FastifyInstance, type FastifyRequest } from "fastify";
import { addResolversToSchema } from "@graphql-tools/schema";
import { GraphQLScalarType, parse, type DocumentNode, type GraphQLSchema } from "graphql";
import * as jose from "jose";
import { AuthError } from "../auth/authenticator";
import type { Principal } from "../auth/principal";
import { remoteKeySet } from "../auth/remote-jwks";
import { ISSUER_DEFAULTS, type TrustedIssuer } from "../auth/issuers";
import { requestGuards } from "../guards";
import { sendError } from "../http/refusals";
import { createLogger, type Logger } from "../logger";
import type { Policy } from "../policy/types";
import { AuditHandoff, sendAuditHandoff } from "./audit-handoff";
import { createLoaders, type SubgraphContext } from "./context";
import { enforceSubgraphPolicy, rowRuleFor, type RecordIdOf, type RowScope } from "./enforce";
import { subgraphFormatError } from "./errors";
import { gatewayIssuer, verifyPrincipalToken } from "./principal-token";
import { SubgraphConfigError, subgraphAccessPolicy, type SubgraphAccessPolicy } from "./subgraph-policy";

/** Where the gateway's public keys come from (the gateway serves them at /.well-known/jwks.json). */
export type GatewayKeys = { jwks: jose.JSONWebKeySet } | { jwksUrl: string } | { keys: jose.JWTVerifyGetKey };

export interface SubgraphOptions {
  /** The subgraph's name in the gateway's registry: its policy section and its tokens' audience. */
  name: string;
  /** Federation v2 SDL (with `@link(url: "https://specs.apollo.dev/federation/v2.x", import: [...])`). */
  typeDefs: string | DocumentNode;
  /** Resolvers in the graphql-tools shape; `__resolveReference` for entities. Context: SubgraphContext. */
  resolvers: GraphQLResolverMap<SubgraphContext>;
  /** One implementation per row scope its policy section names (POLICY.subgraphs[name].scopes). */
  scopes: Readonly<Record<string, RowScope>>;
  /** The gateway's public keys: only tokens it signed for `name` are accepted. */
  gateway: GatewayKeys;
  /** The hub's audit hand-off endpoint, e.g. http://127.0.0.1:4001/federation/audit. */
  hubAuditUrl: string;
  /** How to name rows in the audit log, per type. @default row.id */
  recordIds?: Readonly<Record<string, RecordIdOf>>;
  /** Readiness of the agency's source for GET /readyz: throw (or reject) when it cannot answer. */
  ready?: () => unknown;
  /** @default a pino logger at LOG_LEVEL */
  log?: Logger;
  /** @default 5000: how long the hub may take to record the audit hand-off before values are withheld. */
  auditTimeoutMs?: number;
  /** @default 1 MiB */
  maxBodyBytes?: number;
  /** The access policy. @default POLICY (src/policy/rules.ts) */
  policy?: Policy;
}

export interface Subgraph {
  name: string;
  /** The policy-enforced executable schema. */
  schema: GraphQLSchema;
  /** The subgraph's SDL as the gateway composes it (`_service { sdl }`). */
  sdl: string;
  access: SubgraphAccessPolicy;
  /** Starts listening; port 0 picks a free port. @default host 127.0.0.1 */
  listen(opts?: { port?: number; host?: string }): Promise<{ url: string; port: number }>;
  /** The /graphql URL once listening. */
  url: string | undefined;
  stop(): Promise<void>;
}

const BEARER = /^Bearer ([A-Za-z0-9_\-.]+)$/i;
const OPEN_PATHS = new Set(["/healthz", "/readyz"]);

/**
 * The subgraph's schema: federation's own fields and entity references from @apollo/subgraph, the
 * agency's resolvers attached by @graphql-tools/schema, which refuses a resolver for a type or
 * field the SDL does not have (a misspelt mapping would otherwise be silently ignored).
 */
function buildSchema(name: string, typeDefs: DocumentNode, resolvers: GraphQLResolverMap<SubgraphContext>): GraphQLSchema {
  const references: GraphQLResolverMap<SubgraphContext> = {};
  const rest: Record<string, unknown> = {};
  for (const [typeName, r] of Object.entries(resolvers)) {
    if (r && typeof r === "object" && !(r instanceof GraphQLScalarType) && "__resolveReference" in r) {
      const { __resolveReference, ...fields } = r as Record<string, unknown>;
      references[typeName] = { __resolveReference } as never;
      rest[typeName] = fields;
    } else rest[typeName] = r;
  }
  const schema = buildSubgraphSchema([{ typeDefs, resolvers: references }]);
  try {
    return addResolversToSchema({ schema, resolvers: rest as never, updateResolversInPlace: true, resolverValidationOptions: { requireResolversToMatchSchema: "error" } });
  } catch (err) {
    throw new SubgraphConfigError(name, [`resolvers: ${(err as Error).message}`]);
  }
}

function gatewayKeyResolver(g: GatewayKeys): jose.JSONWebKeySet | jose.JWTVerifyGetKey {
  if ("jwks" in g) return g.jwks;
  if ("keys" in g) return g.keys;
  return remoteKeySet(new URL(g.jwksUrl), {
    name: "gateway",
    cooldownMs: ISSUER_DEFAULTS.jwksCooldownSeconds * 1000,
    cacheMaxAgeMs: ISSUER_DEFAULTS.jwksCacheMaxAgeSeconds * 1000,
    timeoutMs: ISSUER_DEFAULTS.jwksTimeoutMs,
  });
}

/** Builds the subgraph and checks it against its policy section; throws SubgraphConfigError listing every problem. */
export function createSubgraph(opts: SubgraphOptions): Subgraph {
  const log = opts.log ?? createLogger();
  const typeDefs = typeof opts.typeDefs === "string" ? parse(opts.typeDefs) : opts.typeDefs;
  const schema = buildSchema(opts.name, typeDefs, opts.resolvers);
  const sdl = printSubgraphSchema(schema);
  const access = subgraphAccessPolicy(opts.name, schema, Object.keys(opts.scopes), opts.policy);
  enforceSubgraphPolicy(schema, access, opts.scopes, opts.recordIds);
  const issuer: TrustedIssuer = gatewayIssuer(gatewayKeyResolver(opts.gateway), opts.name);

  let app: FastifyInstance | undefined;
  let apollo: ApolloServer<SubgraphContext> | undefined;
  let url: string | undefined;

  const subgraph: Subgraph = {
    name: opts.name,
    schema,
    sdl,
    access,
    get url() {
      return url;
    },
    async listen(l = {}) {
      apollo = new ApolloServer<SubgraphContext>({
        schema,
        // Explicit, never from NODE_ENV: the gateway composes from the SDL, nobody introspects.
        introspection: false,
        hideSchemaDetailsFromClientErrors: true,
        includeStacktraceInErrorResponses: false,
        allowBatchedHttpRequests: false,
        csrfPrevention: true,
        formatError: subgraphFormatError(opts.name, log),
        parseOptions: requestGuards.parseOptions,
        validationRules: requestGuards.validationRules,
        plugins: [ApolloServerPluginInlineTraceDisabled(), ...requestGuards.plugins, auditHandoffPlugin(opts.hubAuditUrl, opts.auditTimeoutMs ?? 5000, opts.name) as ApolloServerPlugin<SubgraphContext>],
      });
      await apollo.start();
      app = await buildApp(apollo, issuer, opts, access, log);
      await app.listen({ port: l.port ?? 0, host: l.host ?? "127.0.0.1" });
      const port = (app.server.address() as AddressInfo).port;
      url = `http://${l.host && l.host !== "0.0.0.0" ? l.host : "127.0.0.1"}:${port}/graphql`;
      return { url, port };
    },
    async stop() {
      await app?.close();
      await apollo?.stop();
    },
  };
  return subgraph;
}

async function buildApp(apollo: ApolloServer<SubgraphContext>, issuer: TrustedIssuer, opts: SubgraphOptions, access: SubgraphAccessPolicy, log: Logger): Promise<FastifyInstance> {
  const app = Fastify({ loggerInstance: log, logController: new LogController({ disableRequestLogging: true }), bodyLimit: opts.maxBodyBytes ?? 1024 * 1024 }) as unknown as FastifyInstance;
  const verified = new WeakMap<FastifyRequest, { principal: Principal; token: string; jti?: string }>();

  // Before the body is read: without the gateway's token for this subgraph, nothing is parsed.
  app.addHook("onRequest", async (request, reply) => {
    if (OPEN_PATHS.has(request.url.split("?")[0]!)) return;
    try {
      const m = BEARER.exec(request.headers.authorization ?? "");
      if (!m) throw new AuthError("This subgraph answers only the TPPO gateway: Authorization: Bearer <gateway token> required");
      const principal = await verifyPrincipalToken(m[1]!, issuer);
      const jti = jose.decodeJwt(m[1]!).jti;
      verified.set(request, { principal, token: m[1]!, jti: typeof jti === "string" ? jti : undefined });
    } catch (err) {
      if (!(err instanceof AuthError)) throw err;
      return sendError(reply, 401, "UNAUTHENTICATED", err.message, { "www-authenticate": `Bearer realm="${opts.name}"` });
    }
  });

  app.get("/healthz", async () => ({ status: "ok", subgraph: opts.name }));
  app.get("/readyz", async (_request, reply) => {
    try {
      await opts.ready?.();
      return { status: "ready", ready: true, subgraph: opts.name };
    } catch (err) {
      log.warn({ err }, "subgraph source not ready");
      return reply.code(503).send({ status: "not-ready", ready: false, subgraph: opts.name, reason: "its source system is unavailable" });
    }
  });

  const handler = fastifyApolloHandler<SubgraphContext>(apollo, {
    context: async (request) => {
      const v = verified.get(request)!;
      return {
        principal: v.principal,
        requestId: v.jti ?? request.id,
        log: request.log as Logger,
        loader: createLoaders(),
        rowRule: (typeName: string) => rowRuleFor(access, typeName, v.principal) ?? "all",
        kit: { protection: new WeakMap(), audit: new AuditHandoff(), token: v.token },
      };
    },
  });
  app.route({ method: ["GET", "POST"], url: "/graphql", handler });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: "not found" }));
  return app;
}

/** Sets the value at `path` in `data` to null (the withheld value). */
function nullAt(data: unknown, path: readonly (string | number)[]): void {
  let node = data as Record<string | number, unknown> | null;
  for (let i = 0; i < path.length - 1; i++) {
    node = (node?.[path[i]!] ?? null) as Record<string | number, unknown> | null;
    if (node === null || typeof node !== "object") return;
  }
  if (node && typeof node === "object") node[path[path.length - 1]!] = null;
}

/** Awaits the audit hand-off before the answer leaves; withholds the sensitive values if the hub does not take it. */
function auditHandoffPlugin(url: string, timeoutMs: number, subgraph: string): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue: ctx, response, operationName }) {
          const audit = ctx.kit?.audit;
          if (!audit || audit.entries.length === 0) return;
          try {
            await sendAuditHandoff(url, ctx.kit.token, { operationName: operationName ?? null, entries: audit.entries }, timeoutMs);
          } catch (err) {
            ctx.log.error({ err, subgraph }, "audit hand-off failed: sensitive values withheld");
            if (!audit.hasReads || response.body.kind !== "single") return;
            const result = response.body.singleResult;
            const errors = [...(result.errors ?? [])];
            for (const path of audit.releasedPaths) {
              nullAt(result.data, path);
              errors.push({
                message: `Withheld: subgraph ${subgraph} could not record this release in the hub's audit log (${(err as Error).message})`,
                path,
                extensions: { code: "SERVICE_UNAVAILABLE" },
              });
            }
            result.errors = errors;
          }
        },
      };
    },
  };
}
