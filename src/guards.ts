// Limits checked before any resolver runs (graphql-armor), with limits never echoed to clients.
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { stringInputPlugin } from "./http/string-input";

/** The same limits at the gateway (EnvelopArmor) and the hub (ApolloArmor). */
export const ARMOR_SETTINGS = {
  blockFieldSuggestion: { enabled: true },
  maxDepth: { enabled: true, n: 12, exposeLimits: false, flattenFragments: true },
  // graphql-armor leaves `__typename` out of the count by default (allowList): 500 aliases of it
  // were accepted. Every aliased field counts.
  maxAliases: { enabled: true, n: 30, exposeLimits: false, allowList: [] },
  maxDirectives: { enabled: true, n: 30, exposeLimits: false },
  // The token limit is graphql-js's own (parseOptions below): armor's Apollo plugin parses in a
  // hook, where a plain syntax error became an HTTP 500 instead of GRAPHQL_PARSE_FAILED.
  maxTokens: { enabled: false },
  costLimit: { enabled: true, maxCost: 20000, exposeLimits: false },
} satisfies ConstructorParameters<typeof ApolloArmor>[0];

const armor = new ApolloArmor(ARMOR_SETTINGS);

const protections = armor.protect();
export const requestGuards = {
  ...protections,
  plugins: [stringInputPlugin(), ...protections.plugins],
  /** For ApolloServer's `parseOptions`: a longer document fails parsing (reported as LIMIT_EXCEEDED). */
  parseOptions: { maxTokens: 3000 },
};
