// Named row scopes: each turns the principal into a Prisma `where` fragment for one type.
// Rules (src/policy/rules.ts) combine them by name, as Hasura combines row filters per role;
// the database applies them, never code after the query.
import type { Principal } from "../auth/principal";

type Where = Record<string, unknown>;
export interface ScopeEnv {
  principal: Principal;
  /** The principal's own Case scope, for scopes that follow a record to its case. */
  caseWhere(): Where;
}

const none: Where = { id: { in: [] } };

function regionPrefix(field: string, prefixes: readonly string[]): Where {
  if (prefixes.length === 0) return {};
  return { OR: prefixes.flatMap((p) => [{ [field]: p }, { [field]: { startsWith: `${p}.` } }]) };
}

const agencyOrg = (p: Principal) => ({ code: p.agency });

/** A case inside the principal's territory (origin or recruitment region), or any case without a limit. */
function caseInJurisdiction(p: Principal): Where {
  return p.jurisdiction.length === 0 ? {} : { OR: [regionPrefix("originRegionCode", p.jurisdiction), regionPrefix("recruitmentRegionCode", p.jurisdiction)] };
}

/**
 * Links (referrals, repatriations, placements, crossings, participations) that may open a scope:
 * their contributor could already read what they link when it wrote them (`opensScope`, set by
 * the contribute engine, src/contribute/links.ts). A link made by identity to a person the
 * contributor could not read stays a link, and never widens anyone's rows.
 */
const opening: Where = { opensScope: true };
/** A relationship TO the principal's agency made by another agency: never one the agency made itself. */
const madeByAnother = (p: Principal): Where => ({ sourceAgency: { not: p.agency }, ...opening });

/**
 * A record that always has a case (participants, proceedings) is in a visible case; when every case
 * is visible that is no limit at all, said as `{}` so the row scope drops it (Prisma 6.19 reads an
 * empty relation filter inside an OR as matching nothing).
 */
const inRequiredCase = (caseWhere: Where): Where => (Object.keys(caseWhere).length === 0 ? {} : { case: caseWhere });

