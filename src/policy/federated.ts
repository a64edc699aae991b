// The policy for a subgraph's coordinates (POLICY.subgraphs), resolved against that subgraph's
// own schema with the same code as the hub's. Used by the gateway (refuse before planning) and by
// the adapter kit (masks, purposes, protections and row scopes inside the subgraph).
import type { GraphQLSchema } from "graphql";
import type { Principal } from "../auth/principal";
import { applyPurpose, combine, PolicyError, resolvePolicy, type ResolvedEffect, type ResolvedPolicy } from "./resolve";
import type { Role } from "./roles";
import { POLICY } from "./rules";
import type { Policy, SubgraphPolicy, TypePolicy } from "./types";

export function subgraphSection(name: string, policy: Policy = POLICY): SubgraphPolicy {
  const section = policy.subgraphs[name];
  if (!section) throw new PolicyError(`the access policy has no section for subgraph "${name}" (src/policy/rules.ts, subgraphs)`);
  return section;
}

/**
 * The section of subgraph `name`, checked against `schema` (the subgraph's own SDL): a misspelt
 * type or field, or a carrier granted wider than its class, is an error.
 */
export function resolveSubgraphPolicy(name: string, schema: GraphQLSchema, policy: Policy = POLICY): ResolvedPolicy {
  const section = subgraphSection(name, policy);
  return resolvePolicy(
    {
      ...policy,
      // Row rules name the subgraph's scopes, which its adapter implements; the shape is the hub's.
      types: section.types as Readonly<Record<string, TypePolicy>>,
      carriers: { ...policy.carriers, fields: section.carriers },
      structuralTypes: [],
    },
    schema,
  );
}

/** The effect of `Type.field` for the caller: the most permissive of its roles, purpose applied; undecided is deny. */
export function effectFor(resolved: ResolvedPolicy, principal: Pick<Principal, "roles" | "purpose">, coordinate: string): ResolvedEffect {
  const c = resolved.coordinates.get(coordinate);
  if (!c) return { kind: "deny" };
  return combine(principal.roles.map((r) => applyPurpose(c.grants.get(r as Role), principal.purpose)));
}
