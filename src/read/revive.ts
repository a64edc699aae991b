// JSON rows from a compiled statement back into the values Prisma would have returned, so the
// resolvers (and the policy wrappers around them) see the same shapes on both paths.
import { model, type Model } from "./model";
import type { FindArgs } from "./find-sql";

type Obj = Record<string, unknown>;

/** `timestamp(3)` in JSON has no zone; Prisma stores UTC. `date` is a plain YYYY-MM-DD. */
function toDate(v: string): Date {
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) || v.length === 10 ? v : `${v}Z`);
}

/** Visits every row after its values are revived (to hand its policy facts over, facts.ts). */
export type RowVisitor = (m: Model, row: Obj) => void;

export function revive(m: Model, row: Obj, args: FindArgs, visit?: RowVisitor): Obj {
  visit?.(m, row);
  for (const [name, f] of m.scalars) {
    const v = row[name];
    if (v === undefined) continue;
    // A list column may be NULL; Prisma returns it as an empty list.
    if (v === null) {
      if (f.isList) row[name] = [];
      continue;
    }
    if (f.type === "DateTime") row[name] = f.isList ? (v as string[]).map(toDate) : toDate(v as string);
    else if (f.type === "BigInt") row[name] = f.isList ? (v as string[]).map((x) => BigInt(x)) : BigInt(v as string);
  }
  const nested = args.select ?? args.include ?? {};
  for (const [name, spec] of Object.entries(nested)) {
    const r = m.relations.get(name);
    const v = row[name];
    if (!r || !spec || v === null || v === undefined) continue;
    const sub = spec === true ? {} : (spec as FindArgs);
    const target = model(r.type);
    if (Array.isArray(v)) for (const x of v) revive(target, x as Obj, sub, visit);
    else revive(target, v as Obj, sub, visit);
  }
  return row;
}