export const SCOPES = {
  // ------------------------------------------------------------------ Case
  "case.inJurisdiction": ({ principal: p }) => caseInJurisdiction(p),
  // Assignments are part of the case record: made by the agency that contributed the case.
  "case.assignedToAgency": ({ principal: p }) => ({ assignments: { some: { organization: agencyOrg(p) } }, sourceAgency: { not: p.agency } }),
  "case.contributedByAgency": ({ principal: p }) => ({ sourceAgency: p.agency }),
  "case.referralToAgency": ({ principal: p }) => ({ referrals: { some: { toOrganization: agencyOrg(p), ...madeByAnother(p) } } }),
  "case.legalAidReferralToAgency": ({ principal: p }) => ({ referrals: { some: { serviceType: "LEGAL_AID", toOrganization: agencyOrg(p), ...madeByAnother(p) } } }),
  "case.hasPlacement": () => ({ placements: { some: opening } }),
  "case.hasCrossing": () => ({ crossings: { some: opening } }),

  // ------------------------------------------------------------------ Person
  "person.inVisibleCase": (env) => ({ participations: { some: { case: env.caseWhere(), ...opening } } }),
  // Law enforcement naming a person in its own case (UU 27/2022 Art. 15): counts even when the
  // person was linked by identity. Only roles whose rules name this scope get it (src/policy/rules.ts).
  "person.namedInOwnCase": (env) => ({ participations: { some: { sourceAgency: env.principal.agency, case: env.caseWhere() } } }),
  "person.victimInVisibleCase": (env) => ({ participations: { some: { role: "VICTIM", case: env.caseWhere(), ...opening } } }),
  "person.referredToAgency": ({ principal: p }) => ({ referrals: { some: { toOrganization: agencyOrg(p), ...madeByAnother(p) } } }),
  "person.referredByAgency": ({ principal: p }) => ({ referrals: { some: { fromOrganization: agencyOrg(p), ...opening } } }),
  "person.legalAidReferralToAgency": ({ principal: p }) => ({ referrals: { some: { serviceType: "LEGAL_AID", toOrganization: agencyOrg(p), ...madeByAnother(p) } } }),
  "person.migrantWorker": () => ({ placements: { some: opening } }),
  "person.crossedBorder": () => ({ crossings: { some: opening } }),
  "person.inActiveCase": ({ principal: p }) => ({
    participations: { some: { case: { status: { in: ["Active", "FollowUp"] }, ...caseInJurisdiction(p) }, ...opening } },
  }),
  "person.notOnlySuspect": () => ({ participations: { none: { role: "SUSPECT" } } }),
  // Not "has a statement by the agency": contributing someone else's NIK merges into their
  // Person, and that must not make them visible.
  "person.registeredByAgency": ({ principal: p }) => ({ createdByAgency: p.agency }),

  // ------------------------------------------------------------------ CaseParticipant
  "participant.inVisibleCase": (env) => inRequiredCase(env.caseWhere()),
  "participant.victim": () => ({ role: "VICTIM" }),
  "participant.notSuspect": () => ({ role: { not: "SUSPECT" } }),
  "participant.referredToAgency": ({ principal: p }) => ({ person: { referrals: { some: { toOrganization: agencyOrg(p), ...madeByAnother(p) } } } }),
  "participant.legalAidReferralToAgency": ({ principal: p }) => ({
    person: { referrals: { some: { serviceType: "LEGAL_AID", toOrganization: agencyOrg(p), ...madeByAnother(p) } } },
  }),
  "participant.contributedByAgency": ({ principal: p }) => ({ sourceAgency: p.agency }),

  // ------------------------------------------------------------------ records around a case
  "placement.inVisibleCase": (env) => ({ case: { is: env.caseWhere() } }),
  "placement.contributedByAgency": ({ principal: p }) => ({ sourceAgency: p.agency }),
  "crossing.inVisibleCase": (env) => ({ case: { is: env.caseWhere() } }),
  "crossing.contributedByAgency": ({ principal: p }) => ({ sourceAgency: p.agency }),
  "repatriation.inVisibleCase": (env) => ({ case: { is: env.caseWhere() } }),
  "repatriation.receivedByAgency": ({ principal: p }) => ({ receivingOrganization: { is: agencyOrg(p) }, ...madeByAnother(p) }),
  "repatriation.contributedByAgency": ({ principal: p }) => ({ sourceAgency: p.agency }),
  // The referral rows themselves: the agency's own referrals, and those other agencies sent it.
  "referral.toAgency": ({ principal: p }) => ({ toOrganization: agencyOrg(p) }),
  "referral.fromAgency": ({ principal: p }) => ({ fromOrganization: agencyOrg(p) }),
  "referral.inVisibleCase": (env) => ({ case: { is: env.caseWhere() } }),
  "proceeding.inVisibleCase": (env) => inRequiredCase(env.caseWhere()),
  "proceeding.contributedByAgency": ({ principal: p }) => ({ sourceAgency: p.agency }),
  "warning.inJurisdiction": ({ principal: p }) => regionPrefix("regionCode", p.jurisdiction),
  "warning.contributedByAgency": ({ principal: p }) => ({ sourceAgency: p.agency }),

  // ------------------------------------------------------------------ what a contribution may link to
  // (TypePolicy.links): references by hub id or by another agency's key find these rows besides
  // the caller's readable rows; anything else answers exactly like a missing record.
  "link.ownRecord": ({ principal: p }) => ({ sourceAgency: p.agency }),
  "link.personStatedByAgency": ({ principal: p }) => ({ statements: { some: { sourceAgency: p.agency } } }),
} as const satisfies Record<string, (env: ScopeEnv) => Where>;

export type ScopeName = keyof typeof SCOPES;
export const NO_ROWS = none;
