// Derives from the policy which fields may be refused or blanked for some caller, and makes
// exactly those nullable in the schema. GraphQL propagates a null in a non-null field to the
// nearest nullable parent: one denied `Case.participants` would otherwise blank the whole page
// (`data: null`). Derived, never written by hand per field, so a policy change moves the SDL with it.
import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type FieldDefinitionNode,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";
import type { ResolvedGrant, ResolvedPolicy } from "./resolve";
import { ROLES, type Role } from "./roles";

type Reach = "never" | "sometimes" | "always";

/** What a role's grant promises: no value ever, a value for some purposes or masked, or always the value. */
function reachOf(g: ResolvedGrant | undefined): Reach {
  if (!g) return "never";
  if (g.kind === "allow") return "always";
  if (g.kind === "deny") return "never";
  if (g.kind === "mask") return "sometimes";
  return g.then.kind === "deny" && g.else.kind === "deny" ? "never" : "sometimes";
}

/**
 * Coordinates (`Type.field`) whose value some caller that can reach the type may not get:
 * denied or purpose-conditional or masked for a role that reaches the type, identity fields
 * (the child and consent protections apply per row), and to-one links to row-scoped types
 * (out of scope looks like missing: null). Federation's own fields (`_entities`, `_service`)
 * keep the shape the federation spec gives them.
 */
export function gatedCoordinates(schema: GraphQLSchema, policy: ResolvedPolicy): Set<string> {
  const gated = new Set<string>();
  const fieldReach = (role: Role, type: string, field: string): Reach => {
    const c = policy.coordinates.get(`${type}.${field}`);
    if (!c) return policy.structural(type) ? "always" : "never";
    return reachOf(c.grants.get(role));
  };

  for (const role of ROLES) {
    const roots = [schema.getQueryType(), schema.getMutationType()].filter((t): t is GraphQLObjectType => Boolean(t));
    const seen = new Set<string>(roots.map((t) => t.name));
    const queue = [...roots];
    while (queue.length) {
      const type = queue.shift()!;
      for (const field of Object.values(type.getFields())) {
        if (field.name.startsWith("_")) continue;
        const reach = fieldReach(role, type.name, field.name);
        if (reach !== "always") gated.add(`${type.name}.${field.name}`);
        if (reach === "never") continue;
        const named = getNamedType(field.type);
        const next = isObjectType(named) ? [named] : isAbstractType(named) ? schema.getPossibleTypes(named) : [];
        for (const t of next) {
          // A row-scoped type whose scope names no rule for this role shows it no rows at all.
          const rows = policy.rows.get(t.name);
          if (rows && !rows.has(role)) continue;
          if (!seen.has(t.name)) {
            seen.add(t.name);
            queue.push(t);
          }
        }
      }
    }
  }

  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.name.startsWith("_")) continue;
      const coordinate = `${type.name}.${field.name}`;
      if (policy.coordinates.get(coordinate)?.sensitivity === "identity") gated.add(coordinate);
      const named = getNamedType(field.type);
      if (isObjectType(named) && !isListType(getNullableType(field.type)) && policy.rows.has(named.name)) gated.add(coordinate);
    }
  }
  return gated;
}

/** Makes every gated field nullable (its outer non-null only; list items keep theirs). Returns what changed. */
export function relaxGatedFields(schema: GraphQLSchema, policy: ResolvedPolicy): string[] {
  const changed: string[] = [];
  const byType = new Map<string, Set<string>>();
  for (const coordinate of gatedCoordinates(schema, policy)) {
    const [typeName, fieldName] = coordinate.split(".") as [string, string];
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    const field = type.getFields()[fieldName];
    if (!field || !isNonNullType(field.type)) continue;
    field.type = field.type.ofType;
    if (field.astNode) (field as { astNode: FieldDefinitionNode }).astNode = relaxNode(field.astNode);
    changed.push(coordinate);
    byType.set(typeName, (byType.get(typeName) ?? new Set()).add(fieldName));
  }
  // An interface field is relaxed when any implementation's is, or the schema would be invalid.
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isInterfaceType(type)) continue;
    const names = new Set<string>();
    for (const impl of schema.getPossibleTypes(type)) for (const f of byType.get(impl.name) ?? []) names.add(f);
    for (const name of names) {
      const field = type.getFields()[name];
      if (!field || !isNonNullType(field.type)) continue;
      field.type = field.type.ofType;
      if (field.astNode) (field as { astNode: FieldDefinitionNode }).astNode = relaxNode(field.astNode);
      changed.push(`${type.name}.${name}`);
    }
    if (names.size) byType.set(type.name, names);
  }
  // The SDL printer (@apollo/subgraph) reads the types' AST nodes, execution reads `type`: change both.
  for (const [typeName, names] of byType) {
    const type = schema.getType(typeName) as GraphQLObjectType | GraphQLInterfaceType;
    const relax = <N extends { fields?: readonly FieldDefinitionNode[] }>(node: N): N =>
      node.fields ? { ...node, fields: node.fields.map((f) => (names.has(f.name.value) ? relaxNode(f) : f)) } : node;
    const t = type as { astNode: GraphQLObjectType["astNode"] | GraphQLInterfaceType["astNode"]; extensionASTNodes: readonly { fields?: readonly FieldDefinitionNode[] }[] };
    if (t.astNode) t.astNode = relax(t.astNode);
    t.extensionASTNodes = t.extensionASTNodes.map(relax);
  }
  return changed.sort();
}

function relaxNode(node: FieldDefinitionNode): FieldDefinitionNode {
  return node.type.kind === Kind.NON_NULL_TYPE ? { ...node, type: node.type.type } : node;
}
