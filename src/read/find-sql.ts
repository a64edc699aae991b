// A Prisma findMany argument object (where, orderBy, cursor, take, skip and a nested
// select/include, the shape Pothos' prisma plugin plans from the GraphQL selection) compiled into
// ONE SQL statement that builds the result as JSON inside PostgreSQL: each relation is a
// correlated subquery with json_agg (lists) or to_json (to-one), as PostGraphile v4 and Hasura
// do, so the number of statements does not grow with page size or nesting depth. Row scopes
// arrive inside the nested `where`s and are translated by where-sql.ts.
import { model, q, type Model, type RelationField } from "./model";
import { Params, Unsupported } from "./params";
import { aliases, whereSql, type Aliases } from "./where-sql";

type Obj = Record<string, unknown>;

export interface FindArgs {
  where?: Obj;
  orderBy?: Obj | Obj[];
  cursor?: Obj;
  take?: number;
  skip?: number;
  select?: Obj;
  include?: Obj;
}

const KNOWN = new Set(["where", "orderBy", "cursor", "take", "skip", "select", "include"]);
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Extra columns a caller adds to every row of a model (policy facts, see facts.ts). */
export type Extras = (m: Model, alias: string, p: Params, a: Aliases, toOne: boolean) => Record<string, string>;

interface Ctx {
  p: Params;
  a: Aliases;
  extras?: Extras;
}

interface Order {
  col: string;
  desc: boolean;
  nullsFirst: boolean;
}

function orders(m: Model, alias: string, orderBy: FindArgs["orderBy"]): Order[] {
  const list = orderBy === undefined ? [] : Array.isArray(orderBy) ? orderBy : [orderBy];
  const out: Order[] = [];
  for (const o of list) {
    for (const [field, spec] of Object.entries(o)) {
      if (spec === undefined) continue;
      if (!m.scalars.has(field) || m.scalars.get(field)!.isList) throw new Unsupported(`orderBy ${m.name}.${field}`);
      const sort = typeof spec === "string" ? spec : isObj(spec) ? spec.sort : undefined;
      if (sort !== "asc" && sort !== "desc") throw new Unsupported(`orderBy value on ${field}`);
      const nulls = isObj(spec) ? spec.nulls : undefined;
      // PostgreSQL's defaults, which Prisma keeps when `nulls` is not given.
      const nullsFirst = nulls === "first" ? true : nulls === "last" ? false : sort === "desc";
      out.push({ col: `${alias}.${q(field)}`, desc: sort === "desc", nullsFirst });
    }
  }
  return out;
}

const orderSql = (os: Order[]) => os.map((o) => `${o.col} ${o.desc ? "DESC" : "ASC"} NULLS ${o.nullsFirst ? "FIRST" : "LAST"}`).join(", ");

/** `row` comes strictly after `cur` in this order (null placement included). */
function after(o: Order, row: string, cur: string): string {
  const beyond = o.desc ? `${row} < ${cur}` : `${row} > ${cur}`;
  return o.nullsFirst
    ? `(${row} IS NOT NULL AND (${cur} IS NULL OR ${beyond}))`
    : `(${cur} IS NOT NULL AND (${row} IS NULL OR ${beyond}))`;
}

/**
 * Prisma's cursor: the rows from the cursor row on (inclusive) in the query's order, which must
 * end in a unique column. Compared against the cursor row's own values, read in a subquery.
 */
function cursorSql(m: Model, alias: string, cursor: Obj, os: Order[], c: Ctx): string {
  const keys = Object.entries(cursor);
  if (keys.length !== 1 || !m.scalars.has(keys[0]![0])) throw new Unsupported("cursor");
  const [field, value] = keys[0]!;
  const cur = c.a.next();
  const col = (o: Order) => o.col.slice(o.col.indexOf(".") + 1);
  const curRow = `(SELECT ${cur}.* FROM ${q(m.name)} ${cur} WHERE ${cur}.${q(field)} = ${c.p.bind(value, m.scalars.get(field)!)})`;
  const alts: string[] = [];
  for (let i = 0; i < os.length; i++) {
    const eq = os.slice(0, i).map((o) => `${o.col} IS NOT DISTINCT FROM ${cur}.${col(o)}`);
    alts.push([...eq, after(os[i]!, os[i]!.col, `${cur}.${col(os[i]!)}`)].join(" AND "));
  }
  alts.push(os.map((o) => `${o.col} IS NOT DISTINCT FROM ${cur}.${col(o)}`).join(" AND ") || "TRUE");
  return `EXISTS (SELECT 1 FROM ${curRow} ${cur} WHERE ${alts.map((x) => `(${x})`).join(" OR ")})`;
}

/** The selected columns of one row of `m` at `alias`, as `expr AS "name"` items. */
function columns(m: Model, alias: string, args: FindArgs, c: Ctx, toOne: boolean): string[] {
  if (args.select && args.include) throw new Unsupported("select with include");
  const items: string[] = [];
  const sel = args.select;
  const scalar = (name: string) => {
    const f = m.scalars.get(name)!;
    // int8 as text: JSON numbers lose precision past 2^53; revive.ts turns it back into a BigInt.
    items.push(`${alias}.${q(name)}${f.type === "BigInt" ? "::text" : ""} AS ${q(name)}`);
  };
  if (!sel) for (const name of m.scalars.keys()) scalar(name);
  const nested = sel ?? args.include ?? {};
  for (const [name, spec] of Object.entries(nested)) {
    if (!spec) continue;
    if (name === "_count") {
      items.push(`${countSql(m, alias, spec, c)} AS "_count"`);
      continue;
    }
    if (m.scalars.has(name)) {
      if (!sel) throw new Unsupported(`include of scalar ${name}`);
      scalar(name);
      continue;
    }
    const r = m.relations.get(name);
    if (!r) throw new Unsupported(`selection ${m.name}.${name}`);
    items.push(`${relationSql(r, alias, spec === true ? {} : (spec as FindArgs), c)} AS ${q(name)}`);
  }
  if (c.extras) for (const [name, expr] of Object.entries(c.extras(m, alias, c.p, c.a, toOne))) items.push(`${expr} AS ${q(name)}`);
  return items;
}

