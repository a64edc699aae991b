// Pure validation rules: NIK structure and flags, document formats, countries, and the zod
// schemas' translation into field errors (no database; the integration tests cover the rest).
import { COUNTRY_CODES, isCountryCode } from "../../src/domain/countries";
import { documentNumberProblem, normalizeDocumentNumber } from "../../src/domain/identity-documents";
import { nikFlags, parseNik } from "../../src/domain/nik";
import { HANDLERS } from "../../src/contribute";
import { toFieldErrors } from "../../src/contribute/schema-kit";

const NOW = new Date("2026-11-22T08:00:00Z");

describe("parseNik", () => {
  it("reads region, sex and birth date of a woman (day + 40)", () => {
    const r = parseNik("6171015205990001", NOW);
    expect(r).toEqual({
      ok: true,
      parts: { province: "61", regency: "61.71", district: "61.71.01", sex: "Feminine", birthDate: new Date("1999-05-12T00:00:00Z"), serial: "0001" },
    });
  });

  it("reads a man and picks 20YY when that date is not in the future, else 19YY", () => {
    const boy = parseNik("6103011501150002", NOW);
    expect(boy.ok && boy.parts.birthDate.toISOString().slice(0, 10)).toBe("2015-01-15");
    expect(boy.ok && boy.parts.sex).toBe("Masculine");
    // 2030 would be in the future: 1930.
    const old = parseNik("6103011501300002", NOW);
    expect(old.ok && old.parts.birthDate.toISOString().slice(0, 10)).toBe("1930-01-15");
    // 29 Feb 2000 exists (2000 is a leap year); 29 Feb 1900 does not, so no fallback is needed.
    const leap = parseNik("6103012902000002", NOW);
    expect(leap.ok && leap.parts.birthDate.toISOString().slice(0, 10)).toBe("2000-02-29");
  });

  it.each([
    ["617101520599000", "NIK_FORMAT"], // 15 digits
    ["61710152059900012", "NIK_FORMAT"], // 17 digits
    ["61710152O5990001", "NIK_FORMAT"], // letter O
    ["6100015205990001", "NIK_FORMAT"], // kabupaten 00
    ["6171013205990001", "NIK_BIRTHDATE"], // day 32
    ["6171017205990001", "NIK_BIRTHDATE"], // day 72 (woman 32)
    ["6171010005990001", "NIK_BIRTHDATE"], // day 00
    ["6171011513990001", "NIK_BIRTHDATE"], // month 13
    ["6171013002990001", "NIK_BIRTHDATE"], // 30 February
    ["6171012902010001", "NIK_BIRTHDATE"], // 29 Feb 2001 and 1901: neither is a leap year
    ["6171015205990000", "NIK_SERIAL"],
  ])("rejects %s with %s", (nik, code) => {
    const r = parseNik(nik, NOW);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => p.code)).toContain(code);
  });

  it("never echoes the NIK in its messages", () => {
    const r = parseNik("6171013205990000", NOW);
    expect(!r.ok && r.problems.every((p) => !p.message.includes("6171"))).toBe(true);
  });
});

describe("nikFlags", () => {
  const parts = (parseNik("6171015205990001", NOW) as { ok: true; parts: Parameters<typeof nikFlags>[0] }).parts;
  it("flags a sex or birth date that disagrees with the NIK", () => {
    expect(nikFlags(parts, { sex: "Masculine", birthDate: new Date("1999-05-12") })).toEqual(["NIK_SEX_MISMATCH"]);
    expect(nikFlags(parts, { sex: "Feminine", birthDate: new Date("2001-05-12") })).toEqual(["NIK_BIRTHDATE_MISMATCH"]);
    expect(nikFlags(parts, { sex: "Masculine", birthDate: new Date("1999-05-13") })).toEqual(["NIK_SEX_MISMATCH", "NIK_BIRTHDATE_MISMATCH"]);
  });
  it("does not flag what the NIK cannot say or what was not recorded", () => {
    expect(nikFlags(parts, { sex: "Feminine", birthDate: new Date("1999-05-12") })).toEqual([]);
    expect(nikFlags(parts, { sex: "NonSpecifiedUnknown", birthDate: null })).toEqual([]);
    expect(nikFlags(parts, {})).toEqual([]);
  });
});

