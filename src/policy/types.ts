// The shape of the access policy (src/policy/rules.ts). Short forms are expanded once by
// resolvePolicy() into a complete role x coordinate table; request-time code only looks up.
import type { MaskerName } from "./maskers";
import type { Purpose, Role } from "./roles";
import type { ScopeName } from "./scopes";

/** allow: the value; deny: null + FORBIDDEN error; mask:<masker>: a masked value of the same type. */
export type Effect = "allow" | "deny" | `mask:${MaskerName}`;

/** An effect, or one that depends on the token's declared purpose. */
export type Grant = Effect | { readonly when: readonly Purpose[]; readonly then: Effect; readonly else: Effect };

export type RoleGrants = Partial<Record<Role, Grant>>;

/** Row scope: alternatives are ORed; each alternative is an AND of named scopes (src/policy/scopes.ts). */
export type RowRule = "all" | readonly (readonly ScopeName[])[];

export interface TypePolicy {
  /** What the type is, for the access matrix. */
  readonly about: string;
  /** Row scope per role. Absent: rows are reachable only through a parent the caller can see. A role missing from a present map sees no rows. */
  readonly rows?: Partial<Record<Role, RowRule>>;
  /**
   * What a contribution of each role may reference by hub id or by another agency's
   * (sourceAgency, externalId), besides the rows it reads (`rows`): a reference outside both
   * answers exactly like a missing record (forbidden looks like missing, for writes too).
   * References by identity document link by identity and are not limited here (docs/contributing.md).
   */
  readonly links?: Partial<Record<Role, RowRule>>;
  /** Grant per role for every field not listed in `fields`. */
  readonly default?: RoleGrants;
  /** Per-field grants. A field listed here uses only this map: roles it does not name are denied. */
  readonly fields?: Readonly<Record<string, RoleGrants>>;
  /** Direct identifiers of a person: child-victim and consent protections apply; reads are audited. */
  readonly identity?: readonly string[];
  /** Special-category or free-text fields (health, needs, narratives): reads are audited. */
  readonly special?: readonly string[];
  /** Filters/lookups on these fields are allowed for a role whose grant is a mask (e.g. LTSA looking up a NIK it holds). */
  readonly lookupWhenMasked?: Readonly<Record<string, readonly Role[]>>;
}

export interface ProtectionRule {
  readonly about: string;
  /** Effect applied to identity fields of protected persons for every role/purpose not exempted. */
  readonly effect: Effect;
  readonly exempt: readonly { readonly role: Role; readonly purposes: readonly Purpose[] }[];
}

/**
 * Classes of identity value. A field that carries a value of a class (the class's own field, a copy
 * of it elsewhere, or free text that can hold it) is a carrier of that class (Policy.carriers).
 */
export const IDENTITY_CLASSES = ["name", "birthDate", "contact", "address", "documentNumber", "freeText"] as const;
export type IdentityClass = (typeof IDENTITY_CLASSES)[number];

export interface CarrierPolicy {
  /** The widest grant each class may have, per role (and purpose). */
  readonly classes: Readonly<Record<IdentityClass, { readonly about: string; readonly grants: RoleGrants }>>;
  /**
   * Every field that carries an identity value, as `Type.field` -> class. A carrier is never granted
   * more widely than its class (allow > mask > deny, for every role and purpose; a mask must be the
   * class's own masker or `withhold`): the start-up check refuses a policy that does. Carriers get
   * the child-victim and consent protections and are audited like identity fields.
   */
  readonly fields: Readonly<Record<string, IdentityClass>>;
}

export interface Policy {
  readonly types: Readonly<Record<string, TypePolicy>>;
  /** Types that only carry other types (connections, edges, page info, results): always allowed. */
  readonly structuralTypes: readonly RegExp[];
  readonly protections: {
    /** Victims who were children at the time of exploitation (CaseParticipant.isChild). */
    readonly childVictimIdentity: ProtectionRule;
    /** Victims' consent to share identity with an agency (CaseParticipant.consentAgencies). */
    readonly victimConsent: ProtectionRule;
    /** The masker a protection applies to each identity field it downgrades. */
    readonly identityMasks: Readonly<Record<string, MaskerName>>;
  };
  /** Which fields carry identity values, and how widely each class may be granted. */
  readonly carriers: CarrierPolicy;
  /**
   * The rules every row scope that follows a relationship obeys (issue 8, class 1), in words for
   * the access matrix; src/policy/scopes.ts implements them in each scope's SQL.
   */
  readonly relationshipScopes: readonly string[];
  /** Roles allowed to use introspection (__schema, __type) and the federation _service field. */
  readonly introspection: readonly Role[];
  /**
   * Agency systems plugged in as subgraphs, by their name in the gateway's registry. A coordinate a
   * subgraph contributes with no entry here is denied (deny when undecided): the gateway refuses it
   * before planning, and the adapter kit (src/federation/) denies it inside the subgraph.
   */
  readonly subgraphs: Readonly<Record<string, SubgraphPolicy>>;
}

/** A row rule over a subgraph's own named scopes (SubgraphPolicy.scopes). */
export type SubgraphRowRule = "all" | readonly (readonly string[])[];

/** A subgraph's type: a TypePolicy whose row scopes are the subgraph's own (its adapter implements them). */
export interface SubgraphTypePolicy extends Omit<TypePolicy, "rows" | "links"> {
  readonly rows?: Partial<Record<Role, SubgraphRowRule>>;
}

export interface SubgraphPolicy {
  readonly about: string;
  /** Agency code of the owner, who runs the subgraph and answers for its data. */
  readonly agency: string;
  /** Row scopes the subgraph's adapter implements against its own source, in words for the access matrix. */
  readonly scopes: Readonly<Record<string, string>>;
  /** The subgraph's own types, and for hub entities it extends (Person, Case, Organization) only the fields it adds. */
  readonly types: Readonly<Record<string, SubgraphTypePolicy>>;
  /** Identity carriers among its fields, `Type.field` -> class; the same limits as Policy.carriers apply. */
  readonly carriers: Readonly<Record<string, IdentityClass>>;
}
