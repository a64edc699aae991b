import { MASKERS } from "./maskers";

describe("maskers", () => {
  it("keeps the first 6 and last 2 digits of a NIK", () => {
    expect(MASKERS.nik("6103214512980001", {})).toBe("610321********01");
  });
  it("masks document numbers by type", () => {
    expect(MASKERS.documentNumber("6103214512980001", { type: "NIK" })).toBe("610321********01");
    expect(MASKERS.documentNumber("C1234567", { type: "PASSPORT" })).toBe("C1****67");
    expect(MASKERS.documentNumber("C1234567", { documentType: "PASSPORT" })).toBe("C1****67");
  });
  it("reduces names to initials, element by element for lists", () => {
    expect(MASKERS.initials("Siti  Rahmawati", {})).toBe("S. R.");
    expect(MASKERS.initials(["siti", "Yanti Lestari"], {})).toEqual(["S.", "Y. L."]);
  });
  it("reduces a birth date to 1 January of its year", () => {
    expect((MASKERS.year(new Date("1998-12-05T00:00:00Z"), {}) as Date).toISOString()).toBe("1998-01-01T00:00:00.000Z");
  });
  it("keeps only the last two digits of a phone and the domain of an email", () => {
    expect(MASKERS.phone("+62 812 3456 7890", {})).toBe("************90");
    expect(MASKERS.email("siti.r@example.org", {})).toBe("s***@example.org");
  });
  it("withholds free text entirely", () => {
    expect(MASKERS.withhold("anything", {})).toBeNull();
  });
});
