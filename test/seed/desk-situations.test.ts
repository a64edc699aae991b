// The LTSA desk's three seeded situations (src/seed/desk-situations.ts) are in the demo's records
// with the documents DESK_SITUATIONS names, and the rules give each the verdict it promises.
import { closuresFor, LICENCE_STATUS_SEVERITY } from "../../src/domain/placement-rules";
import { DESK_SITUATIONS } from "../../src/seed/desk-situations";
import { demoRecords, type DemoRecords } from "../../src/seed/records";

describe("desk situations in the demo", () => {
  let records: DemoRecords;
  beforeAll(async () => {
    records = await demoRecords({ scale: 1 });
  });

  const personOf = (number: string) => {
    const docs = records.identityDocuments.filter((d) => d.number === number);
    expect(docs).toHaveLength(1); // unique in the whole demo: nothing else holds this NIK or passport
    return docs[0]!.personId;
  };

  it.each(DESK_SITUATIONS)("$key: NIK and passport name one person with one placement", (s) => {
    const id = personOf(s.nik);
    expect(personOf(s.passport)).toBe(id);
    expect(records.persons.find((p) => p.id === id)?.fullName).toBe(s.fullName);
    const placements = records.migrantPlacements.filter((p) => p.workerId === id);
    expect(placements).toHaveLength(1);
    const [p] = placements;
    const p3mi = records.organizations.find((o) => o.id === p!.p3miId);
    const closed = closuresFor({ destinationCountry: p!.destinationCountry, industry: p!.industry, jobTitle: p!.jobTitle }).length > 0;
    const licence = p3mi ? LICENCE_STATUS_SEVERITY[p3mi.licenceStatus!] : null;
    if (s.key === "legal") expect({ procedural: p!.procedural, licence, closed }).toEqual({ procedural: true, licence: "ok", closed: false });
    if (s.key === "revokedP3mi") expect({ procedural: p!.procedural, status: p3mi?.licenceStatus, closed }).toEqual({ procedural: true, status: "REVOKED", closed: false });
    if (s.key === "moratorium") expect({ destination: p!.destinationCountry, closed }).toEqual({ destination: "SA", closed: true });
  });

  it("has an earlier warning in the moratorium person's kecamatan and a referral from the Entikong desk to follow", () => {
    const id = personOf(DESK_SITUATIONS[2]!.nik);
    const origin = records.persons.find((p) => p.id === id)!.originRegionCode!;
    expect(records.earlyWarningReports.some((w) => w.regionCode.startsWith(origin) && w.sourceAgency === "LTSA-ENTIKONG")).toBe(true);
    expect(records.serviceReferrals.filter((r) => r.personId === id).map((r) => [r.sourceAgency, r.serviceType, r.status])).toEqual([["LTSA-ENTIKONG", "SHELTER", "ACCEPTED"]]);
  });
});
