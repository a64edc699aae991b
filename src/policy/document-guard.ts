// Checks a resolved operation against the principal before anything executes:
// introspection only for roles that need it, and no filter, sort or lookup on a field the
// principal cannot read (no oracles). Input fields, arguments and enum values declare the
// object field they read with `extensions.readsField` (see src/graph/*).
import { isDeepStrictEqual } from "node:util";
import type { ApolloServerPlugin } from "@apollo/server";
import {
  getNullableType,
  isObjectType,
  getVariableValues,
  isEnumType,
  isInputObjectType,
  isListType,
  TypeInfo,
  valueFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type OperationDefinitionNode,
  type GraphQLSchema,
} from "graphql";
import { HubError } from "../errors";
import type { RequestContext } from "../request/context";
import type { Access } from "./access";
import { PolicyError, type ResolvedPolicy } from "./resolve";

const readsOf = (ext: unknown): string[] => {
  const r = (ext as { readsField?: string | string[] } | undefined)?.readsField;
  return r === undefined ? [] : Array.isArray(r) ? r : [r];
};

/**
 * A refusal before execution. `rule` names the policy rule that denied, as enforce.ts does
 * (counted by src/metrics/); the refused coordinate and decision go to the audit log.
 */
class Refused extends HubError {
  constructor(
    message: string,
    readonly refusedCoordinate: string,
    rule: string,
    readonly decision: "DENY_FILTER" | "DENY_INTROSPECTION",
  ) {
    super("FORBIDDEN", message, { rule, http: { status: 403 } });
  }
}

function reject(message: string, coordinate: string, rule: string, decision: Refused["decision"] = "DENY_FILTER"): never {
  throw new Refused(message, coordinate, rule, decision);
}

/** Coordinates an operation filters, sorts or looks up by (for the audit of searches). */
type Used = Set<string>;

/**
 * Filters and lookups: the role must be able to read the field (the rows it sees masked are kept
 * out in SQL, Access.searchWhere). Sorts (`sort`): the field must be readable in clear in every
 * row, since a masked value is never a sort key (Access.canSortOn).
 */
function checkReads(access: Access, coordinates: string[], where: string, used: Used, sort = false): void {
  for (const c of coordinates) {
    const rule = access.policy.coordinates.get(c)?.rulePath ?? `${c.split(".")[0]} (not in policy)`;
    if (!(sort ? access.canSortOn(c) : access.canFilterOn(c))) reject(`Filtering, sorting or looking up by ${c} is not permitted (${where})`, c, rule);
    used.add(c);
  }
}

/** Walks a coerced input value and checks every input field and enum value it uses. */
function checkValue(access: Access, type: GraphQLInputType, value: unknown, where: string, used: Used): void {
  if (value === null || value === undefined) return;
  const t = getNullableType(type);
  if (isListType(t)) {
    if (Array.isArray(value)) for (const v of value) checkValue(access, t.ofType, v, where, used);
    return;
  }
  if (isEnumType(t)) {
    // Enum values that read a field are sort orders (src/graph/filters.ts orderEnum).
    const ev = t.getValues().find((v) => v.value === value || v.name === value);
    checkReads(access, readsOf(ev?.extensions), `${where}=${ev?.name ?? ""}`, used, true);
    return;
  }
  if (isInputObjectType(t) && typeof value === "object") {
    const fields = t.getFields();
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const f = fields[k];
      if (!f || v === null || v === undefined) continue;
      checkReads(access, readsOf(f.extensions), `${where}.${k}`, used);
      checkValue(access, f.type, v, `${where}.${k}`, used);
    }
  }
}

/**
 * The variable values execution will use: the request's, plus the operation's own defaults
 * (`query($f: PersonFilter = {nameContains: "Siti"})`). Checking the request's values alone let a
 * filter hidden in a variable default through. Values that do not coerce are left as sent:
 * execution refuses them before any resolver runs.
 */
function effectiveVariables(schema: GraphQLSchema, operation: OperationDefinitionNode | undefined, raw: Record<string, unknown>): Record<string, unknown> {
  if (!operation?.variableDefinitions?.length) return raw;
  const r = getVariableValues(schema, operation.variableDefinitions, raw);
  return r.coerced ?? raw;
}

