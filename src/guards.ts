// Limits checked before any resolver runs (graphql-armor), with limits never echoed to clients.
import { ApolloArmor } from "@escape.tech/graphql-armor";

const armor = new ApolloArmor({
  blockFieldSuggestion: { enabled: true },
  maxDepth: { enabled: true, n: 12, exposeLimits: false, flattenFragments: true },
  maxAliases: { enabled: true, n: 30, exposeLimits: false },
  maxDirectives: { enabled: true, n: 30, exposeLimits: false },
  maxTokens: { enabled: true, n: 3000, exposeLimits: false },
  costLimit: { enabled: true, maxCost: 20000, exposeLimits: false },
});

export const requestGuards = armor.protect();
