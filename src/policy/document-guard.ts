// Checks a resolved operation against the principal before anything executes:
// introspection only for roles that need it, and no filter, sort or lookup on a field the
// principal cannot read (no oracles). Input fields, arguments and enum values declare the
// object field they read with `extensions.readsField` (see src/graph/*).
import type { ApolloServerPlugin } from "@apollo/server";
import {
  getNullableType,
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
import type { GraphContext } from "../graph/context";
import type { Access } from "./access";

const readsOf = (ext: unknown): string[] => {
  const r = (ext as { readsField?: string | string[] } | undefined)?.readsField;
  return r === undefined ? [] : Array.isArray(r) ? r : [r];
};

/** A refusal before execution, naming what was refused for the audit log (not sent to the client). */
class Refused extends HubError {
  constructor(
    message: string,
    readonly refusedCoordinate: string,
    readonly decision: "DENY_FILTER" | "DENY_INTROSPECTION",
  ) {
    super("FORBIDDEN", message, { http: { status: 403 } });
  }
}

function reject(message: string, coordinate: string, decision: Refused["decision"] = "DENY_FILTER"): never {
  throw new Refused(message, coordinate, decision);
}

function checkReads(access: Access, coordinates: string[], where: string): void {
  for (const c of coordinates) {
    if (!access.canFilterOn(c)) reject(`Filtering, sorting or looking up by ${c} is not permitted (${where})`, c);
  }
}

/** Walks a coerced input value and checks every input field and enum value it uses. */
function checkValue(access: Access, type: GraphQLInputType, value: unknown, where: string): void {
  if (value === null || value === undefined) return;
  const t = getNullableType(type);
  if (isListType(t)) {
    if (Array.isArray(value)) for (const v of value) checkValue(access, t.ofType, v, where);
    return;
  }
  if (isEnumType(t)) {
    const ev = t.getValues().find((v) => v.value === value || v.name === value);
    checkReads(access, readsOf(ev?.extensions), `${where}=${ev?.name ?? ""}`);
    return;
  }
  if (isInputObjectType(t) && typeof value === "object") {
    const fields = t.getFields();
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const f = fields[k];
      if (!f || v === null || v === undefined) continue;
      checkReads(access, readsOf(f.extensions), `${where}.${k}`);
      checkValue(access, f.type, v, `${where}.${k}`);
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
): void {
  const variables = effectiveVariables(schema, operation, rawVariables);
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const name = node.name.value;
        if ((name === "__schema" || name === "__type") && !introspectionAllowed) {
          reject("Introspection is not available to this role; the schema is published in schema/hub.graphql", `Query.${name}`, "DENY_INTROSPECTION");
        }
        const def = typeInfo.getFieldDef();
        if (!def) return;
        for (const argNode of node.arguments ?? []) {
          const argDef = def.args.find((a) => a.name === argNode.name.value);
          if (!argDef) continue;
          const value = valueFromAST(argNode.value, argDef.type, variables);
          if (value === null || value === undefined) continue;
          const where = `${typeInfo.getParentType()?.name}.${name}(${argDef.name})`;
          checkReads(access, readsOf(argDef.extensions), where);
          checkValue(access, argDef.type, value, where);
        }
      },
    }),
  );
}

export function documentGuardPlugin(): ApolloServerPlugin<GraphContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, contextValue, schema, operation }) {
          const access = contextValue.access;
          const introspectionAllowed = access.roles.some((r) => access.policy.introspection.has(r));
          try {
            checkDocument(schema, document, request.variables ?? {}, access, introspectionAllowed, operation);
          } catch (err) {
            // Denied requests are on record too: who was refused which coordinate (never the values sent).
            if (err instanceof Refused) {
              const [type, field] = err.refusedCoordinate.split(".") as [string, string];
              contextValue.audit?.denied(type, [], field, err.decision);
            }
            throw err;
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


