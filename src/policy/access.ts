// Per-request access state: the principal's effect for each coordinate, its row scopes, and
// batched lookups of row visibility and victim protections. Created once per request, so
// caches never cross principals.
import DataLoader from "dataloader";
import type { Principal } from "../auth/principal";
import type { Database } from "../db/database";
import { MASKERS, type MaskerName } from "./maskers";
import { applyPurpose, combine, type ResolvedCoordinate, type ResolvedEffect, type ResolvedPolicy } from "./resolve";
import type { Role } from "./roles";
import { NO_ROWS, SCOPES, type ScopeEnv } from "./scopes";
import type { ProtectionRule } from "./types";

type Where = Record<string, unknown>;

export interface PersonProtection {
  victim: boolean;
  child: boolean;
  consentAgencies: ReadonlySet<string>;
}

/**
 * Whose protections decide an identity field of a record: the person it is about, or, for records
 * about a case and no one person (Case, LegalProceeding, EarlyWarningReport), every victim of
 * that case (src/policy/enforce.ts subjectOf).
 */
export type ProtectionSubject = { personId: string } | { caseId: string } | null;

/**
 * How a record of each type reaches the person whose protections apply (Prisma relation), for
 * searching under protections in SQL. "self": the record is the person; "case": the victims of
 * the record's case (or of the case itself).
 */
const SUBJECT_PATH: Record<string, { person: "self" | string } | { case: "self" | string }> = {
  Person: { person: "self" },
  PersonStatement: { person: "person" },
  IdentityDocument: { person: "person" },
  BorderCrossing: { person: "person" },
  CaseParticipant: { person: "person" },
  ServiceReferral: { person: "person" },
  Repatriation: { person: "person" },
  MigrantPlacement: { person: "worker" },
  Case: { case: "self" },
  LegalProceeding: { case: "case" },
  EarlyWarningReport: { case: "case" },
};

/** Row keys that are not `id` (the audit log is keyed by its sequence number). */
const KEYS: Record<string, "id" | "seq"> = { AuditEntry: "seq" };

const DELEGATES: Record<string, string> = {
  Case: "case",
  Person: "person",
  CaseParticipant: "caseParticipant",
  MigrantPlacement: "migrantPlacement",
  BorderCrossing: "borderCrossing",
  Repatriation: "repatriation",
  ServiceReferral: "serviceReferral",
  LegalProceeding: "legalProceeding",
  EarlyWarningReport: "earlyWarningReport",
  Organization: "organization",
  AuditEntry: "auditEntry",
};

/** A person's protections from their victim participations (isChild, consentAgencies of each). */
export function protectionOf(victimRows: readonly { isChild: boolean; consentAgencies: readonly string[] }[]): PersonProtection {
  // Consent must hold in every case the person is a victim in: the strictest statement wins.
  const consent = victimRows.length
    ? victimRows.map((r) => new Set(r.consentAgencies)).reduce((a, b) => new Set([...a].filter((x) => b.has(x))))
    : new Set<string>();
  return { victim: victimRows.length > 0, child: victimRows.some((r) => r.isChild), consentAgencies: consent };
}

export class Access {
  private effects = new Map<string, ResolvedEffect>();
  private wheres = new Map<string, Where>();
  private visibility = new Map<string, DataLoader<string, boolean>>();
  /** Response paths whose values were masked, reported in `extensions.masked`. */
  readonly maskedPaths: string[] = [];
  readonly protections: DataLoader<string, PersonProtection>;

  /** Protections of every victim of a case, for free text about the case (Case.summary, ...). */
  readonly caseProtections: DataLoader<string, PersonProtection[]>;

