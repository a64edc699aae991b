// The compiled read path's entry points for root resolvers: findMany / findFirst / count with
// Prisma's argument shapes, answered by ONE SQL statement each through the database's raw driver
// (`db.read`: no Prisma query compilation, counted in db.queryCount). A shape the compiler does not support goes to Prisma unchanged,
// so correctness never depends on the compiler knowing everything.
import type { RequestContext } from "../request/context";
import { factColumns, primeFacts } from "./facts";
import { compileCount, compileFindMany, type FindArgs } from "./find-sql";
import { model } from "./model";
import { Unsupported } from "./params";
import { revive } from "./revive";

type Obj = Record<string, unknown>;
type Delegate = { findMany(a: unknown): Promise<Obj[]>; count(a: unknown): Promise<number> };

const delegate = (ctx: RequestContext, name: string) =>
  (ctx.db.prisma as unknown as Record<string, Delegate>)[name[0]!.toLowerCase() + name.slice(1)]!;

type Page = { rows: Obj[]; count?: number };

/**
 * Whether every row matching `where` is inside `scope`: `where` is the scope object itself or ANDs
 * it in (root resolvers AND `ctx.access.rowWhere(type)`, the same cached object, into their where).
 */
function impliesScope(where: unknown, scope: Obj): boolean {
  if (where === scope) return true;
  if (!where || typeof where !== "object" || Array.isArray(where)) return false;
  const and = (where as Obj).AND;
  return (Array.isArray(and) ? and : and ? [and] : []).some((w) => impliesScope(w, scope));
}

async function run(ctx: RequestContext, modelName: string, args: FindArgs, countWhere?: Obj): Promise<Page | null> {
  // The policy checks root rows with Access.visible where GraphQL sees one record (a `case(id:)`, a
  // connection's edge node). Rows the where already confines to the scope are visible; otherwise the
  // statement evaluates the scope on each root row.
  const scoped = ctx.access.hasRowScope(modelName);
  const implied = scoped && impliesScope(args.where, ctx.access.rowWhere(modelName));
  let compiled;
  try {
    compiled = compileFindMany(modelName, args, (m, alias, p, a, toOne) => factColumns(ctx.access, m, alias, p, a, toOne), scoped && !implied, countWhere);
  } catch (err) {
    if (err instanceof Unsupported) {
      ctx.log.debug({ err: err.message, model: modelName }, "read compiler: falling back to Prisma");
      return null;
    }
    throw err;
  }
  const result = await ctx.db.read<{ j: unknown; n?: number }>(compiled.sql, compiled.params);
  const json = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v) as Obj | Obj[];
  const raw = countWhere ? (json(result[0]!.j) as Obj[]) : result.map((r) => json(r.j) as Obj);
  const m = model(modelName);
  const rows = raw.map((r) => revive(m, r, args, (mm, row) => primeFacts(ctx.access, mm, row)));
  if (implied) for (const r of rows) if (typeof r[m.id] === "string") ctx.access.primeVisible(modelName, r[m.id] as string, true);
  if (compiled.reverse) rows.reverse();
  return { rows, count: countWhere ? Number(result[0]!.n) : undefined };
}

/** Prisma's `findMany` for `modelName`, in one statement. */
export async function readMany(ctx: RequestContext, modelName: string, args: FindArgs): Promise<Obj[]> {
  return (await run(ctx, modelName, args))?.rows ?? delegate(ctx, modelName).findMany(args);
}

/** Prisma's `findFirst`, in one statement. */
export async function readFirst(ctx: RequestContext, modelName: string, args: FindArgs): Promise<Obj | null> {
  const page = await run(ctx, modelName, { ...args, take: 1 });
  if (page) return page.rows[0] ?? null;
  return (await delegate(ctx, modelName).findMany({ ...args, take: 1 }))[0] ?? null;
}

/**
 * A connection's page. When the selection asks for totalCount (`countKey`, the field's args
 * object, which Pothos hands to the totalCount callback too), the count comes out of the same
 * statement and `readCount` answers it from there.
 */
export async function readPage(ctx: RequestContext, modelName: string, args: FindArgs, countKey: object | null): Promise<Obj[]> {
  if (!countKey) return readMany(ctx, modelName, args);
  const page = run(ctx, modelName, args, args.where ?? {});
  counts.set(countKey, page.then((p) => p?.count));
  return (await page)?.rows ?? delegate(ctx, modelName).findMany(args);
}

const counts = new WeakMap<object, Promise<number | undefined>>();

/** Prisma's `count` for a where, in one statement; from the page's own statement when it has it. */
export async function readCount(ctx: RequestContext, modelName: string, where: Obj | undefined, countKey?: object): Promise<number> {
  const known = countKey ? await counts.get(countKey) : undefined;
  if (known !== undefined) return known;
  let compiled;
  try {
    compiled = compileCount(modelName, where);
  } catch (err) {
    if (err instanceof Unsupported) return delegate(ctx, modelName).count({ where });
    throw err;
  }
  const rows = await ctx.db.read<{ n: number }>(compiled.sql, compiled.params);
  return Number(rows[0]!.n);
}
