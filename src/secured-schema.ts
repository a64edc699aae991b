// The schema as served: built by Pothos, checked against the policy, with the policy enforced
// on every field. Built once per process.
import type { GraphQLSchema } from "graphql";
import { buildSchema } from "./graph";
import { checkSearchDeclarations } from "./policy/document-guard";
import { enforcePolicy } from "./policy/enforce";
import { resolvePolicy, type ResolvedPolicy } from "./policy/resolve";
import { POLICY } from "./policy/rules";

let secured: { schema: GraphQLSchema; policy: ResolvedPolicy } | undefined;

export function securedSchema(): { schema: GraphQLSchema; policy: ResolvedPolicy } {
  if (!secured) {
    const schema = buildSchema();
    const policy = resolvePolicy(POLICY, schema);
    checkSearchDeclarations(schema, policy);
    secured = { schema: enforcePolicy(schema, policy), policy };
  }
  return secured;
}
