// Limits checked before any resolver runs (graphql-armor), with limits never echoed to clients.
import { ApolloArmor } from "@escape.tech/graphql-armor";

const armor = new ApolloArmor({
  blockFieldSuggestion: { enabled: true },
  maxDepth: { enabled: true, n: 12, exposeLimits: false, flattenFragments: true },
  // graphql-armor leaves `__typename` out of the count by default (allowList): 500 aliases of it
  // were accepted. Every aliased field counts.
  maxAliases: { enabled: true, n: 30, exposeLimits: false, allowList: [] },
  maxDirectives: { enabled: true, n: 30, exposeLimits: false },
  maxTokens: { enabled: true, n: 3000, exposeLimits: false },
  costLimit: { enabled: true, maxCost: 20000, exposeLimits: false },
});

export const requestGuards = armor.protect();
