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

export const SCOPES = {
  // ------------------------------------------------------------------ Case
  "case.inJurisdiction": ({ principal: p }) => caseInJurisdiction(p),
  "case.assignedToAgency": ({ principal: p }) => ({ assignments: { some: { organization: agencyOrg(p) } } }),
  "case.contributedByAgency": ({ principal: p }) => ({ sourceAgency: p.agency }),
  "case.referralToAgency": ({ principal: p }) => ({ referrals: { some: { toOrganization: agencyOrg(p) } } }),
  "case.legalAidReferralToAgency": ({ principal: p }) => ({ referrals: { some: { serviceType: "LEGAL_AID", toOrganization: agencyOrg(p) } } }),
  "case.hasPlacement": () => ({ placements: { some: {} } }),
  "case.hasCrossing": () => ({ crossings: { some: {} } }),

  // ------------------------------------------------------------------ Person
  "person.inVisibleCase": (env) => ({ participations: { some: { case: env.caseWhere() } } }),
  "person.victimInVisibleCase": (env) => ({ participations: { some: { role: "VICTIM", case: env.caseWhere() } } }),
  "person.referredToAgency": ({ principal: p }) => ({ referrals: { some: { toOrganization: agencyOrg(p) } } }),
  "person.referredByAgency": ({ principal: p }) => ({ referrals: { some: { fromOrganization: agencyOrg(p) } } }),
  "person.legalAidReferralToAgency": ({ principal: p }) => ({ referrals: { some: { serviceType: "LEGAL_AID", toOrganization: agencyOrg(p) } } }),
  "person.migrantWorker": () => ({ placements: { some: {} } }),
  "person.crossedBorder": () => ({ crossings: { some: {} } }),
  "person.inActiveCase": ({ principal: p }) => ({
    participations: { some: { case: { status: { in: ["Active", "FollowUp"] }, ...caseInJurisdiction(p) } } },
  }),
  "person.notOnlySuspect": () => ({ participations: { none: { role: "SUSPECT" } } }),
  // Not "has a statement by the agency": contributing someone else's NIK merges into their
  // Person, and that must not make them visible.
  "person.registeredByAgency": ({ principal: p }) => ({ createdByAgency: p.agency }),

  // ------------------------------------------------------------------ CaseParticipant
  "participant.inVisibleCase": (env) => ({ case: env.caseWhere() }),
  "participant.victim": () => ({ role: "VICTIM" }),
  "participant.notSuspect": () => ({ role: { not: "SUSPECT" } }),
  "participant.referredToAgency": ({ principal: p }) => ({ person: { referrals: { some: { toOrganization: agencyOrg(p) } } } }),
  "participant.legalAidReferralToAgency": ({ principal: p }) => ({ person: { referrals: { some: { serviceType: "LEGAL_AID", toOrganization: agencyOrg(p) } } } }),
  "participant.contributedByAgency": ({ principal: p }) => ({ sourceAgency: p.agency }),

  // ------------------------------------------------------------------ records around a case
  "placement.inVisibleCase": (env) => ({ case: { is: env.caseWhere() } }),
  "placement.contributedByAgency": ({ principal: p }) => ({ sourceAgency: p.agency }),
  "crossing.inVisibleCase": (env) => ({ case: { is: env.caseWhere() } }),
  "crossing.contributedByAgency": ({ principal: p }) => ({ sourceAgency: p.agency }),
  "repatriation.inVisibleCase": (env) => ({ case: { is: env.caseWhere() } }),
  "repatriation.receivedByAgency": ({ principal: p }) => ({ receivingOrganization: { is: agencyOrg(p) } }),
  "repatriation.contributedByAgency": ({ principal: p }) => ({ sourceAgency: p.agency }),
  "referral.toAgency": ({ principal: p }) => ({ toOrganization: agencyOrg(p) }),
  "referral.fromAgency": ({ principal: p }) => ({ fromOrganization: agencyOrg(p) }),
  "referral.inVisibleCase": (env) => ({ case: { is: env.caseWhere() } }),
  "proceeding.inVisibleCase": (env) => ({ case: env.caseWhere() }),
  "proceeding.contributedByAgency": ({ principal: p }) => ({ sourceAgency: p.agency }),
  "warning.inJurisdiction": ({ principal: p }) => regionPrefix("regionCode", p.jurisdiction),
  "warning.contributedByAgency": ({ principal: p }) => ({ sourceAgency: p.agency }),
} as const satisfies Record<string, (env: ScopeEnv) => Where>;

export type ScopeName = keyof typeof SCOPES;
export const NO_ROWS = none;
