// THE ACCESS POLICY. Plain typed data, reviewed by the data-protection officer.
// For each GraphQL type: which rows each role can reach (named scopes, src/policy/scopes.ts)
// and, per field, allow / mask:<masker> / deny, optionally depending on the token's purpose.
// Anything not named here is denied. The policy is checked against the schema at start-up
// (a misspelt type or field stops the boot) and rendered to docs/access-matrix.md.
//
// Legal anchors: UU 21/2007 Art. 24 and 44 (victim and witness identity confidential),
// UU 27/2022 Art. 15 (law-enforcement exemption), Art. 16 (purpose limitation), children's data
// as special category. Where in doubt, least privilege wins.
import type { Policy, RoleGrants, Grant, RowRule, TypePolicy } from "./types";
import { ROLES, type Role, type Purpose } from "./roles";

// ------------------------------------------------------------------ vocabulary for the rules

const allow = "allow" as const;
const deny = "deny" as const;
/** Allowed only when the token declares one of these purposes; otherwise `otherwise`. */
const forPurpose = (purposes: Purpose[], otherwise: Grant = deny): Grant =>
  ({ when: purposes, then: allow, else: otherwise as "allow" | "deny" }) as Grant;
const grant = (roles: readonly Role[], g: Grant): RoleGrants => Object.fromEntries(roles.map((r) => [r, g]));
const linksFor = (roles: readonly Role[], rule: RowRule): Partial<Record<Role, RowRule>> => Object.fromEntries(roles.map((r) => [r, rule]));

const PI = "police-investigator" as const;
const PR = "prosecutor" as const;
const BP = "bp3mi-officer" as const;
const IM = "immigration-officer" as const;
const SW = "social-worker" as const;
const LA = "legal-aid" as const;
const LT = "ltsa-officer" as const;
const NC = "ngo-case-worker" as const;
const NA = "ngo-analyst" as const;
const TA = "task-force-analyst" as const;
const AU = "auditor" as const;
const AD = "admin" as const;

/** Roles that work with individual people (everyone but analysts, auditors and admins). */
const CASEWORK: Role[] = [PI, PR, BP, IM, SW, LA, LT, NC];
const ALL_ROLES: Role[] = [PI, PR, BP, IM, SW, LA, LT, NC, NA, TA, AU, AD];

// Identity of a person, by purpose. Police and prosecutors only for their investigation or
// prosecution; victim services for social workers; legal aid for its clients.
const IDENTITY: RoleGrants = {
  [PI]: forPurpose(["investigation"], "mask:initials"),
  [PR]: forPurpose(["prosecution"], "mask:initials"),
  [BP]: forPurpose(["placement-protection"], "mask:initials"),
  [IM]: forPurpose(["border-control"], "mask:initials"),
  [SW]: forPurpose(["victim-services"], "mask:initials"),
  [LA]: forPurpose(["legal-aid"], "mask:initials"),
  [LT]: forPurpose(["early-warning", "placement-protection"], "mask:initials"),
  [NC]: forPurpose(["victim-services"], "mask:initials"),
};
const BIRTH_DATE: RoleGrants = {
  ...Object.fromEntries(Object.entries(IDENTITY).map(([r, g]) => [r, typeof g === "string" ? g : { ...g, else: "mask:year" }])),
  [NC]: "mask:year",
};
const CONTACT: RoleGrants = {
  [PI]: forPurpose(["investigation"]),
  [PR]: forPurpose(["prosecution"]),
  [BP]: forPurpose(["placement-protection"]),
  [SW]: forPurpose(["victim-services"]),
  [LA]: forPurpose(["legal-aid"]),
  [NC]: forPurpose(["victim-services"]),
};
const ADDRESS: RoleGrants = { [PI]: forPurpose(["investigation"]), [PR]: forPurpose(["prosecution"]), [SW]: forPurpose(["victim-services"]), [LA]: forPurpose(["legal-aid"]) };
const DOCUMENT_NUMBER: RoleGrants = {
  [PI]: forPurpose(["investigation"], "mask:documentNumber"),
  [PR]: forPurpose(["prosecution"], "mask:documentNumber"),
  [BP]: forPurpose(["placement-protection"], "mask:documentNumber"),
  [IM]: forPurpose(["border-control"], "mask:documentNumber"),
  [SW]: forPurpose(["victim-services"], "mask:documentNumber"),
  [LA]: forPurpose(["legal-aid"], "mask:documentNumber"),
  [LT]: "mask:documentNumber",
  [NC]: "mask:documentNumber",
};
/**
 * Free text that can hold a person's identity (narratives, notes, a defendant's or recruiter's
 * name): never wider than names. Granted with the same purposes as IDENTITY; outside them the
 * text is withheld (null), since initials of a narrative would still leak its words.
 */
