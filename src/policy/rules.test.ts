import fs from "node:fs";
import path from "node:path";
import { isObjectType } from "graphql";
import { buildSchema } from "../graph";
import { renderAccessMatrix } from "./matrix";
import { resolvePolicy, PolicyError } from "./resolve";
import { POLICY } from "./rules";
import { ROLES } from "./roles";

const schema = buildSchema();

describe("access policy", () => {
  const resolved = resolvePolicy(POLICY, schema);

  it("names every object type of the schema (or marks it structural)", () => {
    const unnamed = Object.values(schema.getTypeMap())
      .filter((t) => isObjectType(t) && !t.name.startsWith("__"))
      .map((t) => t.name)
      .filter((n) => !(n in POLICY.types) && !resolved.structural(n));
    expect(unnamed).toEqual([]);
  });

  it("has a decision for every role at every coordinate of a named type (deny when unnamed)", () => {
    for (const typeName of Object.keys(POLICY.types)) {
      const type = schema.getType(typeName);
      if (!isObjectType(type)) throw new Error(typeName);
      for (const f of Object.keys(type.getFields())) expect(resolved.coordinates.has(`${typeName}.${f}`)).toBe(true);
    }
  });

  it("refuses a policy that names a field the schema does not have", () => {
    const typo = { ...POLICY, types: { ...POLICY.types, Person: { ...POLICY.types.Person!, fields: { ...POLICY.types.Person!.fields, fulName: { admin: "allow" as const } } } } };
    expect(() => resolvePolicy(typo, schema)).toThrow(PolicyError);
    expect(() => resolvePolicy(typo, schema)).toThrow(/Person\.fulName/);
  });

  it("refuses an unknown masker", () => {
    const bad = { ...POLICY, types: { ...POLICY.types, Region: { about: "x", default: { admin: "mask:rot13" as never } } } };
    expect(() => resolvePolicy(bad, schema)).toThrow(/unknown effect/);
  });

  it("never lets analysts, auditors or admins read a person's identity", () => {
    for (const role of ["ngo-analyst", "task-force-analyst", "auditor", "admin"] as const) {
      for (const c of ["Person.fullName", "Person.birthDate", "Person.phone", "IdentityDocument.number", "PersonStatement.fullName", "CaseParticipant.needs"]) {
        expect([c, role, resolved.coordinates.get(c)!.grants.get(role)]).toEqual([c, role, undefined]);
      }
    }
  });

  it("knows only real roles", () => {
    for (const c of resolved.coordinates.values()) for (const r of c.grants.keys()) expect(ROLES).toContain(r);
  });

  it("docs/access-matrix.md is current (run `tppo-hub policy matrix`)", () => {
    const file = path.resolve(__dirname, "../../docs/access-matrix.md");
    expect(fs.readFileSync(file, "utf8")).toBe(renderAccessMatrix(schema, resolved));
  });
});