export function checkDocument(
  schema: GraphQLSchema,
  document: DocumentNode,
  rawVariables: Record<string, unknown>,
  access: Access,
  introspectionAllowed: boolean,
  operation?: OperationDefinitionNode,
): Used {
  const used: Used = new Set();
  const variables = effectiveVariables(schema, operation, rawVariables);
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const name = node.name.value;
        if ((name === "__schema" || name === "__type") && !introspectionAllowed) {
          reject("Introspection is not available to this role; the schema is published in schema/hub.graphql", `Query.${name}`, "introspection", "DENY_INTROSPECTION");
        }
        const def = typeInfo.getFieldDef();
        if (!def) return;
        for (const argNode of node.arguments ?? []) {
          const argDef = def.args.find((a) => a.name === argNode.name.value);
          if (!argDef) continue;
          const value = valueFromAST(argNode.value, argDef.type, variables);
          if (value === null || value === undefined) continue;
          // The federation gateway writes every argument's default into the document it sends (Hive
          // Gateway's delegation), so from it an argument equal to its default is one the caller
          // did not send: execution does the same without it, and defaults read only what every
          // role may read. Callers straight to the hub are judged on what they sent.
          if (access.principal.issuer === "gateway" && argDef.defaultValue !== undefined && isDeepStrictEqual(value, argDef.defaultValue)) continue;
          const where = `${typeInfo.getParentType()?.name}.${name}(${argDef.name})`;
          checkReads(access, readsOf(argDef.extensions), where, used);
          checkValue(access, argDef.type, value, where, used);
        }
      },
    }),
  );
  return used;
}

export function documentGuardPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, contextValue, schema, operation }) {
          const access = contextValue.access;
          const introspectionAllowed = access.roles.some((r) => access.policy.introspection.has(r));
          let used: Set<string>;
          try {
            used = checkDocument(schema, document, request.variables ?? {}, access, introspectionAllowed, operation);
          } catch (err) {
            // Denied requests are on record too: who was refused which coordinate (never the values sent).
            if (err instanceof Refused) {
              const [type, field] = err.refusedCoordinate.split(".") as [string, string];
              contextValue.audit?.denied(type, [], field, err.decision);
            }
            throw err;
          }
          // A search on an identity or special field is audited like a read: who searched which
          // field (decision SEARCH), never the value searched for.
          for (const c of used) {
            const coordinate = access.policy.coordinates.get(c);
            if (coordinate?.sensitivity) contextValue.audit?.read(coordinate.type, [], coordinate.field, "SEARCH");
          }
        },
        async willSendResponse({ response, contextValue }) {
          const masked = contextValue.access?.maskedPaths;
          if (masked?.length && response.body.kind === "single") {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, masked: [...new Set(masked)] };
          }
        },
      };
    },
  };
}



/**
 * Start-up check: every filter or lookup argument that reads an identity field declares that its
 * resolver searches under the protections (`readsUnderProtections` + `searchOn`, src/graph/filters.ts).
 * Sort values need no declaration: a sort on an identity field is refused unless the caller reads
 * it in clear everywhere (Access.canSortOn).
 */
export function checkSearchDeclarations(schema: GraphQLSchema, policy: ResolvedPolicy): void {
  const problems: string[] = [];
  const check = (where: string, ext: unknown) => {
    const identity = readsOf(ext).filter((c) => policy.coordinates.get(c)?.sensitivity === "identity");
    if (identity.length && !(ext as { searchUnderProtections?: boolean }).searchUnderProtections) {
      problems.push(`${where} filters on ${identity.join(", ")} without searching under the protections (use readsUnderProtections and searchOn)`);
    }
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    if (isObjectType(type)) for (const f of Object.values(type.getFields())) for (const a of f.args) check(`${type.name}.${f.name}(${a.name})`, a.extensions);
    if (isInputObjectType(type)) for (const f of Object.values(type.getFields())) check(`${type.name}.${f.name}`, f.extensions);
  }
  if (problems.length) throw new PolicyError(`Identity searches without protections:\n- ${problems.join("\n- ")}`);
}
