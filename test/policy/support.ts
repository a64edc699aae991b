// Shared machinery of the access-rules suite: principals and their tokens, a recorder of every
// exchange (checked for leaked secrets at the end of each file), the expected effect of a field
// computed from the policy DATA (src/policy/rules.ts through resolvePolicy) and a walker that
// checks a response field by field against the raw database rows.
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLNamedType,
  type GraphQLObjectType,
} from "graphql";
import { securedSchema } from "../../src/secured-schema";
import { MASKERS, type MaskerName } from "../../src/policy/maskers";
import { resolvePolicy, type ResolvedGrant } from "../../src/policy/resolve";
import { POLICY } from "../../src/policy/rules";
import { ROLES, type Purpose, type Role } from "../../src/policy/roles";
import type { PrismaClient } from "../../src/generated/prisma/client";
import { backends, startTestHub, testHubKey, type Backend, type TestHub } from "../support/hub";
import { startTestGateway, type TestGateway } from "../support/gateway";
import { gatewayIssuer } from "../../src/federation/principal-token";
import { HUB_SUBGRAPH } from "../../src/gateway/registry";
import { insertPolicyFixture, PERSONAS, SECRET_STRINGS, type PolicyFixture } from "./fixture";

// ---------------------------------------------------------------- principals

export interface Principal {
  label: string;
  roles: Role[];
  agency: string;
  purpose: Purpose;
  jurisdiction: string[];
}

/** The role's natural persona, optionally with another purpose. */
export function persona(role: Role, purpose?: Purpose): Principal {
  const p = PERSONAS[role];
  const label = purpose && purpose !== p.purpose ? `${role}+${purpose}` : role;
  return { label, roles: [role], agency: p.agency, purpose: purpose ?? p.purpose, jurisdiction: p.jurisdiction };
}

export const NATURAL: Principal[] = ROLES.map((r) => persona(r));
/** A purpose no grant names: every purpose-dependent grant falls to its `else`. */
export const OTHER_PURPOSE: Purpose = "statistics";
export const CASEWORK: Role[] = ["police-investigator", "prosecutor", "bp3mi-officer", "immigration-officer", "social-worker", "legal-aid", "ltsa-officer", "ngo-case-worker"];

// ---------------------------------------------------------------- hub with recorder

export interface Exchange {
  principal: string;
  query: string;
  status: number;
  text: string;
  body: { data?: any; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[]; extensions?: Record<string, unknown> };
}

/** How a suite reaches the hub: straight, or through the federation gateway (src/gateway/). */
export type Via = "hub" | "gateway";
export const VIAS: Via[] = ["hub", "gateway"];
/** The suites' describe.each table: every backend, straight and through the gateway. */
export const BACKENDS_AND_VIAS: [Backend, Via][] = backends.flatMap((b) => VIAS.map((v): [Backend, Via] => [b, v]));

export class PolicyHub {
  readonly exchanges: Exchange[] = [];
  private tokens = new Map<string, Promise<string>>();
  private constructor(
    readonly hub: TestHub,
    readonly fx: PolicyFixture,
    readonly via: Via,
    private readonly gateway?: TestGateway,
  ) {}

  static async start(backend: Backend, via: Via = "hub"): Promise<PolicyHub> {
    if (via === "hub") {
      const hub = await startTestHub(backend);
      return new PolicyHub(hub, await insertPolicyFixture(hub.db.prisma), via);
    }
    // The hub behind the gateway, trusting its principal tokens; clients hold hub-issued tokens.
    const key = await testHubKey();
    const hub = await startTestHub(backend, { extraIssuers: [gatewayIssuer({ keys: [key.publicJwk] }, HUB_SUBGRAPH)] });
    const gateway = await startTestGateway(hub, key);
    return new PolicyHub(hub, await insertPolicyFixture(hub.db.prisma), via, gateway);
  }

  /** Where the suite's requests go. */
  get url(): string {
    return this.gateway?.url ?? this.hub.url;
  }

