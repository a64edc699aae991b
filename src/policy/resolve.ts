// Expands the short forms of src/policy/rules.ts once into a complete table and checks it
// against the schema, so a misspelt type or field stops the boot.
import { isObjectType, type GraphQLSchema } from "graphql";
import { isMaskerName, type MaskerName } from "./maskers";
import { PURPOSES, ROLES, type Purpose, type Role } from "./roles";
import { IDENTITY_CLASSES, type Effect, type Grant, type IdentityClass, type Policy, type RoleGrants, type RowRule, type TypePolicy } from "./types";

export type ResolvedEffect = { kind: "allow" } | { kind: "deny" } | { kind: "mask"; masker: MaskerName };
export type ResolvedGrant =
  | ResolvedEffect
  | { kind: "purpose"; when: ReadonlySet<Purpose>; then: ResolvedEffect; else: ResolvedEffect };

export interface ResolvedCoordinate {
  type: string;
  field: string;
  grants: ReadonlyMap<Role, ResolvedGrant>;
  sensitivity: "identity" | "special" | null;
  /** The identity class this field carries (Policy.carriers), if any. */
  carries: IdentityClass | null;
  /** Roles that may filter/look up on this field although their grant is a mask. */
  lookupWhenMasked: ReadonlySet<Role>;
  /** Where the grant came from, for error messages and the access matrix. */
  rulePath: string;
}

export interface ResolvedPolicy {
  policy: Policy;
  coordinates: ReadonlyMap<string, ResolvedCoordinate>;
  /** Types with row scopes, by role (missing role: no rows). */
  rows: ReadonlyMap<string, ReadonlyMap<Role, RowRule>>;
  /** What each role's contributions may reference beyond its rows (TypePolicy.links). */
  links: ReadonlyMap<string, ReadonlyMap<Role, RowRule>>;
  structural(type: string): boolean;
  introspection: ReadonlySet<Role>;
}

export class PolicyError extends Error {
  override name = "PolicyError";
}

const DENY: ResolvedEffect = { kind: "deny" };

function effect(e: Effect, where: string): ResolvedEffect {
  if (e === "allow") return { kind: "allow" };
  if (e === "deny") return DENY;
  const m = e.slice("mask:".length);
  if (!e.startsWith("mask:") || !isMaskerName(m)) throw new PolicyError(`${where}: unknown effect "${e}"`);
  return { kind: "mask", masker: m };
}

export function resolveGrant(g: Grant, where: string): ResolvedGrant {
  if (typeof g === "string") return effect(g, where);
  return { kind: "purpose", when: new Set(g.when), then: effect(g.then, where), else: effect(g.else, where) };
}

/** Expands the policy for every object type and field of `schema`; unknown names are errors. */
export function resolvePolicy(policy: Policy, schema: GraphQLSchema): ResolvedPolicy {
  const structural = (t: string) => policy.structuralTypes.some((re) => re.test(t));
  const coordinates = new Map<string, ResolvedCoordinate>();
  const rows = new Map<string, Map<Role, RowRule>>();
  const links = new Map<string, Map<Role, RowRule>>();
  const problems: string[] = [];

  for (const [typeName, tp] of Object.entries(policy.types) as [string, TypePolicy][]) {
    const type = schema.getType(typeName);
    if (!type || !isObjectType(type)) {
      problems.push(`policy names type ${typeName}, which the schema does not have`);
      continue;
    }
    const fields = type.getFields();
    const named = [
      ...Object.keys(tp.fields ?? {}),
      ...(tp.identity ?? []),
      ...(tp.special ?? []),
      ...Object.keys(tp.lookupWhenMasked ?? {}),
    ];
    for (const f of named) if (!fields[f]) problems.push(`policy names ${typeName}.${f}, which the schema does not have`);
    for (const role of Object.keys({ ...tp.default, ...Object.assign({}, ...Object.values(tp.fields ?? {})) })) {
      if (!(ROLES as readonly string[]).includes(role)) problems.push(`policy for ${typeName} names unknown role ${role}`);
    }
    if (tp.rows) rows.set(typeName, new Map(Object.entries(tp.rows) as [Role, RowRule][]));
    if (tp.links) {
      if (!tp.rows) problems.push(`policy for ${typeName} has links but no rows`);
      links.set(typeName, new Map(Object.entries(tp.links) as [Role, RowRule][]));
    }

    for (const fieldName of Object.keys(fields)) {
      const grants = new Map<Role, ResolvedGrant>();
      const explicit = tp.fields?.[fieldName];
      for (const role of ROLES) {
        // A field's own map is complete: a role it does not name is denied, never the default.
        const g = explicit ? explicit[role] : tp.default?.[role];
        if (g !== undefined) grants.set(role, resolveGrant(g, `${typeName}.${fieldName}[${role}]`));
      }
      coordinates.set(`${typeName}.${fieldName}`, {
        type: typeName,
        field: fieldName,
        grants,
        // A carrier of an identity value is an identity field: protections apply, reads are audited.
        sensitivity:
          tp.identity?.includes(fieldName) || policy.carriers.fields[`${typeName}.${fieldName}`] ? "identity" : tp.special?.includes(fieldName) ? "special" : null,
        carries: policy.carriers.fields[`${typeName}.${fieldName}`] ?? null,
        lookupWhenMasked: new Set(tp.lookupWhenMasked?.[fieldName] ?? []),
        rulePath: explicit ? `${typeName}.fields.${fieldName}` : `${typeName}.default`,
      });
    }
  }
  problems.push(...carrierProblems(policy, coordinates));
  if (problems.length) throw new PolicyError(`Access policy does not match the schema:\n- ${problems.join("\n- ")}`);
  return { policy, coordinates, rows, links, structural, introspection: new Set(policy.introspection) };
}

