// The start-up check of carriers (security property 16): a field carrying an identity value is
// never granted more widely than its class, for any role and purpose.
import { buildSchema } from "../graph";
import { resolvePolicy, PolicyError } from "./resolve";
import { POLICY } from "./rules";
import type { Policy, RoleGrants, TypePolicy } from "./types";

const schema = buildSchema();

/** POLICY with one type's field grants replaced. */
function withFieldGrants(type: string, fields: Record<string, RoleGrants>): Policy {
  const tp = POLICY.types[type]! as TypePolicy;
  return { ...POLICY, types: { ...POLICY.types, [type]: { ...tp, fields: { ...tp.fields, ...fields } } } };
}

describe("carriers of identity values", () => {
  it("the shipped policy passes: every carrier is within its class", () => {
    expect(() => resolvePolicy(POLICY, schema)).not.toThrow();
    const c = resolvePolicy(POLICY, schema).coordinates.get("BorderCrossing.documentNumber")!;
    expect(c.carries).toBe("documentNumber");
    expect(c.sensitivity).toBe("identity");
  });

  it("refuses a document number on a crossing shown in clear to police outside investigation (the grant before the fix)", () => {
    const bad = withFieldGrants("BorderCrossing", {
      documentNumber: { "police-investigator": "allow", prosecutor: "allow", "immigration-officer": "allow" },
    });
    expect(() => resolvePolicy(bad, schema)).toThrow(PolicyError);
    expect(() => resolvePolicy(bad, schema)).toThrow(
      /BorderCrossing\.documentNumber carries documentNumber but grants police-investigator allow where documentNumber grants mask:documentNumber \(purpose prosecution, /,
    );
    // Each offending role is named.
    expect(() => resolvePolicy(bad, schema)).toThrow(/BorderCrossing\.documentNumber carries documentNumber but grants immigration-officer allow/);
  });

  it("refuses free text granted to a role the name class denies", () => {
    const bad = withFieldGrants("Case", { summary: { "police-investigator": "allow", "task-force-analyst": "allow" } });
    expect(() => resolvePolicy(bad, schema)).toThrow(/Case\.summary carries freeText but grants task-force-analyst allow where freeText grants deny/);
  });

  it("refuses a mask that shows more than the class's mask, and accepts withholding", () => {
    // Phone numbers masked as initials are not the contact class's masking.
    const bad = withFieldGrants("Person", { phone: { "ltsa-officer": "mask:initials" } });
    expect(() => resolvePolicy(bad, schema)).toThrow(/Person\.phone carries contact but grants ltsa-officer mask:initials where contact grants deny/);
    const ok = withFieldGrants("Case", { summary: { "police-investigator": "mask:withhold" } });
    expect(() => resolvePolicy(ok, schema)).not.toThrow();
    const wrongMasker = withFieldGrants("IdentityDocument", { number: { "ltsa-officer": "mask:initials" } });
    expect(() => resolvePolicy(wrongMasker, schema)).toThrow(/IdentityDocument\.number carries documentNumber but grants ltsa-officer mask:initials where documentNumber grants mask:documentNumber/);
  });

  it("refuses an identity field that is not declared as a carrier, and a carrier the schema does not have", () => {
    const undeclared: Policy = { ...POLICY, carriers: { ...POLICY.carriers, fields: Object.fromEntries(Object.entries(POLICY.carriers.fields).filter(([c]) => c !== "Person.phone")) } };
    expect(() => resolvePolicy(undeclared, schema)).toThrow(/Person\.phone is an identity field but not a declared carrier/);
    const typo: Policy = { ...POLICY, carriers: { ...POLICY.carriers, fields: { ...POLICY.carriers.fields, "Case.summry": "freeText" } } };
    expect(() => resolvePolicy(typo, schema)).toThrow(/carrier Case\.summry is not a field of the schema/);
  });
});