describe("identity documents and countries", () => {
  it("normalizes numbers the way people type them", () => {
    expect(normalizeDocumentNumber("NIK", " 6171.0152 0599 0001 ")).toBe("6171015205990001");
    expect(normalizeDocumentNumber("PASSPORT", "c 1234567")).toBe("C1234567");
  });
  it("checks passports loosely, stricter for Indonesian ones", () => {
    expect(documentNumberProblem("PASSPORT", "C1234567", "ID")).toBeNull();
    expect(documentNumberProblem("PASSPORT", "AB123456", "ID")).toBeNull();
    expect(documentNumberProblem("PASSPORT", "ABC12345", "ID")).not.toBeNull();
    expect(documentNumberProblem("PASSPORT", "C12345", "ID")).not.toBeNull();
    expect(documentNumberProblem("PASSPORT", "A12345678", "MY")).toBeNull();
    expect(documentNumberProblem("KK", "617101000000001", "ID")).not.toBeNull();
  });
  it("knows the ISO 3166-1 alpha-2 list", () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(["ID", "MY", "CN", "TW", "HK", "KH", "MM", "SA", "BN", "SG"].every(isCountryCode)).toBe(true);
    expect(["XK", "UK", "EU", "id", "IDN"].some(isCountryCode)).toBe(false);
  });
});

describe("record schemas (domain layer, independent of GraphQL)", () => {
  const errors = (type: keyof typeof HANDLERS, input: unknown) => {
    const r = HANDLERS[type].schema.safeParse(input);
    return r.success ? [] : toFieldErrors(r.error, input).map((e) => `${e.path.join(".")}:${e.code}`).sort();
  };

  it("validates vocabulary values in text[] columns even when GraphQL is bypassed", () => {
    expect(errors("Case", { externalId: "LP-1", sourceSystem: "EMP", modus: ["DOMESTIC_WORKER", "NOPE"], controlMethods: ["Chains"] })).toEqual([
      "controlMethods.0:INVALID_VALUE",
      "modus.1:INVALID_VALUE",
    ]);
  });

  it("reports missing required fields as REQUIRED, and unknown fields", () => {
    expect(errors("BorderCrossing", { externalId: "X", sourceSystem: "SIMKIM", isChild: true })).toEqual([
      "crossedAt:REQUIRED",
      "direction:REQUIRED",
      "isChild:UNKNOWN_FIELD",
      "person:REQUIRED",
      "post:REQUIRED",
    ]);
  });

  it("sorts and de-duplicates vocabulary lists so resending in another order is UNCHANGED", () => {
    const r = HANDLERS.Case.schema.safeParse({ externalId: "LP-1", sourceSystem: "emp", modus: ["SHOP_KEEPER", "DOMESTIC_WORKER", "SHOP_KEEPER"] });
    expect(r.success && (r.data as unknown as { modus: string[]; sourceSystem: string })).toMatchObject({ modus: ["DOMESTIC_WORKER", "SHOP_KEEPER"], sourceSystem: "EMP" });
  });

  it("accepts ISO strings as well as Date objects (file imports reuse the schemas)", () => {
    const base = { externalId: "R", sourceSystem: "S1", person: { externalId: "P" }, fromCountry: "my", arrivalPoint: "PLBN_ENTIKONG" };
    expect(errors("Repatriation", { ...base, arrivedAt: "2026-03-01" })).toEqual([]);
    expect(errors("Repatriation", { ...base, arrivedAt: new Date("2026-03-01") })).toEqual([]);
    expect(errors("Repatriation", { ...base, arrivedAt: "01/03/2026" })).toEqual(["arrivedAt:INVALID_FORMAT"]);
  });

  it("runs cross-field rules once the fields themselves are well-formed", () => {
    const base = { externalId: "R", sourceSystem: "S1", person: { externalId: "P" }, arrivalPoint: "PLBN_ENTIKONG" };
    expect(errors("Repatriation", { ...base, fromCountry: "ID", arrivedAt: "01/03/2026" })).toEqual(["arrivedAt:INVALID_FORMAT"]);
    expect(errors("Repatriation", { ...base, fromCountry: "ID", arrivedAt: "2026-03-01" })).toEqual(["fromCountry:INCONSISTENT"]);
  });

  it("wants exactly one form of reference", () => {
    expect(errors("LegalProceeding", { externalId: "L", sourceSystem: "EMP", stage: "REPORTED", case: { id: "a", externalId: "b" } })).toEqual(["case:INVALID_REFERENCE"]);
    expect(errors("LegalProceeding", { externalId: "L", sourceSystem: "EMP", stage: "REPORTED", case: {} })).toEqual(["case:INVALID_REFERENCE"]);
  });
});
