// A small, hand-built dataset for the read API tests, inserted with Prisma directly (not through
// the contribute mutations). Every filter in the tests has matches and non-matches here; the
// comments say which record is meant to hit which filter.
import type { PrismaClient } from "../../src/generated/prisma/client";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const prov = (agency: string, externalId: string) => ({
  sourceAgency: agency,
  sourceSystem: "TEST",
  externalId,
  contributedBy: `${agency.toLowerCase()}-officer`,
});

export const NIK_SITI = "6103215403050001"; // 61.03.21, 14 Mar 2005 (+40: female), serial 0001
export const PASSPORT_SITI = "C1234567";
export const NIK_DEWI = "6101094101100002";

export async function insertReadFixture(prisma: PrismaClient) {
  // ------------------------------------------------------------ organizations
  const org = async (code: string | null, name: string, data: Record<string, unknown>) =>
    prisma.organization.create({ data: { code, name, ...prov("GUGUS-TUGAS-KALBAR", `org-${name}`), ...(data as object) } as never });
  const polda = await org("POLDA-KALBAR", "Polda Kalimantan Barat", { kind: "AGENCY", agencyType: "POLICE", regionCode: "61" });
  const imigrasi = await org("IMIGRASI-ENTIKONG", "Kantor Imigrasi Entikong", { kind: "AGENCY", agencyType: "IMMIGRATION", regionCode: "61.03" });
  const bp3mi = await org("BP3MI-KALBAR", "BP3MI Kalimantan Barat", { kind: "AGENCY", agencyType: "MIGRANT_WORKER_AGENCY", regionCode: "61" });
  const dinsos = await org("DINSOS-KALBAR", "Dinas Sosial Kalimantan Barat", { kind: "AGENCY", agencyType: "SOCIAL_SERVICES", regionCode: "61.71" });
  const ptMaju = await org(null, "PT Maju Jaya Abadi", { kind: "P3MI", regionCode: "61.71", licenceNumber: "SIP3MI-0001", licenceStatus: "ACTIVE" });
  const ptGelap = await org(null, "PT Gelap Sentosa", { kind: "P3MI", regionCode: "61.03", licenceNumber: "SIP3MI-0666", licenceStatus: "REVOKED" });
  const employer = await org(null, "Ladang Sawit Sdn Bhd", { kind: "EMPLOYER", country: "MY" });

  // ------------------------------------------------------------ persons with statements
  // Siti: police and BP3MI disagree on name and birth date (BP3MI has the falsified age).
  const siti = await prisma.person.create({
    data: {
      fullName: "Siti Aminah",
      aliases: ["Siti Aminah Binti Ahmad"],
      birthDate: day("2005-03-14"),
      sex: "Feminine",
      nationality: ["ID"],
      originRegionCode: "61.03.21",
      phone: "+628115550001",
    },
  });
  const sitiPolice = await prisma.personStatement.create({
    data: {
      personId: siti.id,
      fullName: "Siti Aminah",
      birthDate: day("2005-03-14"),
      sex: "Feminine",
      nationality: ["ID"],
      phone: "+628115550001",
      ...prov("POLDA-KALBAR", "BAP-2025-17"),
      contributedAt: new Date("2025-06-03T02:00:00Z"),
    },
  });
  const sitiBp3mi = await prisma.personStatement.create({
    data: {
      personId: siti.id,
      fullName: "Siti Aminah Binti Ahmad",
      birthDate: day("2003-03-14"),
      sex: "Feminine",
      nationality: ["ID"],
      originRegionCode: "61.03.21",
      ...prov("BP3MI-KALBAR", "SISKO-99812"),
      contributedAt: new Date("2025-06-04T02:00:00Z"),
    },
  });
  await prisma.identityDocument.createMany({
    data: [
      { personId: siti.id, statementId: sitiPolice.id, type: "NIK", number: NIK_SITI },
      { personId: siti.id, statementId: sitiBp3mi.id, type: "NIK", number: NIK_SITI },
      { personId: siti.id, statementId: sitiBp3mi.id, type: "PASSPORT", number: PASSPORT_SITI, flags: ["NIK_BIRTHDATE_MISMATCH"] },
    ],
  });

  const dewi = await prisma.person.create({
    data: { fullName: "Dewi Lestari", birthDate: day("2010-01-01"), sex: "Feminine", nationality: ["ID"], originRegionCode: "61.01.09" },
  });
  const dewiStmt = await prisma.personStatement.create({
    data: { personId: dewi.id, fullName: "Dewi Lestari", birthDate: day("2010-01-01"), sex: "Feminine", ...prov("POLDA-KALBAR", "BAP-2025-03") },
  });
  await prisma.identityDocument.create({ data: { personId: dewi.id, statementId: dewiStmt.id, type: "NIK", number: NIK_DEWI } });

  const rudi = await prisma.person.create({
    data: { fullName: "Rudi Hartono", birthDate: day("1980-07-07"), sex: "Masculine", nationality: ["ID"], originRegionCode: "63.71" },
  });
  await prisma.personStatement.create({ data: { personId: rudi.id, fullName: "Rudi Hartono", ...prov("POLDA-KALBAR", "BAP-2025-04") } });

  const ahmad = await prisma.person.create({
    data: { fullName: "Ahmad Fauzi", birthDate: day("1995-05-05"), sex: "Masculine", nationality: ["ID", "MY"], originRegionCode: "61.06.14" },
  });
  await prisma.personStatement.create({ data: { personId: ahmad.id, fullName: "Ahmad Fauzi", ...prov("IMIGRASI-ENTIKONG", "SIMKIM-1") } });

  // ------------------------------------------------------------ cases
  // C1 Entikong child sex exploitation (MY); C2 scam compound (KH); C3 Kalsel bride (CN);
  // C4 plantation, origin Melawi 61.10 (the "61.1" trap), no identification date.
  const c1 = await prisma.case.create({
    data: {
      title: "Anak di Entikong",
      status: "Active",
      modus: ["SHOP_KEEPER"],
      exploitationTypes: ["SexualExploitation", "ChildLabour"],
      sexExploitationTypes: ["Prostitution"],
      recruitmentMethods: ["ThroughOnlineSocialNetworks"],
      controlMethods: ["FalsePromises", "WithholdsDocuments"],
      recruitmentApps: ["Facebook"],
      originRegionCode: "61.03.21",
      recruitmentRegionCode: "61.03",
      transitBorderPost: "PLBN_ENTIKONG",
      destinationCountry: "MY",
      destinationCity: "Kuching",
      identifiedAt: day("2025-02-10"),
      summary: "Dijanjikan kerja toko, dipaksa di Kuching.",
      ...prov("POLDA-KALBAR", "LP-2025-010"),
    },
  });
  const c2 = await prisma.case.create({
    data: {
      title: "Scam compound",
      status: "FollowUp",
      modus: ["SCAM_COMPOUND_IT_OPERATOR", "ONLINE_RECRUITMENT"],
      exploitationTypes: ["ForcedLabour", "ForcedCriminality"],
      forcedLabourIndustry: "N_AdministrativeAndSupportServiceActivities",
      originRegionCode: "61.01.09",
      recruitmentRegionCode: "61.01",
      transitCountries: ["MY", "TH"],
      destinationCountry: "KH",
      identifiedAt: day("2025-06-01"),
      ...prov("POLDA-KALBAR", "LP-2025-061"),
    },
  });
  const c3 = await prisma.case.create({
    data: {
      status: "Closed",
      modus: ["MAIL_ORDER_BRIDE"],
      exploitationTypes: ["ForcedMarriage"],
      originRegionCode: "63.71",
      destinationCountry: "CN",
      identifiedAt: day("2024-11-20"),
      closedAt: day("2025-05-01"),
      ...prov("BP3MI-KALBAR", "KASUS-2024-7"),
    },
  });
  const c4 = await prisma.case.create({
    data: {
      status: "Active",
      modus: ["PLANTATION_WORKER"],
      exploitationTypes: ["ForcedLabour"],
      originRegionCode: "61.10",
      destinationCountry: "MY",
      ...prov("BP3MI-KALBAR", "KASUS-2025-2"),
    },
  });

  const dewiVictim = await prisma.caseParticipant.create({
    data: {
      caseId: c1.id,
      personId: dewi.id,
      role: "VICTIM",
      traffickingStatus: "ActualVictimOfTrafficking",
      ageAtExploitation: 15,
      isChild: true,
      needs: ["SHELTER", "PSYCHOLOGICAL"],
      relationshipToTrafficker: "Acquainted",
      consentAgencies: ["DINSOS-KALBAR"],
      ...prov("POLDA-KALBAR", "P-C1-V1"),
      contributedAt: new Date("2025-02-10T01:00:00Z"),
    },
  });
  const rudiSuspect = await prisma.caseParticipant.create({
    data: {
      caseId: c1.id,
      personId: rudi.id,
      role: "SUSPECT",
      suspectRoles: ["RecruiterOrIntermediary", "P3miCompany"],
      suspectOrganizationId: ptGelap.id,
      roleDetails: "Merekrut lewat Facebook",
      ...prov("POLDA-KALBAR", "P-C1-S1"),
      contributedAt: new Date("2025-02-10T02:00:00Z"),
    },
  });
  await prisma.caseParticipant.create({
    data: { caseId: c2.id, personId: siti.id, role: "VICTIM", isChild: false, ageAtExploitation: 20, ...prov("POLDA-KALBAR", "P-C2-V1") },
  });
  await prisma.caseAssignment.createMany({
    data: [
      { caseId: c1.id, organizationId: polda.id, purpose: "INVESTIGATION" },
      { caseId: c2.id, organizationId: polda.id, purpose: "INVESTIGATION" },
      { caseId: c2.id, organizationId: dinsos.id, purpose: "CASE_MANAGEMENT" },
    ],
  });

  // ------------------------------------------------------------ around the cases
  const p1 = await prisma.migrantPlacement.create({
    data: {
      workerId: ahmad.id,
      p3miId: ptMaju.id,
      employerId: employer.id,
      destinationCountry: "MY",
      destinationCity: "Sibu",
      jobTitle: "Pemanen sawit",
      industry: "A_AgricultureForestryAndFishing",
      procedural: true,
      idPmi: "PMI-2025-000123",
      departureDate: day("2025-01-05"),
      ...prov("BP3MI-KALBAR", "PL-1"),
    },
  });
  const p2 = await prisma.migrantPlacement.create({
    data: { workerId: siti.id, caseId: c2.id, p3miId: ptGelap.id, destinationCountry: "KH", procedural: false, departureDate: day("2025-04-01"), ...prov("BP3MI-KALBAR", "PL-2") },
  });
  const p3 = await prisma.migrantPlacement.create({
    data: { workerId: dewi.id, caseId: c1.id, destinationCountry: "MY", procedural: false, departureDate: day("2025-01-20"), ...prov("POLDA-KALBAR", "PL-3") },
  });

  const x1 = await prisma.borderCrossing.create({
    data: { personId: dewi.id, caseId: c1.id, direction: "EXIT", post: "PLBN_ENTIKONG", counterpartCountry: "MY", crossedAt: new Date("2025-01-20T03:00:00Z"), ...prov("IMIGRASI-ENTIKONG", "X-1") },
  });
  const x2 = await prisma.borderCrossing.create({
    data: {
      personId: dewi.id,
      caseId: c1.id,
      direction: "ENTRY",
      post: "PLBN_ENTIKONG",
      documentType: "SPLP",
      documentNumber: "SPLP-77",
      counterpartCountry: "MY",
      crossedAt: new Date("2025-02-08T05:00:00Z"),
      deportation: true,
      ...prov("IMIGRASI-ENTIKONG", "X-2"),
    },
  });
  const x3 = await prisma.borderCrossing.create({
    data: { personId: ahmad.id, direction: "EXIT", post: "PLBN_ARUK", documentType: "PASSPORT", documentNumber: "B7654321", counterpartCountry: "MY", crossedAt: new Date("2025-01-05T08:00:00Z"), ...prov("IMIGRASI-ENTIKONG", "X-3") },
  });
  const x4 = await prisma.borderCrossing.create({
    data: { personId: siti.id, caseId: c2.id, direction: "EXIT", post: "AIRPORT_SUPADIO_PONTIANAK", counterpartCountry: "MY", crossedAt: new Date("2025-04-01T10:00:00Z"), ...prov("IMIGRASI-ENTIKONG", "X-4") },
  });

  const r1 = await prisma.repatriation.create({
    data: { personId: dewi.id, caseId: c1.id, fromCountry: "MY", arrivalPoint: "PLBN_ENTIKONG", arrivedAt: day("2025-02-08"), receivingOrganizationId: dinsos.id, ...prov("BP3MI-KALBAR", "R-1") },
  });
  const r2 = await prisma.repatriation.create({
    data: { personId: siti.id, caseId: c2.id, fromCountry: "KH", arrivalPoint: "AIRPORT_SUPADIO_PONTIANAK", arrivedAt: day("2025-05-20"), ...prov("BP3MI-KALBAR", "R-2") },
  });

  const f1 = await prisma.serviceReferral.create({
    data: {
      personId: dewi.id,
      caseId: c1.id,
      fromOrganizationId: polda.id,
      toOrganizationId: dinsos.id,
      serviceType: "SHELTER",
      status: "ACCEPTED",
      requestedAt: new Date("2025-02-09T00:00:00Z"),
      acceptedAt: new Date("2025-02-11T12:00:00Z"),
      ...prov("POLDA-KALBAR", "F-1"),
    },
  });
  const f2 = await prisma.serviceReferral.create({
    data: {
      personId: siti.id,
      caseId: c2.id,
      fromOrganizationId: polda.id,
      toOrganizationId: dinsos.id,
      serviceType: "PSYCHOLOGICAL",
      status: "REQUESTED",
      requestedAt: new Date("2025-06-02T00:00:00Z"),
      ...prov("POLDA-KALBAR", "F-2"),
    },
  });
  const f3 = await prisma.serviceReferral.create({
    data: {
      personId: siti.id,
      fromOrganizationId: dinsos.id,
      toOrganizationId: bp3mi.id,
      serviceType: "REPATRIATION",
      status: "COMPLETED",
      requestedAt: new Date("2025-05-01T00:00:00Z"),
      acceptedAt: new Date("2025-05-02T00:00:00Z"),
      completedAt: new Date("2025-05-20T00:00:00Z"),
      ...prov("DINSOS-KALBAR", "F-3"),
    },
  });
  // Requested yesterday: REQUESTED but not yet "unanswered for 30 days".
  const f4 = await prisma.serviceReferral.create({
    data: {
      personId: ahmad.id,
      fromOrganizationId: bp3mi.id,
      toOrganizationId: dinsos.id,
      serviceType: "LEGAL_AID",
      status: "REQUESTED",
      requestedAt: new Date(Date.now() - 86_400_000),
      ...prov("BP3MI-KALBAR", "F-4"),
    },
  });

  const l1 = await prisma.legalProceeding.create({
    data: { caseId: c1.id, policeReportNumber: "LP/B/10/II/2025/SPKT", stage: "INVESTIGATION", stageDate: day("2025-03-01"), defendantName: "Rudi Hartono", ...prov("POLDA-KALBAR", "LP-1") },
  });
  const l2 = await prisma.legalProceeding.create({
    data: {
      caseId: c3.id,
      stage: "VERDICT",
      stageDate: day("2025-05-01"),
      courtName: "Pengadilan Negeri Banjarmasin",
      courtCaseNumber: "123/Pid.Sus/2025/PN Bjm",
      verdict: "Bersalah",
      verdictDate: day("2025-05-01"),
      sentenceMonths: 48,
      restitutionAmount: 9_007_199_254_740_993n, // beyond 2^53: must survive as text
      ...prov("BP3MI-KALBAR", "LP-2"),
    },
  });

  const w1 = await prisma.earlyWarningReport.create({
    data: { source: "LTSA", regionCode: "61.03.21", status: "NEW", reportedAt: new Date("2025-01-15T04:00:00Z"), description: "Perekrut di desa", ...prov("BP3MI-KALBAR", "W-1") },
  });
  const w2 = await prisma.earlyWarningReport.create({
    data: {
      source: "COMMUNITY",
      regionCode: "61.01",
      status: "ESCALATED",
      caseId: c2.id,
      reportedAt: new Date("2025-05-25T04:00:00Z"),
      description: "Lowongan IT di Kamboja",
      suspectedRecruiter: "Bang Joe",
      ...prov("POLDA-KALBAR", "W-2"),
    },
  });
  const w3 = await prisma.earlyWarningReport.create({
    data: { source: "NGO", regionCode: "63.71", status: "CLOSED", reportedAt: new Date("2024-10-01T04:00:00Z"), description: "Biro jodoh", ...prov("BP3MI-KALBAR", "W-3") },
  });

  return {
    org: { polda, imigrasi, bp3mi, dinsos, ptMaju, ptGelap, employer },
    person: { siti, dewi, rudi, ahmad },
    statement: { sitiPolice, sitiBp3mi },
    participant: { dewiVictim, rudiSuspect },
    case: { c1, c2, c3, c4 },
    placement: { p1, p2, p3 },
    crossing: { x1, x2, x3, x4 },
    repatriation: { r1, r2 },
    referral: { f1, f2, f3, f4 },
    proceeding: { l1, l2 },
    warning: { w1, w2, w3 },
  };
}

export type ReadFixture = Awaited<ReturnType<typeof insertReadFixture>>;
