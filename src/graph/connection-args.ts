// Relay arguments (first, last, after, before) of every connection are the caller's input: checked
// here, once for all connections, before a resolver or Prisma sees them. A negative or too large
// page size and a cursor the hub did not issue are BAD_USER_INPUT naming the argument, never a
// Pothos or Prisma exception reported as INTERNAL.
import { decodeBase64, decodeCursorChunk } from "@pothos/core";
import { defaultFieldResolver, getNamedType, isObjectType, type GraphQLField, type GraphQLSchema } from "graphql";
import { getDatamodel } from "../generated/pothos-types.ts";
import { badInput } from "./filters";

/** Largest page a connection returns; the schema's descriptions say "at most 100 per page". */
export const MAX_PAGE_SIZE = 100;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type CursorValue = (v: unknown) => boolean;

// Every connection pages on its node's primary key (`cursor: "id"`, `"seq"` for the audit log).
const CURSOR_VALUE: Record<string, CursorValue> = {
  String: (v) => typeof v === "string" && UUID.test(v),
  BigInt: (v) => (typeof v === "bigint" && v >= 0n) || (typeof v === "number" && Number.isSafeInteger(v) && v >= 0),
};

/** The check for cursors of the connection's node model, from the Prisma datamodel. */
function cursorCheck(field: GraphQLField<unknown, unknown>): CursorValue {
  const connection = getNamedType(field.type);
  const edges = isObjectType(connection) ? connection.getFields().edges : undefined;
  const edge = edges && getNamedType(edges.type);
  const node = edge && isObjectType(edge) ? getNamedType(edge.getFields().node?.type) : undefined;
  const model = (node?.extensions as { pothosPrismaModel?: string } | undefined)?.pothosPrismaModel;
  const id = model && getDatamodel().datamodel.models[model]?.fields.find((f) => f.isId);
  const check = id && CURSOR_VALUE[id.type];
  // Fails the boot, not a request: a new connection must say how its cursors are checked.
  if (!check) throw new Error(`connection-args: no cursor check for ${field.name} (node ${node?.name ?? "?"})`);
  return check;
}

/** The value a cursor stands for, or undefined when it is not one the hub issued. */
export function decodeCursor(cursor: string, valid: CursorValue): unknown {
  try {
    const text = decodeBase64(cursor);
    if (!text.startsWith("GPC:")) return undefined;
    const value = decodeCursorChunk(text.slice(4));
    return valid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function checkConnectionArgs(args: Record<string, unknown>, valid: CursorValue): void {
  for (const name of ["first", "last"] as const) {
    const n = args[name];
    if (n != null && (typeof n !== "number" || n < 0 || n > MAX_PAGE_SIZE)) {
      throw badInput(name, `must be between 0 and ${MAX_PAGE_SIZE}`);
    }
  }
  // Pages run forwards (first/after) or backwards (last/before), not both at once.
  for (const [a, b] of [["after", "before"], ["first", "before"], ["last", "after"]] as const) {
    if (args[a] != null && args[b] != null) throw badInput(b, `cannot be combined with ${a}; page forwards with first/after or backwards with last/before`);
  }
  for (const name of ["after", "before"] as const) {
    const c = args[name];
    if (c != null && (typeof c !== "string" || decodeCursor(c, valid) === undefined)) {
      throw badInput(name, "is not a cursor of this list; use a cursor or pageInfo.endCursor/startCursor from a previous page");
    }
  }
}

/** Wraps the resolver of every connection field (object fields with Relay arguments). */
export function validateConnectionArgs(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.args.some((a) => a.name === "after") || !field.args.some((a) => a.name === "first")) continue;
      const valid = cursorCheck(field);
      const original = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, ctx, info) => {
        checkConnectionArgs(args, valid);
        return original(source, args, ctx, info);
      };
    }
  }
  return schema;
}
