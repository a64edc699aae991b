// A small, hand-counted dataset: 103 cases with one victim each, plus suspects and persons
// assessed as not trafficked (who must not count as victims).
//
//   year  F   M   total   destination        origin regency
//   2021  2   1     3     MY 3               61.01 3
//   2022 30  12    42     MY 30, CN 12        61.03 30, 63.71 12
//   2023 12  20    32     CN 12, MY 16, SG 4  61.03 12, 63.71 16, 61.05 4
//   2024 13  13    26     MY 26               61.03 13, 63.71 13
//
// Exploitation types (a case can have several): ForcedLabour 61, SexualExploitation 31,
// ForcedMarriage 24, Servitude 12. Cases from 63.71 come from POLDA-KALSEL, the rest POLDA-KALBAR.
import crypto from "node:crypto";
import type { Prisma, PrismaClient } from "../../src/generated/prisma/client.ts";

type Group = {
  year: number;
  sex: "Feminine" | "Masculine";
  dest: string;
  region: string;
  types: string[];
  age: number | null;
  n: number;
};

export const GROUPS: Group[] = [
  { year: 2021, sex: "Feminine", dest: "MY", region: "61.01", types: ["ForcedLabour"], age: 15, n: 2 },
  { year: 2021, sex: "Masculine", dest: "MY", region: "61.01", types: ["ForcedLabour"], age: 16, n: 1 },
  { year: 2022, sex: "Feminine", dest: "MY", region: "61.03", types: ["SexualExploitation"], age: 19, n: 18 },
  { year: 2022, sex: "Feminine", dest: "CN", region: "61.03", types: ["ForcedMarriage", "Servitude"], age: 22, n: 12 },
  { year: 2022, sex: "Masculine", dest: "MY", region: "63.71", types: ["ForcedLabour"], age: 30, n: 12 },
  { year: 2023, sex: "Feminine", dest: "CN", region: "61.03", types: ["ForcedMarriage"], age: 20, n: 12 },
  { year: 2023, sex: "Masculine", dest: "MY", region: "63.71", types: ["ForcedLabour"], age: 28, n: 16 },
  { year: 2023, sex: "Masculine", dest: "SG", region: "61.05", types: ["ForcedLabour"], age: 40, n: 4 },
  { year: 2024, sex: "Feminine", dest: "MY", region: "61.03", types: ["SexualExploitation", "ForcedLabour"], age: null, n: 13 },
  { year: 2024, sex: "Masculine", dest: "MY", region: "63.71", types: ["ForcedLabour"], age: 33, n: 13 },
];

const provenance = (agency: string, externalId: string) => ({ sourceAgency: agency, sourceSystem: "TEST", externalId, contributedBy: "fixture" });

/** Inserts the dataset; returns every id written, so tests can check none comes back. */
export async function seedStatisticsFixture(prisma: PrismaClient): Promise<string[]> {
  const persons: { id: string; sex: Group["sex"] }[] = [];
  const cases: Prisma.CaseCreateManyInput[] = [];
  const participants: Prisma.CaseParticipantCreateManyInput[] = [];
  let i = 0;
  for (const g of GROUPS) {
    for (let j = 0; j < g.n; j++, i++) {
      const agency = g.region.startsWith("63") ? "POLDA-KALSEL" : "POLDA-KALBAR";
      const caseId = crypto.randomUUID();
      const victimId = crypto.randomUUID();
      persons.push({ id: victimId, sex: g.sex });
      cases.push({
        id: caseId,
        identifiedAt: new Date(`${g.year}-06-15T00:00:00Z`),
        destinationCountry: g.dest,
        originRegionCode: g.region,
        exploitationTypes: g.types,
        ...provenance(agency, `case-${i}`),
      });
      participants.push({ caseId, personId: victimId, role: "VICTIM", traffickingStatus: "ActualVictimOfTrafficking", ageAtExploitation: g.age, ...provenance(agency, `victim-${i}`) });
      // Every fourth case also has a suspect; every tenth a person assessed as not trafficked.
      if (i % 4 === 0) {
        const suspectId = crypto.randomUUID();
        persons.push({ id: suspectId, sex: "Masculine" });
        participants.push({ caseId, personId: suspectId, role: "SUSPECT", ...provenance(agency, `suspect-${i}`) });
      }
      if (i % 10 === 0) {
        const otherId = crypto.randomUUID();
        persons.push({ id: otherId, sex: "Feminine" });
        participants.push({ caseId, personId: otherId, role: "VICTIM", traffickingStatus: "NotAVictimOfTrafficking", ...provenance(agency, `smuggled-${i}`) });
      }
    }
  }
  await prisma.person.createMany({ data: persons });
  await prisma.case.createMany({ data: cases });
  await prisma.caseParticipant.createMany({ data: participants });
  return [...persons.map((p) => p.id), ...cases.map((c) => c.id!)];
}