/** Effect of one grant for a purpose. */
export function applyPurpose(g: ResolvedGrant | undefined, purpose: string): ResolvedEffect {
  if (!g) return DENY;
  if (g.kind !== "purpose") return g;
  return g.when.has(purpose as Purpose) ? g.then : g.else;
}

const RANK = { deny: 0, mask: 1, allow: 2 } as const;

/** Several roles: the most permissive effect any of them grants (documented in the access matrix). */
export function combine(effects: ResolvedEffect[]): ResolvedEffect {
  return effects.reduce<ResolvedEffect>((best, e) => (RANK[e.kind] > RANK[best.kind] ? e : best), DENY);
}

const show = (e: ResolvedEffect) => (e.kind === "mask" ? `mask:${e.masker}` : e.kind);

/** Whether `e` releases more than `limit`: a higher rank, or a different mask (other than withholding). */
function wider(e: ResolvedEffect, limit: ResolvedEffect): boolean {
  if (RANK[e.kind] !== RANK[limit.kind]) return RANK[e.kind] > RANK[limit.kind];
  return e.kind === "mask" && limit.kind === "mask" && e.masker !== limit.masker && e.masker !== "withhold";
}

/**
 * One value, one grant (security property 16): every declared carrier is granted, for every role
 * and purpose, no more widely than its identity class; every `identity` field is a declared
 * carrier. Returns one line per offending field and role.
 */
export function carrierProblems(policy: Policy, coordinates: ReadonlyMap<string, ResolvedCoordinate>): string[] {
  const problems: string[] = [];
  const classGrants = new Map<IdentityClass, Map<Role, ResolvedGrant>>();
  for (const cls of IDENTITY_CLASSES) {
    const grants: RoleGrants = policy.carriers.classes[cls]?.grants ?? {};
    classGrants.set(cls, new Map(Object.entries(grants).map(([r, g]) => [r as Role, resolveGrant(g!, `carriers.classes.${cls}[${r}]`)])));
  }
  for (const [coordinate, cls] of Object.entries(policy.carriers.fields)) {
    const c = coordinates.get(coordinate);
    if (!c) {
      problems.push(`carrier ${coordinate} is not a field of the schema`);
      continue;
    }
    if (!classGrants.has(cls)) {
      problems.push(`carrier ${coordinate} names unknown identity class ${cls}`);
      continue;
    }
    for (const role of ROLES) {
      const bad = PURPOSES.filter((p) => wider(applyPurpose(c.grants.get(role), p), applyPurpose(classGrants.get(cls)!.get(role), p)));
      if (bad.length === 0) continue;
      const p = bad[0]!;
      problems.push(
        `${coordinate} carries ${cls} but grants ${role} ${show(applyPurpose(c.grants.get(role), p))} where ${cls} grants ${show(applyPurpose(classGrants.get(cls)!.get(role), p))} (purpose ${bad.join(", ")})`,
      );
    }
  }
  for (const [typeName, tp] of Object.entries(policy.types)) {
    for (const f of tp.identity ?? []) {
      if (!policy.carriers.fields[`${typeName}.${f}`]) problems.push(`${typeName}.${f} is an identity field but not a declared carrier (add it to carriers.fields)`);
    }
  }
  return problems;
}
