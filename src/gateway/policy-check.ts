// The gateway's policy check, before any query plan exists: every field the document selects
// (aliases, named and inline fragments, fragments on interfaces and unions: graphql-js's visitor
// with TypeInfo sees each Field node once, wherever it sits) is decided by the policy of the
// subgraphs that resolve it. The hub's own fields are left to the hub, which applies its rules
// (grants, masks, row scopes, protections) and refuses with the same message. A subgraph field
// with no policy entry, or from a subgraph without a policy section, is denied.
import {
  GraphQLError,
  TypeInfo,
  getNamedType,
  isAbstractType,
  isObjectType,
  validate,
  type ASTVisitor,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
} from "graphql";
import type { Principal } from "../auth/principal";
import { effectFor, resolveSubgraphPolicy } from "../policy/federated";
import type { ResolvedPolicy } from "../policy/resolve";
import { POLICY } from "../policy/rules";
import type { Policy } from "../policy/types";
import type { Ownership } from "./ownership";
import { HUB_SUBGRAPH } from "./registry";

type Caller = Pick<Principal, "roles" | "purpose">;

export interface GatewayPolicy {
  /** The refusals for `document` (empty: it may be planned). Cached per document and role set. */
  check(document: DocumentNode, caller: Caller): readonly GraphQLError[];
}

const forbidden = (message: string, coordinate: string, rule: string) =>
  new GraphQLError(message, { extensions: { code: "FORBIDDEN", coordinate, rule, http: { status: 403 } } });

export function gatewayPolicy(schema: GraphQLSchema, ownership: Ownership, policy: Policy = POLICY): GatewayPolicy {
  // Each subgraph's section resolved once, against the API schema (names checked: a misspelt
  // field stops the gateway at start). No section: null, and all its fields are denied.
  const sections = new Map<string, ResolvedPolicy | null>();
  for (const owners of ownership.values()) {
    for (const name of owners) {
      if (name === HUB_SUBGRAPH || sections.has(name)) continue;
      sections.set(name, policy.subgraphs[name] ? resolveSubgraphPolicy(name, schema, policy) : null);
    }
  }
  const introspectionRoles = new Set<string>(policy.introspection);

  /** Why `Type.field` is refused for the caller, or null when the gateway may plan it. */
  function refusal(caller: Caller, type: string, field: string): GraphQLError | null {
    const coordinate = `${type}.${field}`;
    const owners = ownership.get(coordinate);
    if (!owners || owners.size === 0) return forbidden(`Not permitted: ${coordinate}`, coordinate, "undecided");
    if (owners.has(HUB_SUBGRAPH)) return null;
    for (const name of owners) {
      const resolved = sections.get(name);
      if (!resolved) return forbidden(`Not permitted: ${coordinate}`, coordinate, `subgraphs.${name} (no policy section: undecided)`);
      if (effectFor(resolved, caller, coordinate).kind === "deny") {
        const c = resolved.coordinates.get(coordinate);
        return forbidden(`Not permitted: ${coordinate}`, coordinate, c ? `subgraphs.${name}.${c.rulePath}` : `subgraphs.${name} (undecided)`);
      }
    }
    return null;
  }

  function rule(caller: Caller) {
    return (context: ValidationContext): ASTVisitor => {
      const reported = new Set<string>();
      const report = (e: GraphQLError | null) => {
        if (!e) return;
        const key = String(e.extensions.coordinate);
        if (reported.has(key)) return;
        reported.add(key);
        context.reportError(e);
      };
      return {
        Field(node) {
          const name = node.name.value;
          if (name === "__typename") return;
          if (name === "__schema" || name === "__type") {
            if (!caller.roles.some((r) => introspectionRoles.has(r))) {
              report(forbidden("Introspection is not available to this role; the schema is published in schema/supergraph.graphql", `Query.${name}`, "introspection"));
            }
            return;
          }
          const parent = context.getParentType();
          // Inside __schema / __type: introspection was decided at its root field above.
          if (!parent || name.startsWith("__") || parent.name.startsWith("__")) return;
          // A field selected on an interface or union is resolved on its object types: each is decided.
          const types = isAbstractType(parent) ? schema.getPossibleTypes(parent).filter((t) => t.getFields()[name]) : isObjectType(parent) ? [parent] : [];
          if (types.length === 0) {
            // An interface field with no implementing object: still needs its own decision.
            report(refusal(caller, getNamedType(parent).name, name));
            return;
          }
          for (const t of types) report(refusal(caller, t.name, name));
        },
      };
    };
  }

  const cache = new WeakMap<DocumentNode, Map<string, readonly GraphQLError[]>>();
  return {
    check(document, caller) {
      const key = `${[...caller.roles].sort().join(",")}|${caller.purpose}`;
      let byCaller = cache.get(document);
      if (!byCaller) cache.set(document, (byCaller = new Map()));
      let errors = byCaller.get(key);
      if (!errors) {
        errors = validate(schema, document, [rule(caller)], { maxErrors: 100 }, new TypeInfo(schema));
        byCaller.set(key, errors);
      }
      return errors;
    },
  };
}
