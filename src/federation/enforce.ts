// Applies the subgraph's policy section to every field of its schema, in one place, by wrapping
// the resolvers (as the hub's src/policy/enforce.ts does): deny, masks and purposes from the
// grants; child-victim and consent protections from the hub's Person.identityProtected; row
// scopes the adapter implements by name; audit of every sensitive value released.
import {
  defaultFieldResolver,
  getNamedType,
  isAbstractType,
  isObjectType,
  responsePathAsArray,
  type GraphQLAbstractType,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from "graphql";
import type { Principal } from "../auth/principal";
import { effectFor } from "../policy/federated";
import { forbidden } from "../policy/enforce";
import { MASKERS, type MaskerName } from "../policy/maskers";
import type { ResolvedEffect } from "../policy/resolve";
import type { IdentityClass, ProtectionRule, SubgraphRowRule } from "../policy/types";
import type { ProtectionState, SubgraphContext } from "./context";
import { isFederationType, type SubgraphAccessPolicy } from "./subgraph-policy";

type Row = Record<string, unknown>;

/**
 * A row scope the adapter implements: does this row of its source lie in the caller's scope?
 * E.g. `inJurisdiction: (row, p) => p.jurisdiction.length === 0 || p.jurisdiction.some((j) => row.regionCode.startsWith(j))`.
 */
export type RowScope = (row: any, principal: Principal) => boolean | Promise<boolean>;

/** How to name a row in the audit log, per type. @default row.id */
export type RecordIdOf = (row: any) => string | null | undefined;

/** The masker a protection applies to a carrier the policy's identityMasks does not name, by class. */
const PROTECTION_MASK_BY_CLASS: Record<IdentityClass, MaskerName> = {
  name: "initials",
  birthDate: "year",
  documentNumber: "documentNumber",
  contact: "withhold",
  address: "withhold",
  freeText: "withhold",
};

const PROTECTIVENESS: Record<ProtectionState, number> = { clear: 0, unknown: 1, protected: 2 };

const isObject = (v: unknown): v is Row => typeof v === "object" && v !== null && !(v instanceof Date) && !Array.isArray(v);

/** The hub's maskers; a date an agency holds as ISO text ("2009-08-17") is reduced to its year as text too. */
function mask(masker: MaskerName, value: unknown, row: Row): unknown {
  if (masker === "year" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value)) return `${value.slice(0, 4)}-01-01`;
  return MASKERS[masker](value, row) ?? null;
}

/** The caller's row rule for a type (roles ORed): null when the type has no row scope. */
export function rowRuleFor(access: SubgraphAccessPolicy, typeName: string, principal: Principal): "none" | SubgraphRowRule | null {
  const rows = access.resolved.rows.get(typeName);
  if (!rows) return null;
  const alternatives: string[][] = [];
  for (const role of principal.roles) {
    const r = rows.get(role as never) as SubgraphRowRule | undefined;
    if (r === "all") return "all";
    if (r) alternatives.push(...r.map((alt) => [...alt]));
  }
  return alternatives.length ? alternatives : "none";
}

function exempt(rule: ProtectionRule, p: Principal): boolean {
  return p.roles.some((r) => rule.exempt.some((e) => e.role === r && (e.purposes as readonly string[]).includes(p.purpose)));
}