const freeText = (roles: readonly Role[]): RoleGrants =>
  Object.fromEntries(
    roles.filter((r) => IDENTITY[r] !== undefined).map((r) => {
      const g = IDENTITY[r]!;
      return [r, typeof g === "string" ? g : { ...g, else: "mask:withhold" as const }];
    }),
  );
/** Roles that see what each agency said about a person (Person.statements, conflicts). */
const STATEMENT_READERS: Role[] = [PI, PR, BP, IM, SW, LA];
/** The part of a grant map that concerns these roles. */
const only = (roles: readonly Role[], g: RoleGrants): RoleGrants => Object.fromEntries(roles.filter((r) => g[r] !== undefined).map((r) => [r, g[r]!]));

/** Who works with a person's record at all (non-identifying fields: sex, nationality, region). */
const PERSON_BASICS = grant(CASEWORK, allow);
/** Provenance of contributed records: harmless metadata, visible wherever the record is. */
const PROVENANCE = ["sourceAgency", "sourceSystem", "externalId", "contributedAt", "contributedBy", "version", "updatedAt"] as const;
const withProvenance = (g: RoleGrants) => Object.fromEntries(PROVENANCE.map((f) => [f, g]));

/**
 * The hub administrator sees that records exist and where they came from (to resolve contribution
 * problems), never what they say about people: every row, but only id and provenance fields.
 */
const adminRows = { [AD]: "all" } as const;
function withAdminMetadata(tp: TypePolicy, metadata: readonly string[] = ["id", ...PROVENANCE]): TypePolicy {
  const fields: Record<string, RoleGrants> = { ...tp.fields };
  for (const f of metadata) fields[f] = { ...(fields[f] ?? tp.default), [AD]: allow };
  return { ...tp, fields };
}

/** Non-identifying case facts: what analysts and admins may see and count. */
const CASE_FACTS = [
  "id",
  "status",
  "modus",
  "exploitationTypes",
  "sexExploitationTypes",
  "forcedLabourIndustry",
  "recruitmentMethods",
  "controlMethods",
  "recruitmentApps",
  "originRegion",
  "recruitmentRegion",
  "transitCountries",
  "transitBorderPost",
  "destinationCountry",
  "identifiedAt",
  "exploitationStartedAt",
  "exploitationEndedAt",
  "closedAt",
] as const;
const CASE_STATUS_ONLY = ["id", "status", "identifiedAt", "closedAt", ...PROVENANCE] as const;

