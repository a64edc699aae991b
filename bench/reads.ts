// The three reads, as each system is asked for them: the hub's GraphQL, PostGraphile's GraphQL
// (aliased to the hub's field names) and the floor's URL. Inputs are drawn from the seeded data.
import type pg from "pg";

export type SystemName = "hub" | "postgraphile" | "floor";
export const SYSTEMS: readonly SystemName[] = ["hub", "postgraphile", "floor"];

/** One HTTP request of a read, for one input. */
export interface ReadRequest {
  method: "GET" | "POST";
  path: string;
  body?: string;
}

export interface ReadSpec {
  key: "case" | "page" | "nik";
  title: string;
  /** Keys holding enum values: PostGraphile spells them CONSTANT_CASE. */
  enumKeys: readonly string[];
  /** Keys whose lists are ordered by the query itself (compared in order); other lists are sets. */
  orderedKeys: readonly string[];
  /** SQL giving the inputs (one text column `v`). */
  inputsSql: string;
  request(system: SystemName, input: string): ReadRequest;
  /** Per-system reshaping after the generic normalisation (bench/compare.ts). */
  project?: Partial<Record<SystemName, (data: any) => unknown>>;
}

const gql = (query: string, variables: Record<string, unknown>): ReadRequest => ({
  method: "POST",
  path: "/graphql",
  body: JSON.stringify({ query, variables }),
});

const HUB_CASE = `query BenchCase($id: ID!) { case(id: $id) {
  id title status modus exploitationTypes destinationCountry identifiedAt
  originRegion { code name }
  participants { id role isChild ageAtExploitation person { id fullName birthDate sex documents { type number } } }
  placements { id destinationCountry procedural p3mi { name } }
  referrals { id serviceType status toOrganization { name } }
  proceedings { id stage stageDate }
} }`;

const PGL_CASE = `query BenchCase($id: String!) { case: caseById(id: $id) {
  id title status modus exploitationTypes destinationCountry identifiedAt
  originRegion: regionByOriginRegionCode { code name }
  participants: caseParticipantsByCaseId { nodes { id role isChild ageAtExploitation
    person: personByPersonId { id fullName birthDate sex documents: identityDocumentsByPersonId { nodes { type number } } } } }
  placements: migrantPlacementsByCaseId { nodes { id destinationCountry procedural p3mi: organizationByP3MiId { name } } }
  referrals: serviceReferralsByCaseId { nodes { id serviceType status toOrganization: organizationByToOrganizationId { name } } }
  proceedings: legalProceedingsByCaseId { nodes { id stage stageDate } }
} }`;

const HUB_PAGE = `query BenchCasePage($region: String!) {
  cases(filter: { originRegion: $region }, first: 50, orderBy: IDENTIFIED_AT_DESC) { edges { node {
    id status identifiedAt destinationCountry
    victims: participants(role: [VICTIM]) { id ageAtExploitation person { id fullName documents { type number } } }
  } } }
}`;

// PostGraphile v4 has no prefix filter: the page's regions are kecamatan, which no case names a child of.
const PGL_PAGE = `query BenchCasePage($region: String!) {
  cases: allCases(condition: { originRegionCode: $region }, first: 50, orderBy: [IDENTIFIED_AT_DESC, ID_ASC]) { nodes {
    id status identifiedAt destinationCountry
    victims: caseParticipantsByCaseId(condition: { role: VICTIM }, orderBy: [CONTRIBUTED_AT_ASC, ID_ASC]) { nodes { id ageAtExploitation
      person: personByPersonId { id fullName documents: identityDocumentsByPersonId { nodes { type number } } } } }
  } }
}`;

const HUB_NIK = `query BenchPersonByNik($nik: String!) { personsByDocument(type: NIK, number: $nik) {
  id fullName birthDate sex documents { type number issuingCountry }
} }`;

// PostGraphile reaches persons through the document rows: one entry per matching document.
const PGL_NIK = `query BenchPersonByNik($nik: String!) { personsByDocument: allIdentityDocuments(condition: { type: NIK, number: $nik }) { nodes {
  person: personByPersonId { id fullName birthDate sex documents: identityDocumentsByPersonId { nodes { type number issuingCountry } } }
} } }`;

const distinctById = (xs: { id: string }[]) => [...new Map(xs.map((x) => [x.id, x])).values()];

export const READS: readonly ReadSpec[] = [
  {
    key: "case",
    title: "A case's full picture by id",
    enumKeys: ["status", "role", "sex", "type", "serviceType", "stage"],
    orderedKeys: [],
    // Cases with the most participants first: the full picture at its heaviest.
    inputsSql: `SELECT c.id AS v FROM "Case" c ORDER BY (SELECT count(*) FROM "CaseParticipant" p WHERE p."caseId" = c.id) DESC, c.id LIMIT 40`,
    request: (s, id) => (s === "hub" ? gql(HUB_CASE, { id }) : s === "postgraphile" ? gql(PGL_CASE, { id }) : { method: "GET", path: `/case?id=${encodeURIComponent(id)}` }),
  },
  {
    key: "page",
    title: "Page of 50 cases by region with victims and documents",
    enumKeys: ["status", "type"],
    orderedKeys: ["cases"],
    // Kecamatan (three-part codes) with the most cases; no case names a region below a kecamatan.
    inputsSql: `SELECT "originRegionCode" AS v FROM "Case" WHERE "originRegionCode" ~ '^[0-9]+\\.[0-9]+\\.[0-9]+$'
                GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 10`,
    request: (s, region) =>
      s === "hub" ? gql(HUB_PAGE, { region }) : s === "postgraphile" ? gql(PGL_PAGE, { region }) : { method: "GET", path: `/cases?region=${encodeURIComponent(region)}` },
  },
  {
    key: "nik",
    title: "Person by NIK",
    enumKeys: ["sex", "type"],
    orderedKeys: [],
    // NIKs of persons who take part in a case (the investigator's row scope reaches them).
    inputsSql: `SELECT DISTINCT d.number AS v FROM "IdentityDocument" d JOIN "CaseParticipant" p ON p."personId" = d."personId"
                WHERE d.type = 'NIK' ORDER BY 1 LIMIT 40`,
    request: (s, nik) => (s === "hub" ? gql(HUB_NIK, { nik }) : s === "postgraphile" ? gql(PGL_NIK, { nik }) : { method: "GET", path: `/person?nik=${nik}` }),
    project: {
      postgraphile: (d: { personsByDocument: { person: { id: string } }[] }) => ({ personsByDocument: distinctById(d.personsByDocument.map((x) => x.person)) }),
    },
  },
];

export async function readInputs(client: pg.Client, spec: ReadSpec): Promise<string[]> {
  return (await client.query<{ v: string }>(spec.inputsSql)).rows.map((r) => r.v);
}
