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
// ForcedMarriage 24, Servitude 12. Modus (also several per case): SHOP_KEEPER 31,
// PLANTATION_WORKER 28, MAIL_ORDER_BRIDE 24, ILLEGAL_MIGRANT_WORKER_DISPATCH 16,
// ONLINE_RECRUITMENT 13, CONTRACT_MARRIAGE 12, none 4. Cases from 63.71 come from POLDA-KALSEL,
// the rest POLDA-KALBAR.
import crypto from "node:crypto";
import type { Prisma, PrismaClient } from "../../src/generated/prisma/client.ts";

type Group = {
  year: number;
  sex: "Feminine" | "Masculine";
  dest: string;
  region: string;
  types: string[];
  modus: string[];
  age: number | null;
  n: number;
};

export const GROUPS: Group[] = [
  { year: 2021, sex: "Feminine", dest: "MY", region: "61.01", types: ["ForcedLabour"], modus: ["PLANTATION_WORKER"], age: 15, n: 2 },
  { year: 2021, sex: "Masculine", dest: "MY", region: "61.01", types: ["ForcedLabour"], modus: ["PLANTATION_WORKER"], age: 16, n: 1 },
  { year: 2022, sex: "Feminine", dest: "MY", region: "61.03", types: ["SexualExploitation"], modus: ["SHOP_KEEPER"], age: 19, n: 18 },
  { year: 2022, sex: "Feminine", dest: "CN", region: "61.03", types: ["ForcedMarriage", "Servitude"], modus: ["MAIL_ORDER_BRIDE", "CONTRACT_MARRIAGE"], age: 22, n: 12 },
  { year: 2022, sex: "Masculine", dest: "MY", region: "63.71", types: ["ForcedLabour"], modus: ["PLANTATION_WORKER"], age: 30, n: 12 },
  { year: 2023, sex: "Feminine", dest: "CN", region: "61.03", types: ["ForcedMarriage"], modus: ["MAIL_ORDER_BRIDE"], age: 20, n: 12 },
  { year: 2023, sex: "Masculine", dest: "MY", region: "63.71", types: ["ForcedLabour"], modus: ["ILLEGAL_MIGRANT_WORKER_DISPATCH"], age: 28, n: 16 },
  { year: 2023, sex: "Masculine", dest: "SG", region: "61.05", types: ["ForcedLabour"], modus: [], age: 40, n: 4 },
  { year: 2024, sex: "Feminine", dest: "MY", region: "61.03", types: ["SexualExploitation", "ForcedLabour"], modus: ["SHOP_KEEPER", "ONLINE_RECRUITMENT"], age: null, n: 13 },
  { year: 2024, sex: "Masculine", dest: "MY", region: "63.71", types: ["ForcedLabour"], modus: ["PLANTATION_WORKER"], age: 33, n: 13 },
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
        modus: g.modus,
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

/**
 * Service referrals, counted as OPEN_REFERRALS while REQUESTED. Unanswered ones by receiving
 * agency and days waiting (requested that many days before the test runs):
 *
 *   agency          3 days (0-7)  20 days (15-30)  120 days (91+)   total
 *   SHELTER-A            12             14               20           46
 *   SHELTER-B             2             13               15           30
 *   LBH-C                16             11                3           30
 *
 * plus 12 answered ones to SHELTER-A (5 ACCEPTED, 3 DECLINED, 4 COMPLETED) that must not count.
 * SHELTER-A's twelve 0-7 day referrals name cases from 61.03; the others name no case.
 */
export const OPEN_REFERRALS: { agency: string; days: number; band: string; n: number }[] = [
  { agency: "SHELTER-A", days: 3, band: "DAYS_0_7", n: 12 },
  { agency: "SHELTER-A", days: 20, band: "DAYS_15_30", n: 14 },
  { agency: "SHELTER-A", days: 120, band: "DAYS_91_PLUS", n: 20 },
  { agency: "SHELTER-B", days: 3, band: "DAYS_0_7", n: 2 },
  { agency: "SHELTER-B", days: 20, band: "DAYS_15_30", n: 13 },
  { agency: "SHELTER-B", days: 120, band: "DAYS_91_PLUS", n: 15 },
  { agency: "LBH-C", days: 3, band: "DAYS_0_7", n: 16 },
  { agency: "LBH-C", days: 20, band: "DAYS_15_30", n: 11 },
  { agency: "LBH-C", days: 120, band: "DAYS_91_PLUS", n: 3 },
];

export async function seedReferralFixture(prisma: PrismaClient): Promise<string[]> {
  const orgs = ["DINSOS-X", "SHELTER-A", "SHELTER-B", "LBH-C"].map((code) => ({
    id: crypto.randomUUID(),
    code,
    name: code,
    kind: "AGENCY" as const,
    ...provenance(code, `org-${code}`),
  }));
  await prisma.organization.createMany({ data: orgs });
  const orgId = (code: string) => orgs.find((o) => o.code === code)!.id;
  const cases = await prisma.case.findMany({ where: { originRegionCode: "61.03" }, select: { id: true }, orderBy: { id: "asc" }, take: 12 });
  const persons: Prisma.PersonCreateManyInput[] = [];
  const referrals: Prisma.ServiceReferralCreateManyInput[] = [];
  const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);
  const add = (to: string, days: number, status: "REQUESTED" | "ACCEPTED" | "DECLINED" | "COMPLETED", caseId: string | null) => {
    const personId = crypto.randomUUID();
    persons.push({ id: personId });
    const i = referrals.length;
    const requestedAt = daysAgo(days);
    referrals.push({
      personId,
      caseId,
      fromOrganizationId: orgId("DINSOS-X"),
      toOrganizationId: orgId(to),
      serviceType: "SHELTER",
      status,
      requestedAt,
      acceptedAt: status === "ACCEPTED" || status === "COMPLETED" ? requestedAt : null,
      completedAt: status === "COMPLETED" ? requestedAt : null,
      declinedAt: status === "DECLINED" ? requestedAt : null,
      ...provenance("DINSOS-X", `referral-${i}`),
    });
  };
  for (const r of OPEN_REFERRALS) {
    for (let j = 0; j < r.n; j++) add(r.agency, r.days, "REQUESTED", r.agency === "SHELTER-A" && r.days === 3 ? cases[j]!.id : null);
  }
  for (const [status, n] of [["ACCEPTED", 5], ["DECLINED", 3], ["COMPLETED", 4]] as const) for (let j = 0; j < n; j++) add("SHELTER-A", 3, status, null);
  await prisma.person.createMany({ data: persons });
  await prisma.serviceReferral.createMany({ data: referrals });
  return [...orgs.map((o) => o.id), ...persons.map((p) => p.id!)];
}