  constructor(
    readonly principal: Principal,
    readonly policy: ResolvedPolicy,
    private readonly db: Database,
  ) {
    this.protections = new DataLoader(async (personIds) => {
      const rows = await db.prisma.caseParticipant.findMany({
        where: { personId: { in: [...personIds] }, role: "VICTIM" },
        select: { personId: true, isChild: true, consentAgencies: true },
      });
      return personIds.map((id) => protectionOf(rows.filter((r) => r.personId === id)));
    });
    this.caseProtections = new DataLoader(async (caseIds) => {
      const rows = await db.prisma.caseParticipant.findMany({
        where: { caseId: { in: [...caseIds] }, role: "VICTIM" },
        select: { caseId: true, personId: true },
      });
      const facts = new Map<string, PersonProtection>();
      await Promise.all([...new Set(rows.map((r) => r.personId))].map(async (id) => facts.set(id, await this.protections.load(id))));
      return caseIds.map((c) => rows.filter((r) => r.caseId === c).map((r) => facts.get(r.personId)!));
    });
  }

  get roles(): readonly Role[] {
    return this.principal.roles as Role[];
  }

  coordinate(type: string, field: string): ResolvedCoordinate | undefined {
    return this.policy.coordinates.get(`${type}.${field}`);
  }

  /** Effect of the principal's roles and purpose on a coordinate, before per-record protections. */
  effect(type: string, field: string): ResolvedEffect {
    const key = `${type}.${field}`;
    let e = this.effects.get(key);
    if (!e) {
      const c = this.policy.coordinates.get(key);
      if (!c) e = this.policy.structural(type) ? { kind: "allow" } : { kind: "deny" };
      else e = combine(this.roles.map((r) => applyPurpose(c.grants.get(r), this.principal.purpose)));
      this.effects.set(key, e);
    }
    return e;
  }

  /** May the principal filter, sort or look up by this coordinate? Only if it could read the value. */
  canFilterOn(coordinate: string): boolean {
    const [type, field] = coordinate.split(".") as [string, string];
    const e = this.effect(type, field);
    if (e.kind === "allow") return true;
    const c = this.policy.coordinates.get(coordinate);
    return e.kind === "mask" && Boolean(c && this.roles.some((r) => c.lookupWhenMasked.has(r)));
  }

  private exempt(rule: ProtectionRule): boolean {
    return this.roles.some((r) => rule.exempt.some((e) => e.role === r && e.purposes.includes(this.principal.purpose as never)));
  }

  /** Whether a protection hides a person's identity from this principal. */
  private hidden(facts: PersonProtection): boolean {
    const { childVictimIdentity, victimConsent } = this.policy.policy.protections;
    return (facts.child && !this.exempt(childVictimIdentity)) || (facts.victim && !facts.consentAgencies.has(this.principal.agency) && !this.exempt(victimConsent));
  }

  /**
   * Applies child-victim and consent protections to an identity field (or carrier) of a record:
   * the subject's person, or every victim of the subject's case.
   */
  async protect(effect: ResolvedEffect, field: string, subject: ProtectionSubject | string | null | undefined): Promise<ResolvedEffect> {
    if (effect.kind !== "allow" || !subject) return effect;
    // Exempt from both protections: nothing can be hidden, so no facts need loading.
    if (this.exemptFromAll()) return effect;
    const s = typeof subject === "string" ? { personId: subject } : subject;
    const downgrade = "personId" in s ? this.hidden(await this.protections.load(s.personId)) : (await this.caseProtections.load(s.caseId)).some((f) => this.hidden(f));
    return downgrade ? { kind: "mask", masker: this.policy.policy.protections.identityMasks[field] ?? "withhold" } : effect;
  }

  /**
   * Whether a child-victim or consent protection downgrades this person's identity fields for this
   * principal (Person.identityProtected; agency subgraphs apply the same protection with it).
   */
  async identityProtected(personId: string): Promise<boolean> {
    if (this.exemptFromAll()) return false;
    return this.hidden(await this.protections.load(personId));
  }

  /** Can a child-victim or consent protection hide anything from this principal? */
  protectionsApply(): boolean {
    return !this.exemptFromAll();
  }

  /** Exempt from every protection (children's identity and consent) for this token's purpose? */
  private exemptFromAll(): boolean {
    const { childVictimIdentity, victimConsent } = this.policy.policy.protections;
    return this.exempt(childVictimIdentity) && this.exempt(victimConsent);
  }

