// The Apollo Server behind /graphql, with the hub's fixed settings and plugins.
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import type { GraphQLSchema } from "graphql";
import { auditPlugin } from "../audit/plugin";
import type { RequestContext } from "../request/context";
import { requestGuards } from "../guards";
import type { Logger } from "../logger";
import { documentGuardPlugin } from "../policy/document-guard";
import { formatError } from "./format-error";
import { unavailableStatusPlugin } from "./unavailable-status";

export function createApollo(opts: { schema: GraphQLSchema; log: Logger; plugins: ApolloServerPlugin<RequestContext>[] }): ApolloServer<RequestContext> {
  return new ApolloServer<RequestContext>({
    schema: opts.schema,
    // Explicit, never derived from NODE_ENV (see shared/security.md).
    introspection: true, // gated per role by the introspection guard
    hideSchemaDetailsFromClientErrors: true,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    formatError: formatError(opts.log),
    // Automatic persisted queries (Apollo Client's persisted-query link), in Apollo's bounded
    // in-memory LRU cache; a miss answers PERSISTED_QUERY_NOT_FOUND and the client resends.
    persistedQueries: { ttl: 3600 },
    parseOptions: requestGuards.parseOptions,
    validationRules: requestGuards.validationRules,
    plugins: [ApolloServerPluginInlineTraceDisabled(), ...requestGuards.plugins, documentGuardPlugin(), auditPlugin(), unavailableStatusPlugin(), ...opts.plugins],
  });
}
