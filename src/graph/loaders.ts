// Per-request DataLoaders for data a computed field needs beyond its parent row. Cached on the
// request context (WeakMap), so nothing is shared between requests; loaders that read rows a
// caller could be scoped out of are keyed by the caller's row scope.
import DataLoader from "dataloader";
import type { AgencyType } from "../generated/prisma/client.ts";
import { rowScope, type ScopedType } from "../policy/row-scope";
import type { GraphContext } from "./context";

const perRequest = new WeakMap<GraphContext, Map<string, DataLoader<string, unknown>>>();

function loader<V>(ctx: GraphContext, key: string, make: () => DataLoader<string, V>): DataLoader<string, V> {
  let map = perRequest.get(ctx);
  if (!map) perRequest.set(ctx, (map = new Map()));
  let l = map.get(key) as DataLoader<string, V> | undefined;
  if (!l) map.set(key, (l = make() as DataLoader<string, unknown> as DataLoader<string, V>));
  return l;
}

/**
 * Agency type by organization code, for person resolution. Deliberately NOT row-scoped: the
 * precedence between agencies must not change with who is asking, and the value never leaves
 * the server (only the resolution it feeds does).
 */
export function agencyTypeByCode(ctx: GraphContext): DataLoader<string, AgencyType | null> {
  return loader(ctx, "agencyTypeByCode", () =>
    new DataLoader<string, AgencyType | null>(async (codes) => {
      const orgs = await ctx.db.prisma.organization.findMany({
        where: { code: { in: [...codes] } },
        select: { code: true, agencyType: true },
      });
      const byCode = new Map(orgs.map((o) => [o.code, o.agencyType]));
      return codes.map((c) => byCode.get(c) ?? null);
    }),
  );
}

const isEmptyScope = (scope: Record<string, unknown>) => Object.keys(scope).length === 0;

/**
 * Row scope for to-one relations. Prisma cannot filter a to-one include, so the relation is
 * loaded with its parent and then checked here: ids of the related rows are tested against the
 * caller's scope in ONE query per type per batch. With an empty scope (the default) no query
 * runs. Out of scope reads as null: forbidden looks like missing.
 */
export async function scopedOne<T extends { id: string }>(ctx: GraphContext, type: ScopedType, row: T | null | undefined): Promise<T | null> {
  if (!row) return null;
  const scope = rowScope(ctx, type);
  if (isEmptyScope(scope)) return row;
  const visible = loader(ctx, `visible:${type}:${JSON.stringify(scope)}`, () =>
    new DataLoader<string, boolean>(async (ids) => {
      const delegate = (ctx.db.prisma as unknown as Record<string, { findMany(a: unknown): Promise<{ id: string }[]> }>)[
        type.charAt(0).toLowerCase() + type.slice(1)
      ];
      const rows = await delegate!.findMany({ where: { AND: [{ id: { in: [...ids] } }, scope] }, select: { id: true } });
      const seen = new Set(rows.map((r) => r.id));
      return ids.map((id) => seen.has(id));
    }),
  );
  return (await visible.load(row.id)) ? row : null;
}
