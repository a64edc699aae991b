// Hostile values for fuzzing GraphQL inputs, chosen by the input type of the position they go
// into (read from the served schema): NUL, unpaired surrogates, huge strings, wrong types,
// out-of-range numbers and dates, malformed ids and enum values, nulls where objects go.
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isScalarType,
  type GraphQLInputType,
} from "graphql";
import { ErrorCodes } from "../../src/errors";
import type { Rng } from "../../src/seed/prng";
import { NIK } from "../contribute/support";

// ---------------------------------------------------------------- the input type tree

export interface Slot {
  path: (string | number)[];
  type: GraphQLInputType;
}

/** Every field position under a record input type (list items as index 0), to depth 4. */
export function slots(type: GraphQLInputType, path: (string | number)[] = [], depth = 0): Slot[] {
  const out: Slot[] = [];
  const named = getNamedType(type);
  if (!isInputObjectType(named) || depth > 4) return out;
  for (const f of Object.values(named.getFields())) {
    const p = [...path, f.name];
    out.push({ path: p, type: f.type });
    const inner = getNullableType(f.type);
    if (isListType(inner)) {
      out.push({ path: [...p, 0], type: inner.ofType });
      out.push(...slots(inner.ofType, [...p, 0], depth + 1));
    } else out.push(...slots(f.type, p, depth + 1));
  }
  return out;
}

// ---------------------------------------------------------------- hostile values

const STRINGS: unknown[] = [
  "a\u0000b",
  "\u0000",
  "x\ud800",
  "\udc00y",
  "\ud83d",
  "x".repeat(100_000),
  "   ",
  "",
  "🙂".repeat(500),
  "Ω\u200f\u202e",
  "'; DROP TABLE \"Case\"; --",
  "%_\\",
  "\u0001\u001f\u007f",
  "a\u0301".repeat(3000),
  "61.71",
  NIK.sitiAminah,
  "\ufeff\ufffe\uffff",
];
const WRONG_TYPES: unknown[] = [123, -1, 1.5, true, {}, [], { a: 1 }, [["x"]]];
const INTS: unknown[] = [-1, 0, 1, 2147483647, 2147483648, -2147483649, 1.5, "7", 1e300, -0];
const DATES: unknown[] = ["0000-01-01", "0001-01-01", "1899-12-31", "9999-12-31", "2026-02-30", "2026-13-01", "26-01-01", "2026-1-1", "2026-01-01T00:00:00Z", "tomorrow", 20260101, "+275760-09-13", "-000001-01-01", "2100-01-01"];
const DATETIMES: unknown[] = ["0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "2026-02-30T00:00:00Z", "2026-01-01T25:00:00Z", "2026-01-01", "2026-01-01T00:00:00", "1969-12-31T23:59:59-23:59", "2026-01-01T00:00:00.123456789+14:00", 0, "2999-01-01T00:00:00Z"];
const IDS: unknown[] = ["not-a-uuid", "00000000-0000-0000-0000-000000000000", "'", "x".repeat(5000), 12, "", "ffffffff-ffff-ffff-ffff-ffffffffffff", "4a1c7c3e-2b8f-4f4e-9a3e-0d9c6b2f8e11"];
const BOOLEANS: unknown[] = ["true", 1, 0, "yes"];

const short = (values: unknown[]) => values.filter((v) => typeof v !== "string" || v.length < 1000);
const SHORT_STRINGS = short(STRINGS);
const SHORT_IDS = short(IDS);

/**
 * A hostile value for a position of this type. `small` keeps list items short: a body over the
 * hub's 1 MiB limit is the HTTP layer's business (413), not this fuzz's.
 */
export function hostile(rng: Rng, type: GraphQLInputType, small = false): unknown {
  if (rng.chance(0.05)) return null; // a null where anything goes, non-null positions included
  if (rng.chance(0.05)) return rng.pick(WRONG_TYPES);
  const inner = getNullableType(type);
  if (isListType(inner)) {
    return rng.weighted<unknown>([
      [[], 1],
      [[null], 2],
      [Array.from({ length: 200 }, () => hostile(rng, inner.ofType, true)), 1],
      [hostile(rng, inner.ofType, small), 2], // a single value where a list goes
      [[hostile(rng, inner.ofType, true), hostile(rng, inner.ofType, true)], 2],
    ]);
  }
  const named = getNamedType(inner);
  if (isEnumType(named)) {
    const values = named.getValues().map((v) => v.name);
    return rng.chance(0.7) ? rng.pick(values) : rng.pick([rng.pick(values).toLowerCase(), "NOT_A_VALUE", "", 0]);
  }
  if (isInputObjectType(named)) return rng.pick<unknown>([{}, "text", { unknownField: 1 }, [{}], { id: rng.pick(SHORT_IDS) }]);
  if (isScalarType(named)) {
    switch (named.name) {
      case "String":
        return rng.pick(small ? SHORT_STRINGS : STRINGS);
      case "Int":
        return rng.pick(INTS);
      case "Date":
        return rng.pick(DATES);
      case "DateTime":
        return rng.pick(DATETIMES);
      case "ID":
        return rng.pick(small ? SHORT_IDS : IDS);
      case "Boolean":
        return rng.pick(BOOLEANS);
    }
  }
  return rng.pick(SHORT_STRINGS);
}

export function setAt(target: Record<string, unknown>, path: (string | number)[], value: unknown): void {
  let cur: any = target;
  for (const [i, key] of path.slice(0, -1).entries()) {
    const nextIsIndex = typeof path[i + 1] === "number";
    if (cur[key] === null || typeof cur[key] !== "object") cur[key] = nextIsIndex ? [] : {};
    cur = cur[key];
  }
  cur[path[path.length - 1]!] = value;
}

/** A compact, replayable description of a case for failure reports. */
export const describeValue = (v: unknown): string => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...(${s.length})` : s;
};

const HUB_CODES = new Set(Object.keys(ErrorCodes));

/** What makes a fuzzed answer a server fault: 5xx, INTERNAL or a code off the fixed list, internals in a message. */
export function responseProblems(r: { status: number; body: { errors?: readonly { message: string; extensions?: { code?: unknown } }[] } }): string[] {
  const problems: string[] = [];
  if (r.status >= 500) problems.push(`HTTP ${r.status}`);
  for (const e of r.body.errors ?? []) {
    const code = e.extensions?.code;
    if (code === "INTERNAL" || typeof code !== "string" || !HUB_CODES.has(code)) problems.push(`code ${String(code)}`);
    if (/prisma|postgres|sql|pglite|\.ts:\d+|invalid byte sequence/i.test(e.message)) problems.push(`message "${e.message.slice(0, 80)}"`);
  }
  return problems;
}
