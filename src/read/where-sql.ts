// Prisma `where` objects to SQL conditions. The policy's row scopes, filters and protection
// searches are written once, as Prisma where fragments (src/policy/scopes.ts, src/policy/access.ts);
// this translates the same objects for the compiled read path, so there is no second copy of the
// rules. Anything it does not know is Unsupported (the read stays on Prisma), never guessed.
import { model, q, type Model, type RelationField, type ScalarField } from "./model";
import { Params, Unsupported } from "./params";

type Where = Record<string, unknown>;

export interface Aliases {
  next(): string;
}

export function aliases(): Aliases {
  let n = 0;
  return { next: () => `t${n++}` };
}

const TRUE = "TRUE";
const FALSE = "FALSE";
const and = (parts: string[]) => (parts.length === 0 ? TRUE : parts.length === 1 ? parts[0]! : `(${parts.join(" AND ")})`);
const or = (parts: string[]) => (parts.length === 0 ? FALSE : parts.length === 1 ? parts[0]! : `(${parts.join(" OR ")})`);
const isObj = (v: unknown): v is Where => typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** Condition on the columns of `alias` (a row of `m`) for the Prisma where `w`. */
export function whereSql(m: Model, alias: string, w: Where | undefined, p: Params, a: Aliases): string {
  if (!w) return TRUE;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(w)) {
    if (value === undefined) continue;
    if (key === "AND") {
      const list = Array.isArray(value) ? value : [value];
      parts.push(and(list.map((x) => whereSql(m, alias, x as Where, p, a))));
    } else if (key === "OR") {
      if (!Array.isArray(value)) throw new Unsupported("OR that is not a list");
      parts.push(or(value.map((x) => whereSql(m, alias, x as Where, p, a))));
    } else if (key === "NOT") {
      const list = Array.isArray(value) ? value : [value];
      for (const x of list) parts.push(`NOT ${whereSql(m, alias, x as Where, p, a)}`);
    } else if (m.scalars.has(key)) {
      parts.push(scalarSql(m.scalars.get(key)!, `${alias}.${q(key)}`, value, p));
    } else if (m.relations.has(key)) {
      parts.push(relationSql(m.relations.get(key)!, alias, value, p, a));
    } else throw new Unsupported(`where key ${m.name}.${key}`);
  }
  return and(parts);
}

/** `SELECT 1 FROM target WHERE <join to alias> AND cond`, for EXISTS. */
function related(r: RelationField, alias: string, inner: Where | undefined, p: Params, a: Aliases, negate = false): string {
  const target = model(r.type);
  const t = a.next();
  const cond = whereSql(target, t, inner, p, a);
  const c = negate ? `NOT COALESCE(${cond}, FALSE)` : cond;
  return `SELECT 1 FROM ${q(r.type)} ${t} WHERE ${t}.${q(r.join.target)} = ${alias}.${q(r.join.source)}${c === TRUE ? "" : ` AND ${c}`}`;
}

function relationSql(r: RelationField, alias: string, value: unknown, p: Params, a: Aliases): string {
  if (r.isList) {
    if (!isObj(value)) throw new Unsupported(`list relation filter on ${r.name}`);
    const parts: string[] = [];
    for (const [op, inner] of Object.entries(value)) {
      if (inner === undefined) continue;
      if (op === "some") parts.push(`EXISTS (${related(r, alias, inner as Where, p, a)})`);
      else if (op === "none") parts.push(`NOT EXISTS (${related(r, alias, inner as Where, p, a)})`);
      else if (op === "every") parts.push(`NOT EXISTS (${related(r, alias, inner as Where, p, a, true)})`);
      else throw new Unsupported(`list relation operator ${op}`);
    }
    return and(parts);
  }
  if (value === null) return r.ownsKey ? `${alias}.${q(r.join.source)} IS NULL` : `NOT EXISTS (${related(r, alias, undefined, p, a)})`;
  if (!isObj(value)) throw new Unsupported(`to-one relation filter on ${r.name}`);
  const keys = Object.keys(value).filter((k) => value[k] !== undefined);
  if (keys.length > 0 && keys.every((k) => k === "is" || k === "isNot")) {
    const parts: string[] = [];
    if (value.is !== undefined) parts.push(relationSql(r, alias, value.is, p, a));
    if (value.isNot !== undefined) {
      // Prisma: isNot null means "has one"; isNot W means "has none matching W" (no link included).
      parts.push(value.isNot === null ? `NOT ${relationSql(r, alias, null, p, a)}` : `NOT EXISTS (${related(r, alias, value.isNot as Where, p, a)})`);
    }
    return and(parts);
  }
  return `EXISTS (${related(r, alias, value, p, a)})`;
}

function scalarSql(f: ScalarField, col: string, value: unknown, p: Params): string {
  if (!isObj(value)) {
    if (value === null) return `${col} IS NULL`;
    if (f.isList) throw new Unsupported(`equality on list column ${f.name}`);
    return `${col} = ${p.bind(value, f)}`;
  }
  const parts: string[] = [];
  const insensitive = value.mode === "insensitive";
  const text = (v: unknown) => (insensitive ? `lower(${p.bind(v, f)})` : p.bind(v, f));
  const c = insensitive ? `lower(${col})` : col;
  for (const [op, v] of Object.entries(value)) {
    if (v === undefined || op === "mode") continue;
    switch (op) {
      case "equals":
        parts.push(v === null ? `${col} IS NULL` : `${c} = ${text(v)}`);
        break;
      case "not":
        if (v === null) parts.push(`${col} IS NOT NULL`);
        else if (isObj(v)) parts.push(`NOT ${scalarSql(f, col, v, p)}`);
        else parts.push(`${c} <> ${text(v)}`);
        break;
      case "in":
      case "notIn": {
        if (!Array.isArray(v)) throw new Unsupported(`${op} without a list`);
        if (insensitive) throw new Unsupported(`insensitive ${op}`);
        const any = `${col} = ANY(${p.bind(v, f, true)})`;
        parts.push(op === "in" ? any : `NOT ${any}`);
        break;
      }
      case "lt":
      case "lte":
      case "gt":
      case "gte": {
        const sym = { lt: "<", lte: "<=", gt: ">", gte: ">=" }[op];
        parts.push(`${c} ${sym} ${text(v)}`);
        break;
      }
      case "contains":
      case "startsWith":
      case "endsWith": {
        // LIKE with the pattern's own wildcards escaped, as Prisma does.
        const esc = String(v).replace(/[\\%_]/g, (ch) => `\\${ch}`);
        const pat = op === "contains" ? `%${esc}%` : op === "startsWith" ? `${esc}%` : `%${esc}`;
        parts.push(`${col} ${insensitive ? "ILIKE" : "LIKE"} ${p.bind(pat, f)}`);
        break;
      }
      case "has":
        parts.push(v === null ? FALSE : `${p.bind(v, f)} = ANY(${col})`);
        break;
      case "hasSome":
        parts.push(`${col} && ${p.bind(v, f, true)}`);
        break;
      case "hasEvery":
        parts.push(`${col} @> ${p.bind(v, f, true)}`);
        break;
      case "isEmpty":
        parts.push(v ? `cardinality(${col}) = 0` : `cardinality(${col}) > 0`);
        break;
      default:
        throw new Unsupported(`scalar operator ${op}`);
    }
  }
  return and(parts);
}
