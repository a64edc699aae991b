// Same data or no figures: the three systems' answers to one read are normalised (connection
// wrappers unwrapped, enum spelling unified, unordered lists sorted) and compared; a read whose
// answers differ is not reported.
import { isDeepStrictEqual } from "node:util";

export interface NormaliseOptions {
  /** Keys holding enum values (PostGraphile: CONSTANT_CASE, the hub: as declared). */
  enumKeys: readonly string[];
  /** Keys whose lists keep their order (the query orders them); every other list is a set. */
  orderedKeys: readonly string[];
}

const enumForm = (v: unknown) => (typeof v === "string" ? v.replace(/_/g, "").toUpperCase() : v);
const stable = (v: unknown): string => JSON.stringify(v);

function isWrapper(v: Record<string, unknown>, key: "nodes" | "edges"): boolean {
  const keys = Object.keys(v);
  return keys.length === 1 && keys[0] === key && Array.isArray(v[key]);
}

/** Canonical form of a GraphQL `data` value (or a floor answer's `data`). */
export function normalise(value: unknown, opts: NormaliseOptions, key?: string): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => normalise(v, opts, key));
    if (key !== undefined && opts.orderedKeys.includes(key)) return items;
    return items.sort((a, b) => (stable(a) < stable(b) ? -1 : stable(a) > stable(b) ? 1 : 0));
  }
  if (value && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    // Relay and PostGraphile connections: the list of nodes is the value.
    if (isWrapper(obj, "nodes")) return normalise(obj.nodes, opts, key);
    if (isWrapper(obj, "edges")) return normalise((obj.edges as { node: unknown }[]).map((e) => e.node), opts, key);
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(obj).sort()) out[k] = normalise(obj[k], opts, k);
    return out;
  }
  if (key !== undefined && opts.enumKeys.includes(key)) return enumForm(value);
  return value;
}

export interface Difference {
  path: string;
  expected: unknown;
  actual: unknown;
}

/** Where `actual` departs from `expected` (both normalised); empty when they are the same. */
export function differences(expected: unknown, actual: unknown, path = "data", out: Difference[] = [], limit = 5): Difference[] {
  if (out.length >= limit || isDeepStrictEqual(expected, actual)) return out;
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) out.push({ path: `${path}.length`, expected: expected.length, actual: actual.length });
    for (let i = 0; i < Math.min(expected.length, actual.length); i++) differences(expected[i], actual[i], `${path}[${i}]`, out, limit);
    return out;
  }
  if (expected && actual && typeof expected === "object" && typeof actual === "object" && !Array.isArray(expected) && !Array.isArray(actual)) {
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    for (const k of new Set([...Object.keys(e), ...Object.keys(a)])) differences(e[k], a[k], `${path}.${k}`, out, limit);
    return out;
  }
  out.push({ path, expected, actual });
  return out;
}

/** A GraphQL or floor response body: its `data`, or an error naming what came back instead. */
export function dataOf(system: string, body: string): unknown {
  let parsed: { data?: unknown; errors?: unknown[] };
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new Error(`${system}: not JSON: ${body.slice(0, 200)}`);
  }
  if (parsed.errors?.length) throw new Error(`${system}: errors: ${JSON.stringify(parsed.errors).slice(0, 400)}`);
  if (parsed.data === undefined || parsed.data === null) throw new Error(`${system}: no data: ${body.slice(0, 200)}`);
  return parsed.data;
}

export function describeDifferences(system: string, diffs: Difference[]): string {
  return diffs.map((d) => `${system} ${d.path}: expected ${JSON.stringify(d.expected)?.slice(0, 120)}, got ${JSON.stringify(d.actual)?.slice(0, 120)}`).join("\n");
}
