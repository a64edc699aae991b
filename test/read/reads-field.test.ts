// Every filter input field, sort value and lookup argument of the read API declares which object
// field(s) it reads (`extensions.readsField`), and every declared coordinate exists. The access
// policy relies on this to reject filters on fields a caller may not read.
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLInputObjectType,
  type GraphQLSchema,
} from "graphql";
import { buildSchema } from "../../src/graph";

const READ_TYPES = [
  "Region",
  "Organization",
  "Person",
  "PersonStatement",
  "IdentityDocument",
  "Case",
  "CaseAssignment",
  "CaseParticipant",
  "MigrantPlacement",
  "BorderCrossing",
  "Repatriation",
  "ServiceReferral",
  "LegalProceeding",
  "EarlyWarningReport",
];
const READ_QUERIES = [
  "region",
  "regions",
  "organization",
  "organizations",
  "person",
  "persons",
  "personsByDocument",
  "case",
  "cases",
  "placement",
  "placements",
  "borderCrossing",
  "borderCrossings",
  "repatriation",
  "repatriations",
  "referral",
  "referrals",
  "legalProceeding",
  "legalProceedings",
  "earlyWarningReport",
  "earlyWarningReports",
];
// Relay paging arguments read no field (the cursor is the hub id, the order comes from orderBy).
const PAGING = new Set(["first", "last", "after", "before"]);

function coordinatesOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string")) return value;
  return [];
}

/** Every place that must declare readsField, with what it declares. */
function declarations(schema: GraphQLSchema): { where: string; reads: string[] }[] {
  const out: { where: string; reads: string[] }[] = [];
  const seenInputs = new Set<string>();
  const input = (type: GraphQLInputObjectType) => {
    if (seenInputs.has(type.name)) return;
    seenInputs.add(type.name);
    for (const f of Object.values(type.getFields())) {
      const named = getNamedType(f.type);
      if (isInputObjectType(named)) input(named);
      else out.push({ where: `${type.name}.${f.name}`, reads: coordinatesOf(f.extensions.readsField) });
    }
  };
  const arg = (owner: string, a: GraphQLArgument) => {
    if (PAGING.has(a.name)) return;
    const named = getNamedType(a.type);
    if (isInputObjectType(named)) return input(named);
    if (isEnumType(named) && named.name.endsWith("Order")) {
      for (const v of named.getValues()) out.push({ where: `${named.name}.${v.name}`, reads: coordinatesOf(v.extensions.readsField) });
      return;
    }
    out.push({ where: `${owner}(${a.name}:)`, reads: coordinatesOf(a.extensions.readsField) });
  };
  const query = schema.getQueryType()!.getFields();
  for (const name of READ_QUERIES) {
    expect(query[name]).toBeDefined();
    for (const a of query[name]!.args) arg(`Query.${name}`, a);
  }
  for (const typeName of READ_TYPES) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
    for (const f of Object.values(type.getFields())) for (const a of f.args) arg(`${typeName}.${f.name}`, a);
  }
  return out;
}

describe("read API: readsField declarations", () => {
  const schema = buildSchema();
  const decls = declarations(schema);

  it("covers the filters, sort orders and lookups (sanity: the walk found them)", () => {
    const where = decls.map((d) => d.where);
    expect(where).toEqual(expect.arrayContaining(["CaseFilter.destinationCountry", "CaseOrder.IDENTIFIED_AT_DESC", "Query.personsByDocument(number:)", "Case.participants(role:)"]));
    expect(decls.length).toBeGreaterThan(100);
  });

  it("every filter field, sort value and lookup argument declares the field(s) it reads", () => {
    expect(decls.filter((d) => d.reads.length === 0).map((d) => d.where)).toEqual([]);
  });

  it("every declared coordinate is a field of an object type in the schema", () => {
    const missing = decls.flatMap((d) =>
      d.reads.filter((c) => {
        const [typeName, field] = c.split(".");
        const type = schema.getType(typeName ?? "");
        return !isObjectType(type) || !field || !type.getFields()[field];
      }).map((c) => `${d.where} -> ${c}`),
    );
    expect(missing).toEqual([]);
  });

  it("filters read the field they are about (spot checks)", () => {
    const reads = new Map(decls.map((d) => [d.where, d.reads]));
    expect(reads.get("CaseFilter.region")).toEqual(["Case.originRegion", "Case.recruitmentRegion"]);
    expect(reads.get("CaseFilter.exploitationTypes")).toEqual(["Case.exploitationTypes"]);
    expect(reads.get("PersonFilter.role")).toEqual(["Person.participations", "CaseParticipant.role"]);
    expect(reads.get("Query.personsByDocument(type:)")).toEqual(["IdentityDocument.type"]);
    expect(reads.get("ServiceReferralOrder.REQUESTED_AT_ASC")).toEqual(["ServiceReferral.requestedAt"]);
  });
});