function countSql(m: Model, alias: string, spec: unknown, c: Ctx): string {
  const sel = isObj(spec) && isObj(spec.select) ? spec.select : undefined;
  if (!sel) throw new Unsupported("_count without select");
  const parts: string[] = [];
  for (const [name, s] of Object.entries(sel)) {
    if (!s) continue;
    const r = m.relations.get(name);
    if (!r || !r.isList) throw new Unsupported(`_count of ${name}`);
    const where = isObj(s) ? (s.where as Obj | undefined) : undefined;
    const t = c.a.next();
    const cond = whereSql(model(r.type), t, where, c.p, c.a);
    parts.push(`'${name}', (SELECT count(*)::int FROM ${q(r.type)} ${t} WHERE ${t}.${q(r.join.target)} = ${alias}.${q(r.join.source)} AND ${cond})`);
  }
  return `json_build_object(${parts.join(", ")})`;
}

function checkArgs(args: FindArgs) {
  for (const k of Object.keys(args)) if (!KNOWN.has(k) && (args as Obj)[k] !== undefined) throw new Unsupported(`argument ${k}`);
}

/** The rows of `m` for `args` with their columns, filtered, ordered and paged. */
function rowsSql(m: Model, args: FindArgs, c: Ctx, toOne: boolean, link?: string): { sql: string; reverse: boolean } {
  checkArgs(args);
  const t = c.a.next();
  let os = orders(m, t, args.orderBy);
  const take = args.take;
  // Prisma's negative take reads backwards from the cursor: flip the order, then the rows.
  const reverse = take !== undefined && take < 0;
  if (reverse) os = os.map((o) => ({ ...o, desc: !o.desc, nullsFirst: !o.nullsFirst }));
  const conds = [link ? link.replaceAll("$$", t) : "TRUE", whereSql(m, t, args.where, c.p, c.a)];
  if (args.cursor) conds.push(cursorSql(m, t, args.cursor, os, c));
  const cols = columns(m, t, args, c, toOne);
  let sql = `SELECT ${cols.join(", ")} FROM ${q(m.name)} ${t} WHERE ${conds.filter((x) => x !== "TRUE").join(" AND ") || "TRUE"}`;
  if (os.length) sql += ` ORDER BY ${orderSql(os)}`;
  if (take !== undefined) sql += ` LIMIT ${c.p.raw(Math.abs(take))}`;
  if (args.skip) sql += ` OFFSET ${c.p.raw(args.skip)}`;
  return { sql, reverse };
}

function relationSql(r: RelationField, parent: string, args: FindArgs, c: Ctx): string {
  const target = model(r.type);
  const link = `$$.${q(r.join.target)} = ${parent}.${q(r.join.source)}`;
  if (!r.isList) {
    if (args.where || args.orderBy || args.take !== undefined || args.cursor) throw new Unsupported(`arguments on to-one ${r.name}`);
    const { sql } = rowsSql(target, args, c, true, link);
    return `(SELECT to_json(j) FROM (${sql}) j)`;
  }
  const { sql, reverse } = rowsSql(target, args, c, false, link);
  if (reverse) throw new Unsupported(`negative take on ${r.name}`);
  return `(SELECT coalesce(json_agg(j), '[]'::json) FROM (${sql}) j)`;
}

export interface Compiled {
  sql: string;
  params: unknown[];
  /** Rows come back in reverse (negative take): the caller reverses them. */
  reverse: boolean;
}

/**
 * One statement returning one JSON column `j` per row of `modelName`; with `countWhere`, instead
 * ONE row: `n`, the count of all rows matching it (a connection's totalCount), and `j`, the rows
 * as a JSON array.
 */
export function compileFindMany(modelName: string, args: FindArgs, extras?: Extras, rootFacts = false, countWhere?: Obj): Compiled {
  const c: Ctx = { p: new Params(), a: aliases(), extras };
  const m = model(modelName);
  const { sql, reverse } = rowsSql(m, args, c, rootFacts);
  if (!countWhere) return { sql: `SELECT to_json(j) AS j FROM (${sql}) j`, params: c.p.values, reverse };
  const t = c.a.next();
  const count = `SELECT count(*)::int FROM ${q(modelName)} ${t} WHERE ${whereSql(m, t, countWhere, c.p, c.a)}`;
  return { sql: `SELECT (${count}) AS n, (SELECT coalesce(json_agg(j), '[]'::json) FROM (${sql}) j) AS j`, params: c.p.values, reverse };
}

/** `SELECT count(*)` of the rows of `modelName` matching `where`. */
export function compileCount(modelName: string, where: Obj | undefined): Compiled {
  const c: Ctx = { p: new Params(), a: aliases() };
  const t = c.a.next();
  const sql = `SELECT count(*)::int AS n FROM ${q(modelName)} ${t} WHERE ${whereSql(model(modelName), t, where, c.p, c.a)}`;
  return { sql, params: c.p.values, reverse: false };
}