export const POLICY: Policy = {
  // Every authenticated role may introspect (the API explorer at /graphiql needs it): the SDL is
  // published in schema/ anyway, and introspection describes types, never data. The federation
  // `_service` field stays admin-only (Query._service below).
  introspection: ROLES,
  structuralTypes: [/Connection$/, /Edge$/, /^PageInfo$/, /^ContributionResult$/, /^FieldError$/, /Payload$/, /^Statistics/, /^_Service$/],

  // ------------------------------------------------------------------ rows opened by relationships
  // No access a caller grants itself (security property 15). Enforced inside each scope's SQL
  // (src/policy/scopes.ts) and by the contribute engine (src/contribute/links.ts, references.ts).
  relationshipScopes: [
    "A link (referral, repatriation, placement, border crossing, case participation) opens a row scope only if its contributor could already read the person and the case it links when it wrote it (`opensScope`); a link made by identity to a person the contributor could not read is kept, but opens nothing for anyone.",
    "A relationship TO an agency (a referral to it, a legal-aid referral to it, a case assigned to it, a repatriation it received) opens that agency's rows only when another agency made it: nothing an agency contributes widens its own rows.",
    "Social workers, legal aid and NGO case workers never reach a person who is a suspect in any case, whatever the relationship (`person.notOnlySuspect`).",
    "Exception, law enforcement only (UU 27/2022 Art. 15): `person.namedInOwnCase` lets police investigators and prosecutors reach the persons they name in their own cases; every such write is audited.",
    "Merging a statement into another agency's Person (same NIK or passport) never opens it: `person.registeredByAgency` is the agency whose contribution created the Person, and a Person created by a reference (`{ document }`) is registered by nobody.",
    "A contribution references by hub id or by another agency's key only rows its roles may read or link to (`links` below); anything else is answered exactly like a missing record.",
  ],

  protections: {
    childVictimIdentity: {
      about:
        "Identity fields of a person who was a child (under 18) at the time of exploitation in any case are masked for every role and purpose not listed, whatever the role's grant says.",
      effect: "mask:initials", // per-field maskers: `identityMasks` below
      exempt: [
        { role: PI, purposes: ["investigation"] },
        { role: PR, purposes: ["prosecution"] },
        { role: SW, purposes: ["victim-services"] },
        { role: LA, purposes: ["legal-aid"] },
      ],
    },
    victimConsent: {
      about:
        "Identity fields of a victim are masked for an agency the victim has not consented to share with (CaseParticipant.consentAgencies), except for law enforcement in its own investigation or prosecution (UU 27/2022 Art. 15).",
      effect: "mask:initials",
      exempt: [
        { role: PI, purposes: ["investigation"] },
        { role: PR, purposes: ["prosecution"] },
      ],
    },
    identityMasks: {
      fullName: "initials",
      aliases: "initials",
      birthDate: "year",
      phone: "phone",
      email: "email",
      address: "withhold",
      number: "documentNumber",
      documentNumber: "documentNumber",
      idPmi: "documentNumber",
      defendantName: "initials",
      suspectedRecruiter: "initials",
      // every other carrier (free text): withheld
    },
  },

  carriers: {
    // ------------------------------------------------------------ identity classes and their carriers
    // One value, one grant (security property 16): wherever a value of a class lives, it is
    // granted no more widely than the class itself. Checked at start-up (src/policy/resolve.ts).
    classes: {
      name: { about: "Names and aliases of a person.", grants: IDENTITY },
      birthDate: { about: "Dates of birth.", grants: BIRTH_DATE },
      contact: { about: "Phone numbers and e-mail addresses.", grants: CONTACT },
      address: { about: "Postal addresses.", grants: ADDRESS },
      documentNumber: { about: "Numbers of identity and travel documents (NIK, KK, passport, ID PMI).", grants: DOCUMENT_NUMBER },
      freeText: { about: "Free text that can hold any of the above (narratives, notes, verdicts): no wider than names.", grants: IDENTITY },
    },
    fields: {
      "Person.fullName": "name",
      "Person.aliases": "name",
      "PersonStatement.fullName": "name",
      "PersonStatement.aliases": "name",
      "LegalProceeding.defendantName": "name",
      "EarlyWarningReport.suspectedRecruiter": "name",
      "Person.birthDate": "birthDate",
      "PersonStatement.birthDate": "birthDate",
      "Person.phone": "contact",
      "Person.email": "contact",
      "PersonStatement.phone": "contact",
      "PersonStatement.email": "contact",
      "Person.address": "address",
      "PersonStatement.address": "address",
      "IdentityDocument.number": "documentNumber",
      "BorderCrossing.documentNumber": "documentNumber",
      "MigrantPlacement.idPmi": "documentNumber",
      "Case.title": "freeText",
      "Case.summary": "freeText",
      "Case.closureReason": "freeText",
      "CaseParticipant.roleDetails": "freeText",
      "ServiceReferral.notes": "freeText",
      "ServiceReferral.declineReason": "freeText",
      "LegalProceeding.verdict": "freeText",
      "EarlyWarningReport.description": "freeText",
    },
  },

  types: {
    // ---------------------------------------------------------------- roots
    Query: {
      about: "Entry points. A role without a grant on a root field cannot call it.",
      fields: {
        region: grant(ALL_ROLES, allow),
        regions: grant(ALL_ROLES, allow),
        organization: grant([...CASEWORK, TA, AD], allow),
        organizations: grant([...CASEWORK, TA, AD], allow),
        case: grant([PI, PR, BP, SW, LA, TA, AD], allow),
        cases: grant([PI, PR, BP, SW, LA, TA, AD], allow),
        person: grant([PI, PR, BP, IM, SW, LA, NC], allow),
        persons: grant([PI, PR, BP, IM, SW, LA, NC], allow),
        personsByDocument: grant(CASEWORK, allow),
        placement: grant([PI, PR, BP, LT], allow),
        placements: grant([PI, PR, BP, LT], allow),
        borderCrossing: grant([PI, PR, IM], allow),
        borderCrossings: grant([PI, PR, IM], allow),
        repatriation: grant([PI, BP, IM, SW], allow),
        repatriations: grant([PI, BP, IM, SW], allow),
        referral: grant([PI, BP, SW, LA, LT, NC], allow),
        referrals: grant([PI, BP, SW, LA, LT, NC], allow),
        legalProceeding: grant([PI, PR, LA], allow),
        legalProceedings: grant([PI, PR, LA], allow),
        earlyWarningReport: grant([PI, BP, IM, LT, NC, TA], allow),
        earlyWarningReports: grant([PI, BP, IM, LT, NC, TA], allow),
        statistics: grant([NA, TA, AD, PI, BP, SW], allow),
        auditLog: grant([AU], allow),
        auditVerification: grant([AU], allow),
        _entities: grant([...CASEWORK, TA, AD], allow),
        _service: grant([AD], allow),
      },
    },
    Mutation: {
      about: "Contributions. Each agency contributes the record types its mandate covers; the batch applies the same grants per record.",
      fields: {
        contributePerson: grant(CASEWORK, allow),
        contributeOrganization: grant([AD, BP, SW, PI], allow),
        contributeCase: grant([PI, PR], allow),
        contributeCaseParticipant: grant([PI, PR], allow),
        contributeMigrantPlacement: grant([BP], allow),
        contributeBorderCrossing: grant([IM], allow),
        contributeRepatriation: grant([BP, IM, SW], allow),
        contributeServiceReferral: grant([PI, BP, SW, LA, LT, NC], allow),
        contributeLegalProceeding: grant([PI, PR], allow),
        contributeEarlyWarningReport: grant([PI, BP, LT, NC], allow),
        contribute: grant([...CASEWORK, AD], allow),
      },
    },

    // ---------------------------------------------------------------- reference data
    Region: { about: "Kode wilayah reference data.", default: grant(ALL_ROLES, allow) },
    Organization: {
      about: "Agencies, P3MI companies (with licence status), employers, NGOs, shelters. Public-register data.",
      rows: Object.fromEntries([...CASEWORK, TA, AD].map((r) => [r, "all"])),
      default: grant([...CASEWORK, TA, AD], allow),
    },

    // ---------------------------------------------------------------- persons
    Person: withAdminMetadata({
      about: "One human being. Identity is confidential by default (UU 21/2007 Art. 44).",
      rows: {
        ...adminRows,
        [PI]: [["person.inVisibleCase"], ["person.namedInOwnCase"], ["person.registeredByAgency"]],
        [PR]: [["person.inVisibleCase"], ["person.namedInOwnCase"]],
        [BP]: [["person.migrantWorker", "person.notOnlySuspect"], ["person.registeredByAgency"]],
        [IM]: [["person.crossedBorder"], ["person.inActiveCase"], ["person.registeredByAgency"]],
        // Service agencies never see a suspect, however the person reached them (relationshipScopes).
        [SW]: [["person.referredToAgency", "person.notOnlySuspect"], ["person.referredByAgency", "person.notOnlySuspect"], ["person.registeredByAgency", "person.notOnlySuspect"]],
        [LA]: [["person.legalAidReferralToAgency", "person.notOnlySuspect"], ["person.registeredByAgency", "person.notOnlySuspect"]],
        [LT]: [["person.migrantWorker"], ["person.inActiveCase"], ["person.referredByAgency", "person.notOnlySuspect"], ["person.registeredByAgency"]],
        [NC]: [["person.referredToAgency", "person.notOnlySuspect"], ["person.registeredByAgency", "person.notOnlySuspect"]],
      },
      links: linksFor(CASEWORK, [["link.personStatedByAgency"]]),
      default: PERSON_BASICS,
      fields: {
        fullName: IDENTITY,
        aliases: IDENTITY,
        birthDate: BIRTH_DATE,
        phone: CONTACT,
        email: CONTACT,
        address: ADDRESS,
        documents: grant(CASEWORK, allow),
        // Whether a protection masks this person's identity for the caller; subgraphs require it.
        identityProtected: grant(CASEWORK, allow),
        statements: grant([PI, PR, BP, IM, SW, LA], allow),
        conflicts: grant([PI, PR, BP, IM, SW, LA], allow),
        fieldSources: grant([PI, PR, BP, IM, SW, LA], allow),
        participations: grant([PI, PR, BP, SW, LA, NC], allow),
        placements: grant([PI, PR, BP, LT], allow),
        crossings: grant([PI, PR, IM], allow),
        repatriations: grant([PI, BP, IM, SW], allow),
        referrals: grant([PI, BP, SW, LA, LT, NC], allow),
      },
      identity: ["fullName", "aliases", "birthDate", "phone", "email", "address"],
    }, ["id"]),

    PersonStatement: {
      about: "What one agency said about a person; same confidentiality as the person's resolved fields.",
      default: grant(STATEMENT_READERS, allow),
      // Only roles that can reach statements (Person.statements) appear here.
      fields: {
        fullName: only(STATEMENT_READERS, IDENTITY),
        aliases: only(STATEMENT_READERS, IDENTITY),
        birthDate: only(STATEMENT_READERS, BIRTH_DATE),
        phone: only(STATEMENT_READERS, CONTACT),
        email: only(STATEMENT_READERS, CONTACT),
        address: only(STATEMENT_READERS, ADDRESS),
        documents: grant(STATEMENT_READERS, allow),
      },
      identity: ["fullName", "aliases", "birthDate", "phone", "email", "address"],
    },
    IdentityDocument: {
      about: "NIK, passport and other documents. Numbers are direct identifiers.",
      default: grant(CASEWORK, allow),
      fields: { number: DOCUMENT_NUMBER },
      identity: ["number"],
      lookupWhenMasked: { number: [LT, NC] },
    },
    FieldConflict: {
      about: "Where agencies disagree on a person's field. Each value is shown only as the caller could see that field itself.",
      default: grant([PI, PR, BP, IM, SW, LA], allow),
    },
    ConflictingValue: {
      about: "One agency's value in a conflict. `value` is decided as the person's own field would be (Person.<field>, with the same protections).",
      default: grant([PI, PR, BP, IM, SW, LA], allow),
    },
    FieldSource: {
      about: "Which agency's statement a resolved person field came from.",
      default: grant([PI, PR, BP, IM, SW, LA], allow),
    },

    // ---------------------------------------------------------------- cases
    Case: {
      about: "A TPPO case (HTCDS cas_). Free text is special category; analysts and admins see facts only.",
      rows: {
        [PI]: [["case.inJurisdiction"], ["case.assignedToAgency"], ["case.contributedByAgency"]],
        [PR]: [["case.assignedToAgency"], ["case.contributedByAgency"]],
        [BP]: [["case.hasPlacement", "case.inJurisdiction"], ["case.assignedToAgency"]],
        [SW]: [["case.referralToAgency"], ["case.assignedToAgency"]],
        [LA]: [["case.legalAidReferralToAgency"], ["case.assignedToAgency"]],
        [TA]: [["case.inJurisdiction"]],
        [AD]: "all",
      },
      links: {
        ...linksFor(CASEWORK, [["link.ownRecord"]]),
        // Placements, crossings and early warnings name the case they belong to; BP3MI, Imigrasi and
        // LTSA read little or nothing of it, so they may link to any case in their territory
        // (learning only that it exists). Their links to a case they cannot read open no scope.
        [BP]: [["link.ownRecord"], ["case.inJurisdiction"]],
        [IM]: [["link.ownRecord"], ["case.inJurisdiction"]],
        [LT]: [["link.ownRecord"], ["case.inJurisdiction"]],
      },
      default: grant([PI, PR], allow),
      fields: {
        ...Object.fromEntries(CASE_FACTS.map((f) => [f, grant([PI, PR, TA, AD], allow)])),
        ...Object.fromEntries(CASE_STATUS_ONLY.map((f) => [f, grant([PI, PR, BP, SW, LA, TA, AD], allow)])),
        // Free text (carriers, see `carriers` below): investigation / prosecution only.
        title: freeText([PI, PR]),
        summary: freeText([PI, PR]),
        closureReason: freeText([PI, PR]),
        participants: grant([PI, PR, BP, SW, LA], allow),
        placements: grant([PI, PR, BP], allow),
        crossings: grant([PI, PR], allow),
        repatriations: grant([PI, PR], allow),
        referrals: grant([PI, SW, LA], allow),
        proceedings: grant([PI, PR, LA], allow),
        assignments: grant([PI, PR, AD], allow),
        warnings: grant([PI], allow),
      },
      special: ["title", "summary", "closureReason"],
    },
    CaseAssignment: { about: "Which organization a case is assigned to.", default: grant([PI, PR, AD], allow) },
    CaseParticipant: withAdminMetadata({
      about: "A person's role in a case. Victim needs are special category (health); suspects are for law enforcement only.",
      rows: {
        ...adminRows,
        [PI]: [["participant.inVisibleCase"], ["participant.contributedByAgency"]],
        [PR]: [["participant.inVisibleCase"]],
        [BP]: [["participant.victim", "participant.inVisibleCase"]],
        [SW]: [["participant.victim", "participant.referredToAgency"]],
        [LA]: [["participant.victim", "participant.legalAidReferralToAgency"]],
        [NC]: [["participant.victim", "participant.referredToAgency"]],
      },
      default: grant([PI, PR, BP, SW, LA, NC], allow),
      fields: {
        ...withProvenance(grant([PI, PR, BP, SW, LA, NC], allow)),
        needs: grant([SW, LA, NC], allow),
        relationshipToTrafficker: grant([PI, PR, SW, LA], allow),
        consentAgencies: grant([PI, PR, SW, LA, NC], allow),
        suspectRoles: grant([PI, PR], allow),
        suspectOrganization: grant([PI, PR], allow),
        roleDetails: freeText([PI, PR]),
        case: grant([PI, PR, BP, SW, LA], allow),
      },
      special: ["needs", "roleDetails"],
    }),


    // ---------------------------------------------------------------- around the case
    MigrantPlacement: withAdminMetadata({
      about: "BP3MI placement records (SISKOP2MI). LTSA checks legality with them.",
      rows: {
        ...adminRows,
        [PI]: [["placement.inVisibleCase"], ["placement.contributedByAgency"]],
        [PR]: [["placement.inVisibleCase"]],
        [BP]: "all",
        [LT]: "all",
      },
      default: grant([PI, PR, BP, LT], allow),
      fields: { idPmi: only([PI, PR, BP, LT], DOCUMENT_NUMBER) },
    }),

    BorderCrossing: withAdminMetadata({
      about: "Imigrasi exits, entries and deportations (SIMKIM).",
      rows: {
        ...adminRows,
        [IM]: "all",
        [PI]: [["crossing.inVisibleCase"], ["crossing.contributedByAgency"]],
        [PR]: [["crossing.inVisibleCase"]],
      },
      default: grant([PI, PR, IM], allow),
      // The passport/NIK the person crossed with: the same value as IdentityDocument.number.
      fields: { documentNumber: only([PI, PR, IM], DOCUMENT_NUMBER) },
      identity: ["documentNumber"],
    }),

    Repatriation: withAdminMetadata({
      about: "Returns of Indonesians from abroad and who received them.",
      rows: {
        ...adminRows,
        [PI]: [["repatriation.inVisibleCase"], ["repatriation.contributedByAgency"]],
        [BP]: "all",
        [IM]: "all",
        [SW]: [["repatriation.receivedByAgency"], ["repatriation.contributedByAgency"]],
      },
      default: grant([PI, BP, IM, SW], allow),
    }),

    ServiceReferral: withAdminMetadata({
      about: "A victim referred for a service. Notes are counselling/health material: service providers only.",
      rows: {
        ...adminRows,
        [PI]: [["referral.inVisibleCase"]],
        [BP]: [["referral.fromAgency"], ["referral.toAgency"]],
        [SW]: [["referral.toAgency"], ["referral.fromAgency"]],
        [LA]: [["referral.toAgency"], ["referral.fromAgency"]],
        [LT]: [["referral.fromAgency"]],
        [NC]: [["referral.toAgency"], ["referral.fromAgency"]],
      },
      default: grant([PI, BP, SW, LA, LT, NC], allow),
      fields: { notes: freeText([SW, LA, NC]), declineReason: freeText([SW, LA, NC, LT, BP]) },
      special: ["notes", "declineReason"],
    }),

    LegalProceeding: withAdminMetadata({
      about: "Police report, investigation stage, prosecution and verdict.",
      rows: {
        ...adminRows,
        [PI]: [["proceeding.inVisibleCase"], ["proceeding.contributedByAgency"]],
        [PR]: [["proceeding.inVisibleCase"], ["proceeding.contributedByAgency"]],
        [LA]: [["proceeding.inVisibleCase"]],
      },
      default: grant([PI, PR, LA], allow),
      fields: { defendantName: only([PI, PR, LA], IDENTITY), verdict: freeText([PI, PR, LA]) },
      special: ["defendantName"],
    }),

    EarlyWarningReport: withAdminMetadata({
      about: "Reports of suspicious recruitment or vulnerable villages (LTSA desk, community).",
      rows: {
        ...adminRows,
        [PI]: [["warning.inJurisdiction"], ["warning.contributedByAgency"]],
        [BP]: [["warning.inJurisdiction"], ["warning.contributedByAgency"]],
        [IM]: [["warning.inJurisdiction"]],
        [LT]: [["warning.inJurisdiction"], ["warning.contributedByAgency"]],
        [NC]: [["warning.contributedByAgency"]],
        [TA]: [["warning.inJurisdiction"]],
      },
      default: grant([PI, BP, IM, LT, NC, TA], allow),
      fields: { description: freeText([PI, BP, IM, LT, NC]), suspectedRecruiter: only([PI, BP, IM, LT, NC], IDENTITY) },
      special: ["description", "suspectedRecruiter"],
    }),


    // ---------------------------------------------------------------- accountability
    AuditEntry: {
      about: "The append-only audit log: who accessed or wrote what, never values. Auditors only; nobody can change it.",
      rows: { [AU]: "all" },
      default: grant([AU], allow),
    },
    AuditVerification: { about: "Outcome of verifying the audit log's chain and signed head checkpoint (no entry contents).", default: grant([AU], allow) },
    AuditHead: { about: "An audit entry named by seq and hash.", default: grant([AU], allow) },
    AuditCheckpoint: { about: "The signed head checkpoint of the audit log.", default: grant([AU], allow) },
  },
  // ---------------------------------------------------------------- agency subgraphs (federation)
  // What agency systems add to the shared picture through the gateway (docs/federation.md). Each
  // section covers only the fields its subgraph contributes; the hub's own fields keep the rules
  // above. Identity values held by a subgraph get the same child-victim and consent protections
  // (the subgraph requires Person.identityProtected from the hub). Analysts, auditors and admins
  // see nothing of any subgraph.
  subgraphs: {
    bp3mi: {
      about: "BP3MI's placement register (SISKOP2MI): live placements of migrant workers and the licence status of P3MI companies.",
      agency: "BP3MI-KALBAR",
      scopes: {
        inJurisdiction: "The worker's origin kabupaten/kota (kode wilayah) lies in the caller's jurisdiction.",
      },
      types: {
        Person: { about: "A person, as BP3MI's register knows them.", fields: { bp3miPlacements: grant([BP, LT, PI, PR, SW, IM], allow) } },
        Bp3miPlacement: {
          about: "A placement on BP3MI's register: worker, P3MI, destination, job and status, in BP3MI's codes mapped to the hub's.",
          rows: { [BP]: "all", [PR]: "all", [LT]: [["inJurisdiction"]], [PI]: [["inJurisdiction"]], [SW]: [["inJurisdiction"]], [IM]: [["inJurisdiction"]] },
          default: grant([BP, LT, PI, PR, SW, IM], allow),
          fields: {
            workerName: only([BP, LT, PI, PR, SW, IM], IDENTITY),
            passportNumber: only([BP, LT, PI, PR, SW, IM], DOCUMENT_NUMBER),
            // The migrant worker's ID PMI is an identity number, as MigrantPlacement.idPmi in the hub.
            idPmi: only([BP, LT, PI, PR, SW, IM], DOCUMENT_NUMBER),
          },
        },
        Organization: { about: "A P3MI company, as BP3MI licenses it.", fields: { p3miLicence: grant(CASEWORK, allow) } },
        P3miLicence: { about: "A P3MI company's placement licence (SIP3MI) as BP3MI's register holds it now.", default: grant(CASEWORK, allow) },
      },
      carriers: { "Bp3miPlacement.workerName": "name", "Bp3miPlacement.passportNumber": "documentNumber", "Bp3miPlacement.idPmi": "documentNumber" },
    },
    imigrasi: {
      about: "Imigrasi's border-crossing records (TPI/PLBN), matched to hub persons by passport number.",
      agency: "IMIGRASI-ENTIKONG",
      scopes: {
        inJurisdiction: "The crossing point's kode wilayah lies in the caller's jurisdiction.",
      },
      types: {
        Person: { about: "A person, as Imigrasi's crossing records know them.", fields: { borderCrossings: grant([IM, PI, PR, BP], allow) } },
        ImigrasiCrossing: {
          about: "One passage through an immigration checkpoint, in Imigrasi's own record layout.",
          rows: { [IM]: "all", [PR]: "all", [PI]: [["inJurisdiction"]], [BP]: [["inJurisdiction"]] },
          default: grant([IM, PI, PR, BP], allow),
          fields: { travellerName: only([IM, PI, PR, BP], IDENTITY), passportNumber: only([IM, PI, PR, BP], DOCUMENT_NUMBER) },
        },
      },
      carriers: { "ImigrasiCrossing.travellerName": "name", "ImigrasiCrossing.passportNumber": "documentNumber" },
    },
    polda: {
      about: "Polda's investigation register: where the police investigation of a case stands.",
      agency: "POLDA-KALBAR",
      scopes: {
        inJurisdiction: "The police unit that registered the report lies in the caller's jurisdiction.",
      },
      types: {
        Case: { about: "A case, as Polda's register knows it.", fields: { investigation: grant([PI, PR, TA, LA], allow) } },
        PoldaInvestigation: {
          about: "The investigation of a case in Polda's register: report number (LP), stage and investigator unit.",
          rows: { [PI]: [["inJurisdiction"]], [PR]: "all", [TA]: [["inJurisdiction"]], [LA]: "all" },
          default: grant([PI, PR, TA, LA], allow),
          fields: {
            reportNumber: grant([PI, PR, LA], allow),
            notes: { [PI]: forPurpose(["investigation"]), [PR]: forPurpose(["prosecution"]) },
          },
          special: ["notes"],
        },
      },
      carriers: { "PoldaInvestigation.notes": "freeText" },
    },
  },
};
