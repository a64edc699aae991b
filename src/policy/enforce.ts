// Applies the policy to every field of the built schema, in one place. Because it wraps the
// resolvers themselves, it holds on every path to a field: aliases, fragments, nested
// relations, connection edges, federation _entities, batch results and mutation payloads.
import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  responsePathAsArray,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from "graphql";
import { HubError } from "../errors";
import type { RequestContext } from "../request/context";
import type { ProtectionSubject } from "./access";
import type { ResolvedEffect, ResolvedPolicy } from "./resolve";

type Row = Record<string, unknown>;

const str = (v: unknown) => (typeof v === "string" ? v : null);

/**
 * Whose protections decide an identity field of this row: the person the row is about, or, for
 * rows about a case and no one person (Case, LegalProceeding, EarlyWarningReport), every victim of
 * the case. Null: about no one the hub protects.
 */
function subjectOf(type: string, row: Row): ProtectionSubject {
  const personId = type === "Person" ? str(row.id) : str(row.personId) ?? str(row.workerId);
  if (personId) return { personId };
  const caseId = type === "Case" ? str(row.id) : str(row.caseId);
  return caseId ? { caseId } : null;
}

/**
 * Fields whose value is another field's value in disguise: decided as that field would be.
 * ConflictingValue.value carries a Person field's value as text (see src/graph/person.ts).
 */
const DERIVED: Record<string, (row: Row) => { type: string; field: string; personId: string | null; asDate: boolean } | null> = {
  "ConflictingValue.value": (row) =>
    typeof row.field === "string"
      ? {
          type: "Person",
          field: row.field === "originRegionCode" ? "originRegion" : row.field,
          personId: (row.personId as string) ?? null,
          asDate: row.field === "birthDate",
        }
      : null,
};
const WITHHELD = "[withheld]";

export function forbidden(coordinate: string, rulePath: string): HubError {
  return new HubError("FORBIDDEN", `Not permitted: ${coordinate}`, { rule: rulePath });
}

/** The FORBIDDEN error for a refused field, with the refusal on the audit trail (type, record, field; never a value). */
function refuse(ctx: RequestContext, typeName: string, field: string, source: unknown, rulePath: string): HubError {
  const row = (source ?? {}) as Row;
  const id = row.id ?? row.seq;
  ctx.audit?.denied(typeName, typeof id === "string" || typeof id === "bigint" || typeof id === "number" ? String(id) : [], field);
  return forbidden(`${typeName}.${field}`, rulePath);
}

const pathString = (info: GraphQLResolveInfo) => responsePathAsArray(info.path).join(".");

export function enforcePolicy(schema: GraphQLSchema, policy: ResolvedPolicy): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    const typeName = type.name;
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${typeName}.${field.name}`;
      const resolved = policy.coordinates.get(coordinate);
      const original: GraphQLFieldResolver<unknown, RequestContext> = field.resolve ?? defaultFieldResolver;
      const returnType = getNamedType(field.type);
      const nullable = getNullableType(field.type);
      const toOneScoped = isObjectType(returnType) && !isListType(nullable) && policy.rows.has(returnType.name);
      const isEntities = typeName === "Query" && field.name === "_entities";
      const structural = policy.structural(typeName) && !resolved;
      if (structural && !toOneScoped) continue;

      const sensitivity = resolved?.sensitivity ?? null;
      const rulePath = resolved?.rulePath ?? `${typeName} (not in policy)`;

      const derived = DERIVED[coordinate];
      if (derived) {
        field.resolve = async (source, args, ctx, info) => {
          // The coordinate's own grant first, like every other field.
          if (ctx.access.effect(typeName, field.name).kind === "deny") throw refuse(ctx, typeName, field.name, source, rulePath);
          const d = derived(source as Row);
          const value = await original(source, args, ctx, info);
          // Unknown provenance: withhold rather than guess.
          if (!d) return WITHHELD;
          let e = ctx.access.effect(d.type, d.field);
          // Protections apply to identity fields only, exactly as on the carried field itself.
          const carried = policy.coordinates.get(`${d.type}.${d.field}`);
          if (carried?.sensitivity === "identity") e = await ctx.access.protect(e, d.field, d.personId);
          const audit = (decision: "ALLOW" | "MASK") => {
            if (carried?.sensitivity && d.personId) ctx.audit?.read(d.type, d.personId, d.field, decision);
          };
          if (e.kind === "allow") {
            audit("ALLOW");
            return value;
          }
          ctx.access.maskedPaths.push(pathString(info));
          if (e.kind === "deny" || typeof value !== "string") return WITHHELD;
          const masked = ctx.access.mask(e.masker, d.asDate ? new Date(`${value}T00:00:00Z`) : value, source as Row);
          const shown = masked instanceof Date ? masked.toISOString().slice(0, 10) : typeof masked === "string" ? masked : WITHHELD;
          if (shown !== WITHHELD) audit("MASK");
          return shown;
        };
        continue;
      }
      const plain = !sensitivity && !toOneScoped && !isEntities;
      field.resolve = (source, args, ctx, info) => {
        const effect = structural ? ({ kind: "allow" } as const) : ctx.access.effect(typeName, field.name);
        if (effect.kind === "deny") throw refuse(ctx, typeName, field.name, source, rulePath);
        // Fast path: most fields are plainly allowed and stay synchronous.
        if (plain && effect.kind === "allow") return original(source, args, ctx, info);
        return guarded(source, args, ctx, info, effect);
      };
      const guarded = async (source: unknown, args: Record<string, unknown>, ctx: RequestContext, info: GraphQLResolveInfo, initial: ResolvedEffect) => {
        const access = ctx.access;
        let effect = initial;
        if (sensitivity === "identity") effect = await access.protect(effect, field.name, subjectOf(typeName, source as Row));
        if (effect.kind === "deny") throw refuse(ctx, typeName, field.name, source, rulePath);

        let value = await original(source, args, ctx, info);

        // To-one links (CaseParticipant.person, Query.case, ...): forbidden looks like missing.
        if (toOneScoped && value && typeof value === "object" && access.hasRowScope(returnType.name)) {
          const id = access.keyOf(returnType.name, value as Row);
          if (id === null || !(await access.visible(returnType.name, id))) value = null;
        }
        if (isEntities && Array.isArray(value)) {
          // @apollo/subgraph answers one promise per representation: await each before checking
          // it, or the check sees a Promise (no __typename) and waves everything through. Each
          // stays its own promise so one failing representation still fails alone.
          value = value.map(async (pending: unknown) => {
            const v = await pending;
            if (!v || typeof v !== "object") return v;
            const t = (v as Row).__typename;
            if (typeof t !== "string") return null; // cannot tell its type: fail closed
            if (!access.hasRowScope(t)) return v;
            const id = access.keyOf(t, v as Row);
            return id !== null && (await access.visible(t, id)) ? v : null;
          });
        }
        if (effect.kind === "mask" && value !== null && value !== undefined) {
          value = access.mask(effect.masker, value, source as Row);
          access.maskedPaths.push(pathString(info));
        }
        if (sensitivity && value !== null && value !== undefined) {
          ctx.audit?.read(typeName, String((source as Row).id ?? (source as Row).seq ?? ""), field.name, effect.kind === "mask" ? "MASK" : "ALLOW");
        }
        return value;
      };
    }
  }
  return schema;
}
