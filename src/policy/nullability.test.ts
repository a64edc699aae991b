import { isNonNullType, isObjectType, type GraphQLSchema } from "graphql";
import { securedSchema } from "../secured-schema";
import { gatedCoordinates } from "./nullability";

const fieldType = (schema: GraphQLSchema, coordinate: string) => {
  const [t, f] = coordinate.split(".") as [string, string];
  const type = schema.getType(t);
  if (!isObjectType(type)) throw new Error(`${t} is not an object type`);
  return type.getFields()[f]!.type;
};

describe("nullability derived from the policy", () => {
  const { schema, policy } = securedSchema();
  const gated = gatedCoordinates(schema, policy);

  it("makes every gated field nullable in the served schema", () => {
    const nonNull = [...gated].filter((c) => !c.includes("._") && isNonNullType(fieldType(schema, c)));
    expect(nonNull).toEqual([]);
  });

  it("gates what a role that reaches the type may be refused, and nothing every such role may read", () => {
    // Denied to the task-force analyst, who reaches Case; denied to the social worker.
    for (const c of ["Case.participants", "Case.modus", "Query.cases", "Person.fullName", "CaseParticipant.person", "Mutation.contribute"]) expect(gated.has(c)).toBe(true);
    // Every role that reaches these may read them.
    for (const c of ["Region.code", "Region.name", "PageInfo.hasNextPage", "Query.regions"]) expect(gated.has(c)).toBe(false);
    expect(isNonNullType(fieldType(schema, "Region.code"))).toBe(true);
  });
});
