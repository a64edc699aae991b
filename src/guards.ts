// Limits checked before any resolver runs (graphql-armor), with limits never echoed to clients.
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { stringInputPlugin } from "./http/string-input";

const armor = new ApolloArmor({
  blockFieldSuggestion: { enabled: true },
  maxDepth: { enabled: true, n: 12, exposeLimits: false, flattenFragments: true },
  maxAliases: { enabled: true, n: 30, exposeLimits: false },
  maxDirectives: { enabled: true, n: 30, exposeLimits: false },
  // The token limit is graphql-js's own (parseOptions below): armor's Apollo plugin parses in a
  // hook, where a plain syntax error became an HTTP 500 instead of GRAPHQL_PARSE_FAILED.
  maxTokens: { enabled: false },
  costLimit: { enabled: true, maxCost: 20000, exposeLimits: false },
});

const protections = armor.protect();
export const requestGuards = {
  ...protections,
  plugins: [stringInputPlugin(), ...protections.plugins],
  /** For ApolloServer's `parseOptions`: a longer document fails parsing (reported as LIMIT_EXCEEDED). */
  parseOptions: { maxTokens: 3000 },
};
