// The compiled read path's entry points for root resolvers: findMany / findFirst / count with
// Prisma's argument shapes, answered by ONE SQL statement each through the database's raw driver
// (no Prisma query compilation). A shape the compiler does not support goes to Prisma unchanged,
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

async function run(ctx: RequestContext, modelName: string, args: FindArgs, one: boolean): Promise<Obj[] | null> {
  let compiled;
  try {
    compiled = compileFindMany(modelName, args, (m, alias, p, a, toOne) => factColumns(ctx.access, m, alias, p, a, toOne), one);
  } catch (err) {
    if (err instanceof Unsupported) {
      ctx.log.debug({ err: err.message, model: modelName }, "read compiler: falling back to Prisma");
      return null;
    }
    throw err;
  }
  const rows = await ctx.db.raw.query<{ j: Obj | string }>(compiled.sql, compiled.params);
  const m = model(modelName);
  const out = rows.map((r) => revive(m, typeof r.j === "string" ? (JSON.parse(r.j) as Obj) : r.j, args, (mm, row) => primeFacts(ctx.access, mm, row)));
  return compiled.reverse ? out.reverse() : out;
}

/** Prisma's `findMany` for `modelName`, in one statement. */
export async function readMany(ctx: RequestContext, modelName: string, args: FindArgs): Promise<Obj[]> {
  return (await run(ctx, modelName, args, false)) ?? delegate(ctx, modelName).findMany(args);
}

/** Prisma's `findFirst`, in one statement. */
export async function readFirst(ctx: RequestContext, modelName: string, args: FindArgs): Promise<Obj | null> {
  const rows = await run(ctx, modelName, { ...args, take: 1 }, true);
  if (rows) return rows[0] ?? null;
  return (await delegate(ctx, modelName).findMany({ ...args, take: 1 }))[0] ?? null;
}

/** Prisma's `count` for a where, in one statement. */
export async function readCount(ctx: RequestContext, modelName: string, where: Obj | undefined): Promise<number> {
  let compiled;
  try {
    compiled = compileCount(modelName, where);
  } catch (err) {
    if (err instanceof Unsupported) return delegate(ctx, modelName).count({ where });
    throw err;
  }
  const rows = await ctx.db.raw.query<{ n: number }>(compiled.sql, compiled.params);
  return Number(rows[0]!.n);
}
