// The desk's verdict (web/desk/verdict.ts) over the placement rules (src/domain/placement-rules.ts).
import { closuresFor, PLACEMENT_CLOSURES } from "../../src/domain/placement-rules";
import { deskVerdict, type DeskPlacement, type VerdictInput } from "../../web/desk/verdict";

const legal: DeskPlacement = {
  id: "p1", destinationCountry: "MY", jobTitle: "Operator produksi", industry: "C_Manufacturing", procedural: true,
  departureDate: "2025-09-15", p3mi: { name: "PT Mitra Kapuas Insani Utama (fiktif)", licenceStatus: "ACTIVE" },
};
const person = (over: Partial<VerdictInput> = {}): VerdictInput => ({ birthDate: "1996-05-14", birthDateMasked: false, placements: [legal], warnings: [], ...over });
const codes = (input: VerdictInput) => deskVerdict(input).reasons.map((r) => `${r.severity}:${r.code}`);

describe("placement rules", () => {
  it("closes the Middle East to domestic workers only (Kepmenaker 260/2015)", () => {
    expect(closuresFor({ destinationCountry: "SA", industry: "T_ActivitiesOfHouseholdsAsEmployers" }).map((c) => c.id)).toEqual(["moratorium-timur-tengah"]);
    expect(closuresFor({ destinationCountry: "ae", jobTitle: "Penata laksana rumah tangga" })).toHaveLength(1);
    expect(closuresFor({ destinationCountry: "SA", industry: "F_Construction", jobTitle: "Tukang las" })).toEqual([]);
    expect(closuresFor({ destinationCountry: "MY", industry: "T_ActivitiesOfHouseholdsAsEmployers" })).toEqual([]);
    // Whole words: "ART" is a domestic worker, "Smart" is not.
    expect(closuresFor({ destinationCountry: "QA", jobTitle: "ART" })).toHaveLength(1);
    expect(closuresFor({ destinationCountry: "QA", jobTitle: "Smartphone assembly" })).toEqual([]);
  });
  it("holds ISO alpha-2 codes and a legal basis for every closure", () => {
    for (const c of PLACEMENT_CLOSURES) for (const country of c.countries) expect(country).toMatch(/^[A-Z]{2}$/);
  });
});

describe("desk verdict", () => {
  it("is Aman for a registered placement through an active P3MI to an open destination", () => {
    const v = deskVerdict(person());
    expect(v.level).toBe("AMAN");
    expect(codes(person())).toEqual(["ok:LICENCE_ACTIVE", "ok:REGISTERED", "ok:DESTINATION_OPEN"]);
  });

  it.each(["REVOKED", "SUSPENDED", "EXPIRED"])("is Berisiko when the P3MI licence is %s", (status) => {
    const v = deskVerdict(person({ placements: [{ ...legal, p3mi: { name: "PT X", licenceStatus: status } }] }));
    expect(v.level).toBe("BERISIKO");
    expect(v.reasons[0]).toMatchObject({ code: "LICENCE_BAD", severity: "risk", params: { status }, basis: "UU_18_2017_P3MI" });
  });

  it("is Berisiko for a domestic worker sent to a moratorium country, and says why (with the non-procedural departure)", () => {
    const input = person({ placements: [{ ...legal, destinationCountry: "SA", industry: "T_ActivitiesOfHouseholdsAsEmployers", jobTitle: "Penata laksana rumah tangga", procedural: false, p3mi: null }] });
    expect(deskVerdict(input).level).toBe("BERISIKO");
    expect(codes(input)).toEqual(["risk:NOT_REGISTERED", "risk:DESTINATION_CLOSED"]);
    expect(deskVerdict(input).reasons[1]).toMatchObject({ params: { country: "SA", citation: "Kepmenaker 260/2015" } });
  });

  it("never reads unknown or masked data as good news: Perlu dicek", () => {
    expect(deskVerdict(person({ placements: [{ ...legal, p3mi: { name: "PT X", licenceStatus: null } }] })).level).toBe("PERLU_DICEK");
    expect(deskVerdict(person({ placements: [{ ...legal, procedural: null }] })).level).toBe("PERLU_DICEK");
    expect(deskVerdict(person({ placements: [{ ...legal, destinationCountry: null }] })).level).toBe("PERLU_DICEK");
    expect(deskVerdict(person({ placements: [{ ...legal, industry: null, jobTitle: null }] })).level).toBe("PERLU_DICEK");
    expect(deskVerdict(person({ birthDate: null })).level).toBe("PERLU_DICEK");
    expect(deskVerdict(person({ maskedPlacements: new Set(["p1"]) })).level).toBe("PERLU_DICEK");
    expect(deskVerdict(person({ placements: [] })).reasons.map((r) => r.code)).toEqual(["NO_PLACEMENT"]);
    expect(deskVerdict(person({ placements: [] })).level).toBe("PERLU_DICEK");
  });

  it("judges the age at departure, and a masked birth date (year only) only when the year decides it", () => {
    expect(deskVerdict(person({ birthDate: "2008-01-10" })).level).toBe("BERISIKO"); // 17 at departure
    expect(deskVerdict(person({ birthDate: "2007-09-15" })).level).toBe("AMAN"); // 18 on the day
    expect(deskVerdict(person({ birthDate: "2007-01-01", birthDateMasked: true })).reasons.map((r) => r.code)).toContain("AGE_UNCERTAIN");
    expect(deskVerdict(person({ birthDate: "2006-01-01", birthDateMasked: true })).level).toBe("AMAN");
    expect(deskVerdict(person({ birthDate: "2010-01-01", birthDateMasked: true })).level).toBe("BERISIKO");
  });

  it("notes open earlier warnings in the kecamatan without judging the placement by them, and a warning naming the P3MI is a risk", () => {
    const closed = { id: "w0", status: "CLOSED", reportedAt: "2024-01-01T00:00:00Z" };
    expect(codes(person({ warnings: [closed] }))).toEqual(["ok:LICENCE_ACTIVE", "ok:REGISTERED", "ok:DESTINATION_OPEN"]);
    const open = { id: "w1", status: "ESCALATED", reportedAt: "2026-02-10T00:00:00Z", suspectedRecruiter: 'Sdr. H. (sponsor)' };
    const v = deskVerdict(person({ warnings: [closed, open] }));
    expect(v.level).toBe("AMAN");
    expect(v.reasons.at(-1)).toMatchObject({ code: "OPEN_WARNINGS", severity: "note", params: { count: 1 } });
    const naming = { ...closed, suspectedRecruiter: "pt mitra kapuas insani utama" };
    expect(deskVerdict(person({ warnings: [naming] })).level).toBe("BERISIKO");
    // Initials (a masked recruiter) never match.
    expect(deskVerdict(person({ warnings: [{ ...closed, suspectedRecruiter: "P. M. K. I. U." }] })).level).toBe("AMAN");
  });
});
