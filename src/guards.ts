// Limits checked before any resolver runs (graphql-armor), with limits never echoed to clients.
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { stringInputPlugin } from "./http/string-input";
import { tokenLimitPlugin } from "./http/token-limit";

const armor = new ApolloArmor({
  blockFieldSuggestion: { enabled: true },
  maxDepth: { enabled: true, n: 12, exposeLimits: false, flattenFragments: true },
  maxAliases: { enabled: true, n: 30, exposeLimits: false },
  maxDirectives: { enabled: true, n: 30, exposeLimits: false },
  // Our own token limit below: armor's parses in a plugin hook and turns syntax errors into 500s.
  maxTokens: { enabled: false },
  costLimit: { enabled: true, maxCost: 20000, exposeLimits: false },
});

const protections = armor.protect();
export const requestGuards = { ...protections, plugins: [tokenLimitPlugin({ n: 3000 }), stringInputPlugin(), ...protections.plugins] };
