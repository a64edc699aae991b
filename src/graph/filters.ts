// Shared pieces of the read API's filters and sort orders: argument validation (errors name the
// argument path), kode wilayah prefix matching, date ranges, and the `readsField` extension that
// tells the access policy which object field a filter, sort key or lookup argument reads.
import { HubError } from "../errors";
import { builder } from "./builder";
import { rowScope, type ScopedType } from "../policy/row-scope";
import type { RequestContext } from "../request/context";

/** `extensions.readsField` value: the `Type.field` coordinate(s) a filter/sort/lookup reads. */
export const reads = (...fields: string[]) => ({ readsField: fields.length === 1 ? fields[0]! : fields });

/**
 * For a filter or lookup on an identity field: declares that its resolver keeps the search to the
 * rows where the caller reads the field in clear (`searchOn`). The start-up check
 * (src/policy/document-guard.ts checkSearchDeclarations) refuses an identity filter without it.
 */
export const readsUnderProtections = (field: string) => ({ readsField: field, searchUnderProtections: true });

/**
 * A condition on an identity field, restricted to the rows where the caller may read that field
 * in clear after the child-victim and consent protections: a row the caller sees masked never
 * matches (security property 3). `type` is the type whose rows `condition` applies to.
 */
export function searchOn(ctx: RequestContext, type: string, field: string, condition: Record<string, unknown> | undefined) {
  if (condition === undefined) return undefined;
  const protectedRows = ctx.access.searchWhere(type, field);
  return Object.keys(protectedRows).length ? { AND: [condition, protectedRows] } : condition;
}

export const badInput = (path: string, message: string) =>
  new HubError("BAD_USER_INPUT", `${path}: ${message}`, { argumentPath: path });

// ---------------------------------------------------------------- kode wilayah

const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

export const REGION_FILTER_HELP =
  'Kode wilayah at any level; matches that region and everything under it ("61" = all of Kalimantan Barat, "61.03" = Kabupaten Sanggau, "61.03.21" = Kecamatan Entikong).';

/**
 * Where-fragment matching `column` equal to `code` or under it. Matching on `code + "."` keeps
 * "61.1" from matching "61.10"-style siblings; the format check rejects partial segments outright.
 */
export function regionWhere<K extends string>(column: K, code: string, path: string): { OR: Record<K, unknown>[] } {
  if (!REGION_CODE.test(code)) throw badInput(path, `"${code}" is not a kode wilayah (PP, PP.KK, PP.KK.CC or PP.KK.CC.DDDD)`);
  return {
    OR: [{ [column]: code } as Record<K, unknown>, { [column]: { startsWith: `${code}.` } } as Record<K, unknown>],
  };
}

// ---------------------------------------------------------------- other validators

const COUNTRY = /^[A-Z]{2}$/;

export function country(code: string, path: string): string {
  if (!COUNTRY.test(code)) throw badInput(path, `"${code}" is not an ISO 3166-1 alpha-2 country code (upper case, e.g. MY)`);
  return code;
}

export function countries(list: readonly string[] | null | undefined, path: string): string[] | undefined {
  if (!list) return undefined;
  list.forEach((c, i) => {
    if (!COUNTRY.test(c)) throw badInput(`${path}[${i}]`, `"${c}" is not an ISO 3166-1 alpha-2 country code (upper case, e.g. MY)`);
  });
  return [...list];
}

/** `{ gte, lte }` for an inclusive range; rejects from > to. */
export function range(from: Date | null | undefined, to: Date | null | undefined, path: string, fromName: string, toName: string) {
  if (!from && !to) return undefined;
  if (from && to && from.getTime() > to.getTime()) throw badInput(`${path}.${fromName}`, `must not be after ${toName}`);
  return { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) };
}

/** A non-empty list or nothing: an empty list in a filter is almost always a client bug. */
export function nonEmpty<T>(list: readonly T[] | null | undefined, path: string): T[] | undefined {
  if (list == null) return undefined;
  if (list.length === 0) throw badInput(path, "must not be an empty list (omit it to match everything)");
  return [...list];
}

export function uuid(id: string, path: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw badInput(path, "is not a UUID");
  return id;
}

/** Where for one record by hub id, inside the caller's row scope (forbidden looks like missing). */
export function byIdInScope(ctx: RequestContext, type: ScopedType, id: string | number): Record<string, unknown> {
  return { AND: [{ id: uuid(String(id), "id") }, rowScope(ctx, type)] };
}

/** An optional id filter: a checked UUID, or nothing when absent. */
export function optionalUuid(id: string | number | null | undefined, path: string): string | undefined {
  return id == null ? undefined : uuid(String(id), path);
}

/** `{ in: list }` for an "any of" filter, or nothing when absent (an empty list is refused). */
export function anyOf<T>(list: readonly T[] | null | undefined, path: string): { in: T[] } | undefined {
  const values = nonEmpty(list, path);
  return values ? { in: values } : undefined;
}

/** Drops undefined entries so an absent filter adds nothing to the where. */
export function whereOf(parts: Record<string, unknown>[]): Record<string, unknown> {
  const defined = parts.filter((p) => Object.values(p).some((v) => v !== undefined));
  return defined.length ? { AND: defined } : {};
}

// ---------------------------------------------------------------- sort orders

type OrderSpec = { description: string; readsField: string[]; orderBy: Record<string, unknown>[] };

/**
 * A sort enum whose values carry their Prisma orderBy. A final `id` tiebreak keeps pages stable
 * (cursor pagination needs a total order).
 */
export function orderEnum<const K extends string>(name: string, description: string, specs: Record<K, OrderSpec>) {
  const values = Object.fromEntries(
    Object.entries(specs).map(([k, s]) => [k, { description: (s as OrderSpec).description, extensions: reads(...(s as OrderSpec).readsField) }]),
  ) as unknown as { [P in K]: { description: string } };
  const ref = builder.enumType(name, { description: `${description} Ties are broken by id, so paging is stable.`, values });
  const toPrisma = (key: K | null | undefined, fallback: K) => [...specs[key ?? fallback].orderBy, { id: "asc" as const }];
  return { ref, toPrisma };
}

/** Sort clause; `nullable` columns put nulls last (Prisma rejects `nulls` on required columns). */
export const asc = (field: string, nullable = false) => ({ [field]: nullable ? { sort: "asc", nulls: "last" } : "asc" });
export const desc = (field: string, nullable = false) => ({ [field]: nullable ? { sort: "desc", nulls: "last" } : "desc" });
