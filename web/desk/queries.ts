// The desk's operations: plain documents against the public GraphQL API (schema/hub.graphql),
// only fields the ltsa-officer role may read (docs/access-matrix.md), so an integrator can copy them.

export const LOOKUP = /* GraphQL */ `
  query DeskLookup($type: IdentityDocumentType!, $number: String!) {
    persons: personsByDocument(type: $type, number: $number) {
      id
      fullName
      aliases
      birthDate
      sex
      nationality
      identityProtected
      originRegion { code name }
      documents { id type number issuingCountry }
      placements {
        id
        destinationCountry
        destinationCity
        jobTitle
        industry
        procedural
        idPmi
        departureDate
        returnDate
        p3mi { id name licenceNumber licenceStatus }
        employer { name country }
      }
      referrals {
        id
        externalId
        serviceType
        status
        requestedAt
        daysWaiting
        toOrganization { name }
      }
    }
  }
`;

export const WARNINGS = /* GraphQL */ `
  query DeskWarnings($region: String!) {
    earlyWarningReports(filter: { region: $region }, first: 20) {
      totalCount
      edges {
        node { id externalId source status reportedAt description suspectedRecruiter region { code name } }
      }
    }
  }
`;

export const RECIPIENTS = /* GraphQL */ `
  query DeskRecipients {
    providers: organizations(filter: { kind: [SHELTER, HEALTH_SERVICE, NGO] }, first: 100) {
      edges { node { id code name kind agencyType } }
    }
    agencies: organizations(filter: { agencyType: [LEGAL_AID, SOCIAL_SERVICES, WOMEN_CHILD_PROTECTION] }, first: 100) {
      edges { node { id code name kind agencyType } }
    }
  }
`;

const RESULT = `result { status externalId id errors { path code message } }`;

export const FILE_WARNING = /* GraphQL */ `
  mutation DeskFileWarning($input: EarlyWarningReportInput!) {
    contributeEarlyWarningReport(input: $input) { ${RESULT} record { id status } }
  }
`;

export const REFER = /* GraphQL */ `
  mutation DeskRefer($input: ServiceReferralInput!) {
    contributeServiceReferral(input: $input) { ${RESULT} record { id status } }
  }
`;

// ---- answer shapes (what the documents above select; a field the policy masks keeps its type)

export interface Region { code: string; name: string }
export interface Document { id: string; type: string; number: string | null; issuingCountry: string | null }
export interface Placement {
  id: string;
  destinationCountry: string | null;
  destinationCity: string | null;
  jobTitle: string | null;
  industry: string | null;
  procedural: boolean | null;
  idPmi: string | null;
  departureDate: string | null;
  returnDate: string | null;
  p3mi: { id: string; name: string | null; licenceNumber: string | null; licenceStatus: string | null } | null;
  employer: { name: string | null; country: string | null } | null;
}
export interface Referral {
  id: string;
  externalId: string | null;
  serviceType: string | null;
  status: string | null;
  requestedAt: string | null;
  daysWaiting: number | null;
  toOrganization: { name: string | null } | null;
}
export interface Person {
  id: string;
  fullName: string | null;
  aliases: string[] | null;
  birthDate: string | null;
  sex: string | null;
  nationality: string[] | null;
  identityProtected: boolean | null;
  originRegion: Region | null;
  documents: Document[] | null;
  placements: Placement[] | null;
  referrals: Referral[] | null;
}
export interface Warning {
  id: string;
  externalId: string | null;
  source: string | null;
  status: string | null;
  reportedAt: string | null;
  description: string | null;
  suspectedRecruiter: string | null;
  region: Region | null;
}
export interface Organization { id: string; code: string | null; name: string | null; kind: string | null; agencyType: string | null }
export interface ContributionResult {
  status: "CREATED" | "UPDATED" | "UNCHANGED" | "REJECTED";
  externalId: string | null;
  id: string | null;
  errors: { path: string[]; code: string; message: string }[];
}
