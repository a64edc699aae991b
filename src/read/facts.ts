// Policy facts the resolvers would otherwise fetch one batch at a time after the read (to-one row
// visibility, victim protections), computed as extra columns of the same compiled statement and
// handed to the request's Access before any resolver asks. Each comes from the same source as
// its loader: visibility from Access.rowWhere, protections from the victim participations that
// Access.protections reads (protectionOf). Resolvers and masks are unchanged.
import type { Access } from "../policy/access";
import { protectionOf } from "../policy/access";
import { q, type Model } from "./model";
import type { Params } from "./params";
import { whereSql, type Aliases } from "./where-sql";

type Obj = Record<string, unknown>;

/** One JSON column per row carries its facts, with the ids they are about (a `select` may omit them). */
const FACTS = "__policyFacts";

/** Victim participations of the person whose id is `personCol`, as JSON rows. */
const victimRowsSql = (personCol: string, a: Aliases) => {
  const v = a.next();
  return `(SELECT coalesce(json_agg(json_build_object('isChild', ${v}."isChild", 'consentAgencies', ${v}."consentAgencies")), '[]'::json) FROM "CaseParticipant" ${v} WHERE ${v}."personId" = ${personCol} AND ${v}."role" = 'VICTIM')`;
};

/** Column holding the id of the person whose protections decide this row (enforce.ts subjectOf). */
function personColumn(m: Model): string | null {
  if (m.name === "Person") return "id";
  if (m.scalars.has("personId")) return "personId";
  if (m.scalars.has("workerId")) return "workerId";
  return null;
}

function caseColumn(m: Model): string | null {
  return m.name === "Case" ? "id" : m.scalars.has("caseId") ? "caseId" : null;
}

export function factColumns(access: Access, m: Model, alias: string, p: Params, a: Aliases, toOne: boolean): Record<string, string> {
  const parts: string[] = [];
  // Roots and to-one links are checked with Access.visible by the policy wrapper; list rows are
  // already filtered by their own scope in the statement.
  if (toOne && access.hasRowScope(m.name)) {
    const w = access.rowWhere(m.name);
    if (Object.keys(w).length > 0) parts.push(`'id', ${alias}.${q(m.id)}`, `'visible', ${whereSql(m, alias, w, p, a)}`);
  }
  if (access.protectionsApply() && access.hasIdentityFields(m.name)) {
    const person = personColumn(m);
    const kase = person ? null : caseColumn(m);
    if (person) parts.push(`'personId', ${alias}.${q(person)}`, `'victimRows', ${victimRowsSql(`${alias}.${q(person)}`, a)}`);
    else if (kase) {
      const v = a.next();
      parts.push(
        `'caseId', ${alias}.${q(kase)}`,
        `'caseVictims', (SELECT coalesce(json_agg(json_build_object('personId', ${v}."personId", 'victimRows', ${victimRowsSql(`${v}."personId"`, a)})), '[]'::json) FROM "CaseParticipant" ${v} WHERE ${v}."caseId" = ${alias}.${q(kase)} AND ${v}."role" = 'VICTIM')`,
      );
    }
  }
  // Person resolution ranks statements by their agency's type (src/graph/loaders.ts agencyTypeByCode).
  if (m.name === "PersonStatement") {
    const o = a.next();
    parts.push(`'sourceAgency', ${alias}."sourceAgency"`, `'agencyType', (SELECT ${o}."agencyType" FROM "Organization" ${o} WHERE ${o}."code" = ${alias}."sourceAgency")`);
  }
  return parts.length ? { [FACTS]: `json_build_object(${parts.join(", ")})` } : {};
}

type VictimRow = { isChild: boolean; consentAgencies: string[] | null };
type Facts = {
  id?: string;
  visible?: boolean;
  personId?: string | null;
  victimRows?: VictimRow[];
  caseId?: string | null;
  caseVictims?: { personId: string; victimRows: VictimRow[] }[];
  sourceAgency?: string;
  agencyType?: string | null;
};

const agencyTypes = new WeakMap<Access, Map<string, string | null>>();

/** Agency types by organization code that this request's compiled reads already found. */
export function knownAgencyTypes(access: Access): ReadonlyMap<string, string | null> {
  return agencyTypes.get(access) ?? new Map();
}

const protection = (rows: VictimRow[]) => protectionOf(rows.map((r) => ({ isChild: r.isChild, consentAgencies: r.consentAgencies ?? [] })));

/** Hands a row's facts to Access and removes them from the row. */
export function primeFacts(access: Access, m: Model, row: Obj): void {
  const f = row[FACTS] as Facts | undefined;
  if (!f) return;
  delete row[FACTS];
  if (f.id !== undefined && f.visible !== undefined) access.primeVisible(m.name, f.id, f.visible === true);
  if (f.personId && f.victimRows) access.protections.prime(f.personId, protection(f.victimRows));
  if (f.sourceAgency !== undefined) {
    let known = agencyTypes.get(access);
    if (!known) agencyTypes.set(access, (known = new Map()));
    known.set(f.sourceAgency, f.agencyType ?? null);
  }
  if (f.caseId && f.caseVictims) {
    const facts = f.caseVictims.map((v) => protection(v.victimRows));
    f.caseVictims.forEach((v, i) => access.protections.prime(v.personId, facts[i]!));
    access.caseProtections.prime(f.caseId, facts);
  }
}
