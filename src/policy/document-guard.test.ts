// The start-up check that every filter or lookup on an identity field searches under the victim
// protections (src/graph/filters.ts readsUnderProtections + searchOn).
import { isInputObjectType } from "graphql";
import { buildSchema } from "../graph";
import { checkSearchDeclarations } from "./document-guard";
import { resolvePolicy } from "./resolve";
import { POLICY } from "./rules";

describe("identity searches declare the protections", () => {
  it("the served schema passes", () => {
    const schema = buildSchema();
    expect(() => checkSearchDeclarations(schema, resolvePolicy(POLICY, schema))).not.toThrow();
  });

  it("refuses a name filter that does not search under the protections, naming it", () => {
    const schema = buildSchema();
    const filter = schema.getType("PersonFilter");
    if (!isInputObjectType(filter)) throw new Error("PersonFilter");
    // As if the filter were declared with plain reads("Person.fullName").
    (filter.getFields().nameContains as { extensions: unknown }).extensions = { readsField: "Person.fullName" };
    expect(() => checkSearchDeclarations(schema, resolvePolicy(POLICY, schema))).toThrow(
      /PersonFilter\.nameContains filters on Person\.fullName without searching under the protections/,
    );
  });
});