  /**
   * May the principal sort by this coordinate? Only if it reads the field in clear in EVERY row: a
   * masked value is never a sort key. For identity fields that means the grant allows it and the
   * principal is exempt from every protection; decided from the token alone, so a refusal says
   * nothing about the data.
   */
  canSortOn(coordinate: string): boolean {
    const [type, field] = coordinate.split(".") as [string, string];
    if (this.policy.coordinates.get(coordinate)?.sensitivity !== "identity") return this.canFilterOn(coordinate);
    return this.effect(type, field).kind === "allow" && this.exemptFromAll();
  }

  /**
   * Prisma where fragment for rows of `type` whose identity field `field` the principal may search:
   * the rows where it reads the field in clear, after the child-victim and consent protections
   * (security property 3). Filters and lookups on an identity field AND this into their own
   * condition, so a row the caller sees masked never matches. Roles the policy lets look up a
   * field it sees masked (TypePolicy.lookupWhenMasked) are not narrowed: the exact value they
   * hold is the lookup, as declared.
   */
  searchWhere(type: string, field: string): Where {
    const c = this.policy.coordinates.get(`${type}.${field}`);
    if (c?.sensitivity !== "identity") return {};
    if (this.roles.some((r) => c.lookupWhenMasked.has(r))) return {};
    const { childVictimIdentity, victimConsent } = this.policy.policy.protections;
    const hiddenVictim: Where[] = [];
    if (!this.exempt(childVictimIdentity)) hiddenVictim.push({ role: "VICTIM", isChild: true });
    if (!this.exempt(victimConsent)) hiddenVictim.push({ role: "VICTIM", NOT: { consentAgencies: { has: this.principal.agency } } });
    if (hiddenVictim.length === 0) return {};
    const clearPerson: Where = { participations: { none: { OR: hiddenVictim } } };
    const path = SUBJECT_PATH[type];
    if (!path) throw new Error(`searchWhere: no protection subject known for ${type}`);
    if ("person" in path) return path.person === "self" ? clearPerson : { [path.person]: { is: clearPerson } };
    // About a case: every victim of the case must be readable in clear.
    const clearCase: Where = { participants: { none: { OR: hiddenVictim } } };
    return path.case === "self" ? clearCase : { [path.case]: { is: clearCase } };
  }

  mask(masker: MaskerName, value: unknown, row: Record<string, unknown>): unknown {
    return value === null || value === undefined ? value : MASKERS[masker](value, row);
  }

  /** Prisma where fragment restricting `type` to the rows the principal may see. */
  rowWhere(type: string): Where {
    return this.rowWhereFor(type, this.roles);
  }

  /**
   * Rows of `type` a contribution by the principal may reference by hub id or by another agency's
   * key: its readable rows, or those its roles' `links` name (src/policy/rules.ts). Everything
   * else must answer like a missing record.
   */
  linkWhere(type: string): Where {
    const key = `links\u0000${type}`;
    let w = this.wheres.get(key);
    if (w) return w;
    const rows = this.rowWhere(type);
    const byRole = this.policy.links.get(type);
    const extra: Where[] = [];
    for (const role of this.roles) {
      const rule = byRole?.get(role);
      if (rule === undefined) continue;
      if (rule === "all") return this.remember(key, {});
      const env: ScopeEnv = { principal: this.principal, caseWhere: () => this.rowWhereFor("Case", [role]) };
      for (const alt of rule) {
        // An alternative of only unlimited scopes (no jurisdiction) is every row: say so plainly, as
        // Prisma 6.19 drops an empty alternative from an OR that has others
        // (`{ OR: [{ id: { in: [] } }, { AND: [{}] }] }` matches nothing).
        const parts = alt.map((s) => SCOPES[s](env)).filter((w) => Object.keys(w).length > 0);
        if (parts.length === 0) return this.remember(key, {});
        extra.push({ AND: parts });
      }
    }
    if (extra.length === 0 || Object.keys(rows).length === 0) return this.remember(key, rows);
    // NO_ROWS adds nothing to an OR; leave it out so the SQL stays plain.
    const alternatives = rows === NO_ROWS ? extra : [rows, ...extra];
    return this.remember(key, alternatives.length === 1 ? alternatives[0]! : { OR: alternatives });
  }

