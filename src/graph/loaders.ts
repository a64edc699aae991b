// Per-request DataLoaders for data a computed field needs beyond its parent row. Cached on the
// request context (WeakMap), so nothing is shared between requests.
import DataLoader from "dataloader";
import type { AgencyType } from "../generated/prisma/client.ts";
import type { ScopedType } from "../policy/row-scope";
import { knownAgencyTypes } from "../read/facts";
import type { RequestContext } from "../request/context";

const perRequest = new WeakMap<RequestContext, Map<string, DataLoader<string, unknown>>>();

function loader<V>(ctx: RequestContext, key: string, make: () => DataLoader<string, V>): DataLoader<string, V> {
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
export function agencyTypeByCode(ctx: RequestContext): DataLoader<string, AgencyType | null> {
  return loader(ctx, "agencyTypeByCode", () =>
    new DataLoader<string, AgencyType | null>(async (codes) => {
      // The compiled read that loaded the statements usually read their agencies' types too.
      const known = knownAgencyTypes(ctx.access);
      const missing = codes.filter((c) => !known.has(c));
      const orgs = missing.length
        ? await ctx.db.prisma.organization.findMany({ where: { code: { in: missing } }, select: { code: true, agencyType: true } })
        : [];
      const byCode = new Map<string, AgencyType | null>([...(known as Map<string, AgencyType | null>), ...orgs.map((o) => [o.code!, o.agencyType] as const)]);
      return codes.map((c) => byCode.get(c) ?? null);
    }),
  );
}

/**
 * Row scope for to-one relations. Prisma cannot filter a to-one include, so the relation is
 * loaded with its parent (no extra query) and then checked with the policy's batched visibility
 * test (src/policy/access.ts: one SQL statement per type per batch, none when the scope is
 * empty). Out of scope reads as null: forbidden looks like missing.
 */
export async function scopedOne<T extends { id: string }>(ctx: RequestContext, type: ScopedType, row: T | null | undefined): Promise<T | null> {
  if (!row) return null;
  return (await ctx.access.visible(type, row.id)) ? row : null;
}
