// The policy section of one subgraph (POLICY.subgraphs[name]) checked against the subgraph's own
// schema at start-up: a misspelt name, an undecided field, a row scope the adapter does not
// implement, or a sensitive field that cannot be nulled stops the subgraph before it listens.
import { isNonNullType, isObjectType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from "graphql";
import { resolveSubgraphPolicy, subgraphSection } from "../policy/federated";
import { PolicyError, type ResolvedPolicy } from "../policy/resolve";
import { POLICY } from "../policy/rules";
import type { Policy, SubgraphPolicy } from "../policy/types";

/** The subgraph cannot start: every problem found, one per line. */
export class SubgraphConfigError extends Error {
  override name = "SubgraphConfigError";
  constructor(readonly subgraph: string, readonly problems: readonly string[]) {
    super(`Subgraph "${subgraph}" cannot start:\n- ${problems.join("\n- ")}`);
  }
}

export interface SubgraphAccessPolicy {
  name: string;
  section: SubgraphPolicy;
  resolved: ResolvedPolicy;
  /** The whole policy (protections, identity masks). */
  policy: Policy;
  /** Fields the kit leaves alone: the hub's own fields of the hub entities this subgraph extends (keys, @external). */
  hubFields: ReadonlySet<string>;
}

/** Types that belong to the federation machinery, not to any agency. */
const FEDERATION_TYPES = new Set(["_Service", "_Entity", "_Any", "FieldSet", "link__Import", "federation__FieldSet", "federation__Scope", "federation__Policy"]);
export const isFederationType = (name: string) => name.startsWith("__") || FEDERATION_TYPES.has(name);

const directiveNamed = (names: readonly string[]) => (d: { name: { value: string } }) => names.includes(d.name.value);
const isExternal = directiveNamed(["external", "federation__external"]);
const isKey = directiveNamed(["key", "federation__key"]);

/** Top-level field names of a @key's field set ("id", "sourceAgency externalId", "a { b }" -> a). */
function keyFieldNames(type: GraphQLObjectType): string[] {
  const names: string[] = [];
  for (const node of [type.astNode, ...type.extensionASTNodes]) {
    for (const d of node?.directives ?? []) {
      if (!isKey(d)) continue;
      const arg = d.arguments?.find((a) => a.name.value === "fields");
      if (arg?.value.kind !== "StringValue") continue;
      let depth = 0;
      for (const tok of arg.value.value.match(/[{}]|[_A-Za-z][_0-9A-Za-z]*/g) ?? []) {
        if (tok === "{") depth++;
        else if (tok === "}") depth--;
        else if (depth === 0) names.push(tok);
      }
    }
  }
  return names;
}

function hubOwned(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>, policy: Policy): boolean {
  // Only the hub's entities carry hub fields; on the subgraph's own types every field is its own.
  if (!policy.types[type.name]) return false;
  return Boolean(field.astNode?.directives?.some(isExternal)) || keyFieldNames(type).includes(field.name);
}

/** Resolves and checks the section of subgraph `name`; throws SubgraphConfigError listing every problem. */
export function subgraphAccessPolicy(name: string, schema: GraphQLSchema, scopes: readonly string[], policy: Policy = POLICY): SubgraphAccessPolicy {
  const problems: string[] = [];
  let section: SubgraphPolicy;
  try {
    section = subgraphSection(name, policy);
  } catch (err) {
    throw new SubgraphConfigError(name, [(err as Error).message]);
  }
  let resolved: ResolvedPolicy | undefined;
  try {
    resolved = resolveSubgraphPolicy(name, schema, policy);
  } catch (err) {
    if (!(err instanceof PolicyError)) throw err;
    problems.push(err.message.replace(/\n- /g, "; "));
  }

  const where = `POLICY.subgraphs.${name}`;
  const hubFields = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isFederationType(type.name)) continue;
    const tp = section.types[type.name];
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      if (type.name === "Query" && (field.name === "_entities" || field.name === "_service")) continue;
      if (hubOwned(type, field, policy)) {
        hubFields.add(coordinate);
        continue;
      }
      // Decided: named in the type's `fields`, or covered by its `default` (a field's own map is complete).
      if (!tp || (tp.fields?.[field.name] === undefined && (tp.default === undefined || policy.types[type.name] !== undefined))) {
        problems.push(`${coordinate} is undecided: give it a grant in ${where}.types.${type.name}${tp ? ".fields" : ""} (deny when undecided)`);
        continue;
      }
      const c = resolved?.coordinates.get(coordinate);
      // A mask, a protection or a withheld audit hand-off nulls the value: it must be nullable.
      if (c?.sensitivity && isNonNullType(field.type)) {
        problems.push(`${coordinate} is ${c.carries ? `a carrier of ${c.carries}` : c.sensitivity} but non-null in the SDL: make it nullable (it can be masked to null or withheld)`);
      }
    }
  }

  // Row scopes: every scope the section's rules name is implemented, and nothing else is.
  const named = new Set<string>();
  for (const [typeName, tp] of Object.entries(section.types)) {
    for (const rule of Object.values(tp.rows ?? {})) {
      if (rule === "all" || rule === undefined) continue;
      for (const alt of rule) for (const s of alt) {
        named.add(s);
        if (!(s in section.scopes)) problems.push(`${where}.types.${typeName}.rows names scope "${s}", which ${where}.scopes does not describe`);
      }
    }
  }
  for (const s of new Set([...Object.keys(section.scopes), ...named])) {
    if (!scopes.includes(s)) problems.push(`row scope "${s}" (${where}.scopes) is not implemented: pass scopes.${s} to createSubgraph`);
  }
  for (const s of scopes) if (!(s in section.scopes)) problems.push(`scopes.${s} is not a scope of ${where}.scopes (misspelt?)`);

  // Identity values held for a hub person need the hub's verdict on that person's protections.
  const person = schema.getType("Person");
  const holdsIdentity = Object.keys(section.carriers).length > 0;
  if (isObjectType(person) && holdsIdentity && !person.getFields().identityProtected) {
    problems.push(`Person must require the hub's identityProtected (@requires(fields: "... identityProtected") with identityProtected: Boolean @external), so child and consent protections apply to this subgraph's identity values`);
  }

  if (problems.length || !resolved) throw new SubgraphConfigError(name, problems);
  return { name, section, resolved, policy, hubFields };
}