  private remember(key: string, w: Where): Where {
    this.wheres.set(key, w);
    return w;
  }

  /**
   * Row scope of `type` for some of the principal's roles: the union of each role's own scope.
   * A scope that follows a record to its case ("participant.inVisibleCase") uses the Case scope of
   * the SAME role, never the union over all roles: otherwise a prosecutor who is also a task-force
   * analyst would see every person in the analyst's jurisdiction, which neither role may.
   */
  private rowWhereFor(type: string, roles: readonly Role[]): Where {
    const key = `${type}\u0000${roles.join(",")}`;
    let w = this.wheres.get(key);
    if (w) return w;
    const byRole = this.policy.rows.get(type);
    if (!byRole) w = {};
    else {
      const alternatives: Where[] = [];
      let all = false;
      for (const role of roles) {
        const rule = byRole.get(role);
        if (rule === undefined) continue;
        if (rule === "all") {
          all = true;
          break;
        }
        const env: ScopeEnv = { principal: this.principal, caseWhere: () => this.rowWhereFor("Case", [role]) };
        for (const alt of rule) {
          // An alternative of only unlimited scopes (a token without jurisdiction: no territorial
          // limit, docs/auth.md) is every row, as in linkWhere: Prisma 6.19 would drop an empty
          // alternative from an OR with others and show such a token nothing.
          const parts = alt.map((s) => SCOPES[s](env)).filter((x) => Object.keys(x).length > 0);
          if (parts.length === 0) all = true;
          else alternatives.push({ AND: parts });
        }
        if (all) break;
      }
      w = all ? {} : alternatives.length === 0 ? NO_ROWS : { OR: alternatives };
    }
    this.wheres.set(key, w);
    return w;
  }

  hasRowScope(type: string): boolean {
    return this.policy.rows.has(type);
  }

  /** The row key of a record of a scoped type, as a string: `id`, or `seq` for AuditEntry. */
  keyOf(type: string, row: Record<string, unknown>): string | null {
    const k = row[KEYS[type] ?? "id"];
    return typeof k === "string" ? k : typeof k === "bigint" || typeof k === "number" ? String(k) : null;
  }

  /** Whether the record with this key is inside the principal's row scope (batched, in SQL). */
  visible(type: string, id: string): Promise<boolean> {
    return this.visibilityLoader(type).load(id);
  }

  /**
   * Records a visibility the compiled read path (src/read/) computed from this same rowWhere in
   * its own statement, so `visible` answers without another query.
   */
  primeVisible(type: string, id: string, isVisible: boolean): void {
    this.visibilityLoader(type).prime(id, isVisible);
  }

  /** Whether any field of `type` is an identity field (protections can apply to its rows). */
  hasIdentityFields(type: string): boolean {
    let v = this.identityTypes.get(type);
    if (v === undefined) {
      v = [...this.policy.coordinates].some(([k, c]) => k.startsWith(`${type}.`) && c.sensitivity === "identity");
      this.identityTypes.set(type, v);
    }
    return v;
  }

  private identityTypes = new Map<string, boolean>();

  private visibilityLoader(type: string): DataLoader<string, boolean> {
    let loader = this.visibility.get(type);
    if (!loader) {
      const delegate = DELEGATES[type];
      const where = this.rowWhere(type);
      const key = KEYS[type] ?? "id";
      loader = new DataLoader(async (ids) => {
        if (!delegate) return ids.map(() => false);
        if (Object.keys(where).length === 0) return ids.map(() => true);
        const model = (this.db.prisma as unknown as Record<string, { findMany(a: unknown): Promise<Record<string, unknown>[]> }>)[delegate]!;
        const keys = key === "seq" ? ids.filter((i) => /^\d+$/.test(i)).map((i) => BigInt(i)) : [...ids];
        const found = await model.findMany({ where: { AND: [{ [key]: { in: keys } }, where] }, select: { [key]: true } });
        const set = new Set(found.map((f) => String(f[key])));
        return ids.map((id) => set.has(id));
      });
      this.visibility.set(type, loader);
    }
    return loader;
  }
}