  /** Through the gateway, `_entities` and `_service` are not in the API schema: refused at validation. */
  unreachable(query: string): boolean {
    return this.via === "gateway" && /\b_(entities|service)\b/.test(query);
  }

  get prisma(): PrismaClient {
    return this.hub.db.prisma;
  }

  token(p: Principal): Promise<string> {
    const key = JSON.stringify([p.roles, p.agency, p.purpose, p.jurisdiction]);
    let t = this.tokens.get(key);
    if (!t) this.tokens.set(key, (t = this.hub.token({ agency: p.agency, roles: p.roles, purpose: p.purpose, jurisdiction: p.jurisdiction })));
    return t;
  }

  /** POSTs one operation as the principal over HTTP and records the exchange (raw text kept). */
  async post(p: Principal, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Exchange> {
    const res = await fetch(this.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await this.token(p)}`, ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    let body: Exchange["body"];
    try {
      body = JSON.parse(text);
    } catch {
      body = { errors: [{ message: `non-JSON response (${res.status})` }] };
    }
    const ex = { principal: p.label, query, status: res.status, text, body };
    this.exchanges.push(ex);
    return ex;
  }

  /** Error messages of every recorded exchange that contain a secret value (should be none). */
  leakingErrorMessages(): string[] {
    const out: string[] = [];
    for (const ex of this.exchanges) {
      for (const e of ex.body.errors ?? []) {
        const found = SECRET_STRINGS.filter((s) => e.message.includes(s) || JSON.stringify(e.extensions ?? {}).includes(s));
        if (found.length) out.push(`${ex.principal}: "${e.message}" contains ${found.join(", ")}`);
      }
    }
    return out;
  }

  async stop(): Promise<void> {
    await this.gateway?.stop();
    await this.hub.stop();
  }
}

// ---------------------------------------------------------------- expected effects, from the policy data

export const SCHEMA = securedSchema().schema;
export const RESOLVED = resolvePolicy(POLICY, SCHEMA);

export type Eff = { kind: "allow" } | { kind: "deny" } | { kind: "mask"; masker: MaskerName };
const ALLOW: Eff = { kind: "allow" };
const DENY: Eff = { kind: "deny" };
const RANK = { deny: 0, mask: 1, allow: 2 } as const;

function grantEffect(g: ResolvedGrant | undefined, purpose: Purpose): Eff {
  if (!g) return DENY;
  if (g.kind === "purpose") return g.when.has(purpose) ? g.then : g.else;
  return g;
}

/** The field's effect for the principal's roles and purpose (most permissive role wins), before protections. */
export function fieldEffect(p: Principal, type: string, field: string): Eff {
  const c = RESOLVED.coordinates.get(`${type}.${field}`);
  if (!c) return RESOLVED.structural(type) ? ALLOW : DENY;
  let best: Eff = DENY;
  for (const r of p.roles) {
    const e = grantEffect(c.grants.get(r), p.purpose);
    if (RANK[e.kind] > RANK[best.kind]) best = e;
  }
  return best;
}

/** May the principal filter/sort/look up by this coordinate (read it, or masked with lookupWhenMasked)? */
export function canFilterOn(p: Principal, coordinate: string): boolean {
  const [type, field] = coordinate.split(".") as [string, string];
  const e = fieldEffect(p, type, field);
  if (e.kind === "allow") return true;
  const c = RESOLVED.coordinates.get(coordinate);
  return e.kind === "mask" && Boolean(c && p.roles.some((r) => c.lookupWhenMasked.has(r)));
}

/**
 * May the principal sort by this coordinate? A masked value is never a sort key: identity fields
 * only for a grant of allow AND exemption from every protection (decided from the token alone).
 */
export function canSortOn(p: Principal, coordinate: string): boolean {
  const [type, field] = coordinate.split(".") as [string, string];
  if (sensitivity(type, field) !== "identity") return canFilterOn(p, coordinate);
  const { childVictimIdentity, victimConsent } = POLICY.protections;
  return fieldEffect(p, type, field).kind === "allow" && exempt(p, childVictimIdentity) && exempt(p, victimConsent);
}

export const sensitivity = (type: string, field: string) => RESOLVED.coordinates.get(`${type}.${field}`)?.sensitivity ?? null;

/** Maskers the protections use per identity field (policy data). */
export const PROTECTION_MASK = POLICY.protections.identityMasks;

const exempt = (p: Principal, rule: { exempt: readonly { role: Role; purposes: readonly Purpose[] }[] }) =>
  rule.exempt.some((x) => p.roles.includes(x.role) && x.purposes.includes(p.purpose));

/** Whether the protections hide this person's identity from the principal. */
export function personHidden(p: Principal, personId: string, raw: Raw): boolean {
  const victimRows = [...raw.CaseParticipant!.values()].filter((r) => r.personId === personId && r.role === "VICTIM");
  if (victimRows.length === 0) return false;
  const child = victimRows.some((r) => r.isChild);
  const consent = victimRows.map((r) => new Set(r.consentAgencies as string[])).reduce((a, b) => new Set([...a].filter((x) => b.has(x))));
  const { childVictimIdentity, victimConsent } = POLICY.protections;
  return (child && !exempt(p, childVictimIdentity)) || (!consent.has(p.agency) && !exempt(p, victimConsent));
}

/**
 * The effect on one record's field: the grant, then the child-victim and consent protections of
 * the person the record is about, or (a record about a case and no one person: Case,
 * LegalProceeding, EarlyWarningReport) of every victim of its case. `row` gives the case.
 */
export function cellEffect(p: Principal, type: string, field: string, personId: string | null, raw: Raw, row?: Row): Eff {
  return applyProtections(p, fieldEffect(p, type, field), type, field, personId, raw, row);
}

/** The protections applied to an effect `e` on an identity field (see cellEffect). */
export function applyProtections(p: Principal, e: Eff, type: string, field: string, personId: string | null, raw: Raw, row?: Row): Eff {
  if (e.kind !== "allow" || sensitivity(type, field) !== "identity") return e;
  const mask: Eff = { kind: "mask", masker: PROTECTION_MASK[field] ?? "withhold" };
  if (personId) return personHidden(p, personId, raw) ? mask : e;
  const caseId = type === "Case" ? row?.id : row?.caseId;
  if (!caseId) return e;
  const victims = [...raw.CaseParticipant!.values()].filter((r) => r.caseId === caseId && r.role === "VICTIM");
  return victims.some((v) => personHidden(p, v.personId, raw)) ? mask : e;
}

// ---------------------------------------------------------------- raw rows

type Row = Record<string, any>;
export type Raw = Record<string, Map<string, Row>>;

const TABLES: Record<string, string> = {
  Person: "person",
  PersonStatement: "personStatement",
  IdentityDocument: "identityDocument",
  Case: "case",
  CaseAssignment: "caseAssignment",
  CaseParticipant: "caseParticipant",
  MigrantPlacement: "migrantPlacement",
  BorderCrossing: "borderCrossing",
  Repatriation: "repatriation",
  ServiceReferral: "serviceReferral",
  LegalProceeding: "legalProceeding",
  EarlyWarningReport: "earlyWarningReport",
  Organization: "organization",
  Region: "region",
};
const keyOf = (type: string) => (type === "Region" ? "code" : "id");

export async function loadRaw(prisma: PrismaClient): Promise<Raw> {
  const out: Raw = {};
  for (const [type, delegate] of Object.entries(TABLES)) {
    const rows: Row[] = await (prisma as any)[delegate].findMany();
    out[type] = new Map(rows.map((r) => [r[keyOf(type)], r]));
  }
  return out;
}

// ---------------------------------------------------------------- row visibility (handwritten, from the fixture's design)

type Sym = keyof PolicyFixture | `referrals.${keyof PolicyFixture["referrals"]}`;
export type Visibility = Partial<Record<string, Sym[] | "all">>;

const ALL_REFERRALS: Sym[] = ["sitiShelter", "sitiLegal", "sitiNgo", "sitiDeclined", "dewiShelter", "dewiNgo", "rinaShelter", "rinaNgo"].map((k) => `referrals.${k}` as Sym);
const CASE1_PEOPLE: Sym[] = ["siti", "dewi", "rina", "budi"];
const CASE1_PARTICIPANTS: Sym[] = ["sitiVictim", "dewiVictim", "rinaVictim", "budiSuspect"];
const CASE1_VICTIMS: Sym[] = ["sitiVictim", "dewiVictim", "rinaVictim"];

/**
 * Which fixture records each role's natural persona may reach, worked out by hand from the
 * fixture's story and the scopes' meaning (not from the scope code): the independent check of
 * the row scopes. Types not listed: no rows. Region, PersonStatement, IdentityDocument and
 * CaseAssignment have no row scope (reached only through a parent).
 */
export const VISIBLE: Record<Role, Visibility> = {
  "police-investigator": {
    Case: ["case1"],
    Person: CASE1_PEOPLE,
    CaseParticipant: CASE1_PARTICIPANTS,
    MigrantPlacement: ["sitiPlacement", "dewiPlacement"],
    BorderCrossing: ["sitiCrossing"],
    ServiceReferral: ALL_REFERRALS,
    LegalProceeding: ["proceeding"],
    EarlyWarningReport: ["warning", "ngoWarning"],
    Organization: "all",
  },
  prosecutor: {
    Case: ["case1"],
    Person: CASE1_PEOPLE,
    CaseParticipant: CASE1_PARTICIPANTS,
    MigrantPlacement: ["sitiPlacement", "dewiPlacement"],
    BorderCrossing: ["sitiCrossing"],
    LegalProceeding: ["proceeding"],
    Organization: "all",
  },
  "bp3mi-officer": {
    Case: ["case1"], // has a placement and lies in 61
    Person: ["siti", "dewi"], // migrant workers (not suspects) and those BP3MI made statements about
    CaseParticipant: CASE1_VICTIMS,
    MigrantPlacement: "all",
    ServiceReferral: ["referrals.sitiDeclined"],
    EarlyWarningReport: ["warning", "ngoWarning"],
    Organization: "all",
  },
  "immigration-officer": {
    Person: ["siti", "dewi", "rina", "budi"], // crossed the border, or in an active case in its jurisdiction (61.03; not Ani in Kalsel)
    BorderCrossing: "all",
    EarlyWarningReport: ["warning", "ngoWarning"],
    Organization: "all",
  },
  "social-worker": {
    Case: ["case1"],
    Person: ["siti", "dewi", "rina"],
    CaseParticipant: CASE1_VICTIMS,
    ServiceReferral: ["referrals.sitiShelter", "referrals.sitiDeclined", "referrals.dewiShelter", "referrals.rinaShelter"],
    Organization: "all",
  },
  "legal-aid": {
    Case: ["case1"],
    Person: ["siti"],
    CaseParticipant: ["sitiVictim"],
    ServiceReferral: ["referrals.sitiLegal"],
    LegalProceeding: ["proceeding"],
    Organization: "all",
  },
  "ltsa-officer": {
    Person: ["siti", "dewi", "rina", "budi"], // migrant workers, anyone in an active case in its jurisdiction (61.03), its own referrals
    MigrantPlacement: "all",
    ServiceReferral: ["referrals.sitiShelter", "referrals.dewiShelter", "referrals.dewiNgo"],
    EarlyWarningReport: ["warning", "ngoWarning"],
    Organization: "all",
  },
  "ngo-case-worker": {
    Person: ["siti", "dewi", "rina"],
    CaseParticipant: CASE1_VICTIMS,
    ServiceReferral: ["referrals.sitiNgo", "referrals.dewiNgo", "referrals.rinaNgo"],
    EarlyWarningReport: ["ngoWarning"],
    Organization: "all",
  },
  "ngo-analyst": {},
  "task-force-analyst": { Case: ["case1"], EarlyWarningReport: ["warning", "ngoWarning"], Organization: "all" },
  auditor: {},
  admin: {
    Case: "all",
    Person: "all",
    CaseParticipant: "all",
    MigrantPlacement: "all",
    BorderCrossing: "all",
    Repatriation: "all",
    ServiceReferral: "all",
    LegalProceeding: "all",
    EarlyWarningReport: "all",
    Organization: "all",
  },
};

const UNSCOPED = new Set(["Region", "PersonStatement", "IdentityDocument", "CaseAssignment"]);

/** Ids of `type` the principal may reach (union over its roles, or an explicit table). */
export function visibleIds(fx: PolicyFixture, raw: Raw, type: string, table: Visibility[]): Set<string> {
  if (UNSCOPED.has(type)) return new Set(raw[type]?.keys() ?? []);
  const out = new Set<string>();
  for (const v of table) {
    const rule = v[type];
    if (!rule) continue;
    if (rule === "all") for (const id of raw[type]?.keys() ?? []) out.add(id);
    else
      for (const s of rule) {
        const id = s.startsWith("referrals.") ? fx.referrals[s.slice("referrals.".length) as keyof PolicyFixture["referrals"]] : (fx[s as keyof PolicyFixture] as string);
        out.add(id);
      }
  }
  return out;
}

// ---------------------------------------------------------------- selections and the walker

/** A selection: field -> true (leaf) or a nested selection. */
export interface Sel {
  [field: string]: true | Sel;
}

function fieldOf(type: string, field: string) {
  const t = SCHEMA.getType(type) as GraphQLObjectType;
  const f = t.getFields()[field];
  if (!f) throw new Error(`test selection names ${type}.${field}, which the schema does not have`);
  return f;
}

/**
 * Selection text for `type`. Fields the principal is denied and that are non-null are left out
 * (their error would null the parent and hide its other fields); they are probed one by one.
 */
export function selText(p: Principal, type: string, sel: Sel, omitted: (path: string[], field: string) => void = () => undefined, path: string[] = []): string {
  const parts: string[] = [];
  for (const [field, sub] of Object.entries(sel)) {
    const def = fieldOf(type, field);
    if (isNonNullType(def.type) && fieldEffect(p, type, field).kind === "deny") {
      omitted(path, field);
      continue;
    }
    if (sub === true) parts.push(field);
    else parts.push(`${field} { ${selText(p, getNamedType(def.type).name, sub, omitted, [...path, field])} }`);
  }
  if (parts.length === 0) parts.push("__typename");
  return parts.join(" ");
}

/** Text of a probe: only the path down to one field. */
export function probeText(type: string, path: string[], field: string): string {
  if (path.length === 0) return isObjectType(getNamedType(fieldOf(type, field).type)) ? `${field} { __typename }` : field;
  const [head, ...rest] = path as [string, ...string[]];
  return `${head} { ${probeText(getNamedType(fieldOf(type, head).type).name, rest, field)} }`;
}

const TO_ONE_FK: Record<string, string> = {
  worker: "workerId",
  originRegion: "originRegionCode",
  recruitmentRegion: "recruitmentRegionCode",
  region: "regionCode",
};
const LIST_FK: Record<string, string> = {
  "Person.documents": "personId",
  "Person.statements": "personId",
  "Person.participations": "personId",
  "Person.referrals": "personId",
  "Person.crossings": "personId",
  "Person.placements": "workerId",
  "Person.repatriations": "personId",
  "PersonStatement.documents": "statementId",
  "Case.participants": "caseId",
  "Case.referrals": "caseId",
  "Case.proceedings": "caseId",
  "Case.warnings": "caseId",
  "Case.placements": "caseId",
  "Case.crossings": "caseId",
  "Case.repatriations": "caseId",
  "Case.assignments": "caseId",
};

function wire(named: GraphQLNamedType, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map((x) => wire(named, x));
  if (named.name === "Date" && v instanceof Date) return v.toISOString().slice(0, 10);
  if (named.name === "DateTime" && v instanceof Date) return v.toISOString();
  if (typeof v === "bigint") return v.toString();
  return v;
}

export interface WalkStats {
  /** Assertions made, one per (object, field) checked. */
  assertions: number;
  /** Distinct principal|Type.field|effect cells observed. */
  cells: Set<string>;
}
export const newStats = (): WalkStats => ({ assertions: 0, cells: new Set() });

export interface WalkContext {
  p: Principal;
  raw: Raw;
  fx: PolicyFixture;
  visibility: Visibility[];
  ex: Exchange;
  stats: WalkStats;
  /** Spec paths (root|a.b.c) at which an object of the parent type was non-null, for probes. */
  reached: Set<string>;
  /** Masked paths the walker expects in extensions.masked. */
  expectMasked: Set<string>;
  problems: string[];
}

const samePath = (a: readonly (string | number)[] | undefined, b: readonly (string | number)[]) => !!a && a.length === b.length && a.every((x, i) => x === b[i]);

/** Checks one object of `type` (raw row `row`) in the response at `path` against the policy. */
export function walk(ctx: WalkContext, rootKey: string, type: string, sel: Sel, obj: Row, row: Row, path: (string | number)[], specPath: string[]): void {
  ctx.reached.add(`${rootKey}|${specPath.join(".")}`);
  const personId = type === "Person" ? (row.id as string) : ((row.personId as string | undefined) ?? (row.workerId as string | undefined) ?? null);
  for (const [field, sub] of Object.entries(sel)) {
    const def = fieldOf(type, field);
    const eff = cellEffect(ctx.p, type, field, personId, ctx.raw, row);
    if (isNonNullType(def.type) && eff.kind === "deny") continue; // probed separately
    const here = [...path, field];
    const where = `${ctx.p.label} ${type}.${field} at ${here.join(".")}`;
    const value = obj[field];
    const errs = (ctx.ex.body.errors ?? []).filter((e) => samePath(e.path, here));
    ctx.stats.assertions++;
    ctx.stats.cells.add(`${ctx.p.label}|${type}.${field}|${eff.kind === "mask" ? `mask:${eff.masker}` : eff.kind}`);
    if (eff.kind === "deny") {
      if (value !== null) ctx.problems.push(`${where}: expected null (deny), got ${JSON.stringify(value)}`);
      const e = errs[0];
      if (!e || e.message !== `Not permitted: ${type}.${field}` || e.extensions?.code !== "FORBIDDEN" || typeof e.extensions?.rule !== "string") {
        ctx.problems.push(`${where}: expected one FORBIDDEN "Not permitted: ${type}.${field}" error, got ${JSON.stringify(errs)}`);
      }
      continue;
    }
    if (errs.length) ctx.problems.push(`${where}: unexpected errors ${JSON.stringify(errs)}`);
    const named = getNamedType(def.type);
    if (isScalarType(named) || isEnumType(named)) {
      const rawValue = row[field];
      const shown = eff.kind === "mask" ? (rawValue === null || rawValue === undefined ? rawValue : MASKERS[eff.masker](rawValue, row)) : rawValue;
      const expected = wire(named, shown);
      if (JSON.stringify(value) !== JSON.stringify(expected)) ctx.problems.push(`${where}: expected ${JSON.stringify(expected)} (${eff.kind}), got ${JSON.stringify(value)}`);
      if (eff.kind === "mask" && rawValue !== null && rawValue !== undefined) ctx.expectMasked.add(here.join("."));
      continue;
    }
    if (!isObjectType(named) || sub === true) throw new Error(`${type}.${field}: object fields need a sub-selection in the test spec`);
    const childType = named.name;
    const visible = visibleIds(ctx.fx, ctx.raw, childType, ctx.visibility);
    const key = keyOf(childType);
    if (isListType(getNullableType(def.type))) {
      const fk = LIST_FK[`${type}.${field}`];
      if (!fk) throw new Error(`no foreign key known for list ${type}.${field}`);
      const expectedIds = [...(ctx.raw[childType]?.values() ?? [])].filter((r) => r[fk] === row.id && visible.has(r[key])).map((r) => r[key] as string);
      const items = (value ?? []) as (Row | null)[];
      if (typeof (sub as Sel)[key] === "undefined") throw new Error(`${type}.${field}: list selections must include ${key}`);
      if (fieldEffect(ctx.p, childType, key).kind !== "deny") {
        const gotIds = items.map((i) => i?.[key]);
        if (JSON.stringify([...gotIds].sort()) !== JSON.stringify([...expectedIds].sort())) {
          ctx.problems.push(`${where}: expected rows ${JSON.stringify(expectedIds.sort())}, got ${JSON.stringify(gotIds)}`);
        }
        items.forEach((item, i) => {
          const childRow = item && ctx.raw[childType]?.get(item[key]);
          if (item && childRow) walk(ctx, rootKey, childType, sub as Sel, item, childRow, [...here, i], [...specPath, field]);
        });
      } else {
        // The principal cannot read the rows' ids: match each item to the expected row it fits.
        if (items.length !== expectedIds.length) ctx.problems.push(`${where}: expected ${expectedIds.length} rows, got ${items.length}`);
        const left = [...expectedIds];
        items.forEach((item, i) => {
          if (!item) return void ctx.problems.push(`${where}: item ${i} is null`);
          const tries = left.map((id) => {
            const trial: WalkContext = { ...ctx, stats: newStats(), problems: [], expectMasked: new Set(), reached: new Set() };
            walk(trial, rootKey, childType, sub as Sel, item, ctx.raw[childType]!.get(id)!, [...here, i], [...specPath, field]);
            return { id, trial };
          });
          const fit = tries.find((t) => t.trial.problems.length === 0) ?? tries[0];
          if (!fit) return void ctx.problems.push(`${where}: item ${i} matches no expected row`);
          left.splice(left.indexOf(fit.id), 1);
          walk(ctx, rootKey, childType, sub as Sel, item, ctx.raw[childType]!.get(fit.id)!, [...here, i], [...specPath, field]);
        });
      }
    } else {
      const fkValue = row[TO_ONE_FK[field] ?? `${field}Id`] as string | null | undefined;
      if (fkValue === undefined) throw new Error(`no foreign key known for ${type}.${field}`);
      const expectedId = fkValue && visible.has(fkValue) ? fkValue : null;
      const gotId = value ? (value as Row)[key] : null;
      if (gotId !== expectedId) ctx.problems.push(`${where}: expected ${childType} ${expectedId}, got ${JSON.stringify(value)}`);
      const childRow = value && ctx.raw[childType]?.get(gotId);
      if (value && childRow) walk(ctx, rootKey, childType, sub as Sel, value as Row, childRow, here, [...specPath, field]);
    }
  }
}

/** extensions.masked must list exactly the masked paths the walker expected. */
export function checkMaskedList(ctx: WalkContext, prefixes: string[]): void {
  const listed = new Set(((ctx.ex.body.extensions?.masked as string[] | undefined) ?? []).filter((m) => prefixes.some((p) => m === p || m.startsWith(`${p}.`))));
  const missing = [...ctx.expectMasked].filter((m) => !listed.has(m));
  const extra = [...listed].filter((m) => !ctx.expectMasked.has(m));
  if (missing.length || extra.length) ctx.problems.push(`${ctx.p.label}: extensions.masked missing ${JSON.stringify(missing)}, unexpected ${JSON.stringify(extra)}`);
}

/** The raw JSON text of a value, for "never appears anywhere in the response" checks. */
export const secretsIn = (text: string, secrets: readonly string[]) => secrets.filter((s) => text.includes(s));