export function enforceSubgraphPolicy(
  schema: GraphQLSchema,
  access: SubgraphAccessPolicy,
  scopes: Readonly<Record<string, RowScope>>,
  recordIds: Readonly<Record<string, RecordIdOf>> = {},
): GraphQLSchema {
  const { protections } = access.policy;
  const exemptFromAll = (p: Principal) => exempt(protections.childVictimIdentity, p) && exempt(protections.victimConsent, p);
  const idOf = (typeName: string, row: unknown): string => {
    if (!isObject(row)) return "";
    const id = recordIds[typeName] ? recordIds[typeName](row) : row.id;
    return typeof id === "string" || typeof id === "number" || typeof id === "bigint" ? String(id) : "";
  };

  async function inScope(typeName: string, row: unknown, ctx: SubgraphContext): Promise<boolean> {
    const rule = rowRuleFor(access, typeName, ctx.principal);
    if (rule === null || rule === "all") return true;
    if (rule === "none" || !isObject(row)) return false;
    // Alternatives ORed, each an AND of scopes.
    for (const alt of rule) {
      let ok = true;
      for (const s of alt) {
        if (!(await scopes[s]!(row, ctx.principal))) {
          ok = false;
          break;
        }
      }
      if (ok) return true;
    }
    return false;
  }

  /**
   * Records what is known of the person an object is about. An object the adapter shares between
   * several parents (a cached row under two persons) keeps the most protective state.
   */
  function note(value: unknown, state: ProtectionState, ctx: SubgraphContext): void {
    if (Array.isArray(value)) for (const v of value) note(v, state, ctx);
    else if (isObject(value)) {
      const before = ctx.kit.protection.get(value);
      ctx.kit.protection.set(value, before && PROTECTIVENESS[before] > PROTECTIVENESS[state] ? before : state);
    }
  }

  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isFederationType(type.name)) continue;
    const typeName = type.name;

    // Entities: the hub's verdict on the person's protections arrives in the representation.
    const ext = type.extensions as { apollo?: { subgraph?: { resolveReference?: (ref: Row, ctx: SubgraphContext, info: unknown) => unknown } } };
    if (ext.apollo?.subgraph?.resolveReference || access.policy.types[typeName]) {
      const original = ext.apollo?.subgraph?.resolveReference;
      const wrapped = async (ref: Row, ctx: SubgraphContext, info: unknown) => {
        const value = original ? await original(ref, ctx, info) : ref;
        // The hub's verdict for this caller; anything else (absent, null: the caller may not read it) is unknown.
        if (isObject(value)) note(value, ref.identityProtected === true ? "protected" : ref.identityProtected === false ? "clear" : "unknown", ctx);
        if (isObject(value) && !(await inScope(typeName, value, ctx))) return null;
        return value;
      };
      (type as { extensions: unknown }).extensions = { ...type.extensions, apollo: { ...ext.apollo, subgraph: { ...ext.apollo?.subgraph, resolveReference: wrapped } } };
    }

    for (const field of Object.values(type.getFields())) {
      const coordinate = `${typeName}.${field.name}`;
      if (access.hubFields.has(coordinate)) continue;
      if (typeName === "Query" && field.name === "_service") continue;
      const original: GraphQLFieldResolver<unknown, SubgraphContext> = field.resolve ?? defaultFieldResolver;
      if (typeName === "Query" && field.name === "_entities") {
        // One promise per representation (see src/policy/enforce.ts): each checked on its own.
        field.resolve = async (source, args, ctx, info) => {
          const list = (await original(source, args, ctx, info)) as unknown[];
          return list.map(async (pending) => {
            const v = await pending;
            return isObject(v) && typeof v.__typename === "string" && !(await inScope(v.__typename, v, ctx)) ? null : v;
          });
        };
        continue;
      }
      const resolved = access.resolved.coordinates.get(coordinate);
      const sensitivity = resolved?.sensitivity ?? null;
      const rulePath = resolved ? `subgraphs.${access.name}.types.${resolved.rulePath}` : `subgraphs.${access.name} (${coordinate} not in policy)`;
      const protectionMask: MaskerName = protections.identityMasks[field.name] ?? (resolved?.carries ? PROTECTION_MASK_BY_CLASS[resolved.carries] : "withhold");
      const returnType = getNamedType(field.type);
      // An interface or union is scoped when any of its object types is.
      const abstract = isAbstractType(returnType) ? returnType : null;
      const returnsScoped = abstract ? schema.getPossibleTypes(abstract).some((t) => access.resolved.rows.has(t.name)) : access.resolved.rows.has(returnType.name);

      field.resolve = async (source, args, ctx, info) => {
        let effect: ResolvedEffect = effectFor(access.resolved, ctx.principal, coordinate);
        if (effect.kind === "deny") {
          ctx.kit.audit.denied(typeName, idOf(typeName, source), field.name);
          throw forbidden(coordinate, rulePath);
        }
        const known: ProtectionState = (isObject(source) && ctx.kit.protection.get(source)) || "unknown";
        // Protected by the hub's verdict, or unknown (no Person above) for a caller not exempt from both protections.
        if (sensitivity === "identity" && effect.kind === "allow" && (known === "protected" || (known === "unknown" && !exemptFromAll(ctx.principal)))) {
          effect = { kind: "mask", masker: protectionMask };
        }
        let value = await original(source, args, ctx, info);
        if (returnsScoped) value = await scopedAs(value, abstract ? (row) => concreteType(abstract, row, ctx, info) : () => returnType.name, ctx);
        note(value, known, ctx);
        if (effect.kind === "mask" && value !== null && value !== undefined) value = mask(effect.masker, value, source as Row);
        if (sensitivity && value !== null && value !== undefined) {
          ctx.kit.audit.read(typeName, idOf(typeName, source), field.name, effect.kind === "mask" ? "MASK" : "ALLOW", responsePathAsArray(info.path));
        }
        return value;
      };
    }
  }

  /** Rows outside the caller's scope look like missing: dropped from lists, null alone. */
  async function scopedAs(value: unknown, typeOf: (row: unknown) => string | null | Promise<string | null>, ctx: SubgraphContext): Promise<unknown> {
    // A row whose type cannot be told is dropped: fail closed.
    const keep = async (v: unknown) => {
      const t = await typeOf(v);
      return t !== null && inScope(t, v, ctx);
    };
    if (Array.isArray(value)) {
      const kept = await Promise.all(value.map((v) => (v === null ? true : keep(v))));
      return value.filter((_, i) => kept[i]);
    }
    if (value === null || value === undefined) return value;
    return (await keep(value)) ? value : null;
  }

  /** The object type of a row returned as an interface or union: its __typename, or the type's resolveType. */
  async function concreteType(abstract: GraphQLAbstractType, row: unknown, ctx: SubgraphContext, info: GraphQLResolveInfo): Promise<string | null> {
    if (isObject(row) && typeof row.__typename === "string") return row.__typename;
    const t = await abstract.resolveType?.(row, ctx, info, abstract);
    return typeof t === "string" ? t : null;
  }
  return schema;
}
