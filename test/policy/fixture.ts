// One dataset for the access-rules suite (test/policy/), inserted with Prisma directly, and a
// token per role with its natural agency, purpose and jurisdiction.
//
// Case 1 (Kabupaten Sanggau 61.03, Entikong): contributed and investigated by POLDA-KALBAR, with
// KEJATI-KALBAR assigned for prosecution.
//   SITI  adult victim, consented to share with every agency; placement (BP3MI), exit crossing
//         (Imigrasi), referrals LTSA -> Dinsos (shelter), POLDA -> LBH (legal aid),
//         POLDA -> NGO (psychological), BP3MI -> Dinsos (repatriation, declined).
//   DEWI  victim who was 15 when exploited (isChild), consented to all; agencies disagree on her
//         name (BP3MI recorded the falsified adult identity); placement, referrals LTSA -> Dinsos
//         and LTSA -> NGO.
//   RINA  adult victim WITHOUT consent for NGO-SUAKA-BORNEO and DINSOS-KALBAR; referrals
//         POLDA -> Dinsos and POLDA -> NGO.
//   BUDI  suspect (recruiter for a P3MI company), known to police only.
//   A legal proceeding against Budi; an early warning (LTSA, 61.03.21) escalated to the case.
// Case 2 (Kota Banjarmasin 63.71, Kalimantan Selatan): POLDA-KALSEL's, with its own victim ANI.
// A second early warning, contributed by the NGO, in 61.03 and not linked to a case.
import type { PrismaClient } from "../../src/generated/prisma/client";
import type { Role, Purpose } from "../../src/policy/roles";
import type { TokenRequest } from "../../src/auth/issue-token";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const prov = (agency: string, externalId: string) => ({
  sourceAgency: agency,
  sourceSystem: "POLICY-TEST",
  externalId,
  contributedBy: `${agency.toLowerCase()}-officer`,
});

export const AGENCIES = [
  "POLDA-KALBAR",
  "KEJATI-KALBAR",
  "BP3MI-KALBAR",
  "IMIGRASI-ENTIKONG",
  "DINSOS-KALBAR",
  "LBH-PONTIANAK",
  "LTSA-ENTIKONG",
  "NGO-SUAKA-BORNEO",
  "GUGUS-TUGAS-KALBAR",
] as const;

/** Person data: every string is distinctive so a leak can be found by searching response text. */
export const SITI = {
  fullName: "Siti Rahmawati Kusumawardani",
  aliases: ["Siti Rahma Kusuma"],
  birthDate: "1998-04-12",
  phone: "+628115550101",
  email: "siti.rahmawati@contoh.id",
  address: "Jalan Merdeka Nomor 7, Entikong",
  nik: "6103215204980001",
  passport: "C7654321",
};
export const DEWI = {
  fullName: "Dewi Anggraini Lestari",
  bp3miName: "Dewi Anggraeni Putri",
  birthDate: "2009-08-17",
  bp3miBirthDate: "2004-08-17",
  phone: "+628115550202",
  nik: "6103215708090002",
};
export const RINA = {
  fullName: "Rina Marlina Sihombing",
  birthDate: "1995-01-30",
  phone: "+628115550303",
  nik: "6103217001950003",
};
export const BUDI = {
  fullName: "Budi Santoso Wijayakusuma",
  birthDate: "1979-11-03",
  phone: "+628115550404",
  nik: "6103210311790004",
  roleDetails: "Merekrut korban lewat Facebook atas nama PT Gelap Sentosa",
};
export const ANI = {
  fullName: "Ani Suryani Banjarbaru",
  birthDate: "2000-02-02",
  nik: "6371014202000005",
};
export const TEXTS = {
  caseTitle: "Perekrutan ilegal jalur Entikong",
  caseSummary: "Korban dijanjikan kerja toko di Kuching lalu ditahan paspornya oleh majikan",
  closureReason: "Berkas sebagian dilimpahkan ke Kejati",
  shelterNotes: "Konseling trauma berat, rujuk psikiater",
  legalNotes: "Pendampingan BAP tanggal 3 Juni",
  ngoNotes: "Korban takut pulang ke kampung",
  declineReason: "Kuota rumah singgah penuh bulan Juni",
  warningDescription: "Perekrut menawarkan kerja sawit tanpa dokumen di Desa Entikong",
  recruiter: "Pak Budi alias Bang Toyib",
  ngoWarning: "Calo berkeliaran di terminal Sanggau mencari pemuda",
  ngoRecruiter: "Ibu Lina dari Kuching",
  needs: ["SHELTER", "LEGAL_AID"],
};

/** Every value that is secret to at least one role: searched for in response text. */
export const SECRET_STRINGS: string[] = [
  SITI.fullName,
  SITI.aliases[0]!,
  SITI.phone,
  SITI.email,
  SITI.address,
  SITI.nik,
  SITI.passport,
  DEWI.fullName,
  DEWI.bp3miName,
  DEWI.phone,
  DEWI.nik,
  RINA.fullName,
  RINA.phone,
  RINA.nik,
  BUDI.fullName,
  BUDI.phone,
  BUDI.nik,
  BUDI.roleDetails,
  ANI.fullName,
  ANI.nik,
  ...Object.values(TEXTS).filter((v): v is string => typeof v === "string"),
];

export interface PolicyFixture {
  orgs: Record<string, string>;
  case1: string;
  case2: string;
  siti: string;
  dewi: string;
  rina: string;
  budi: string;
  ani: string;
  sitiVictim: string;
  dewiVictim: string;
  rinaVictim: string;
  budiSuspect: string;
  aniVictim: string;
  sitiPlacement: string;
  dewiPlacement: string;
  sitiCrossing: string;
  referrals: { sitiShelter: string; sitiLegal: string; sitiNgo: string; sitiDeclined: string; dewiShelter: string; dewiNgo: string; rinaShelter: string; rinaNgo: string };
  proceeding: string;
  warning: string;
  ngoWarning: string;
}

export async function insertPolicyFixture(prisma: PrismaClient): Promise<PolicyFixture> {
  // ------------------------------------------------------------ organizations
  const orgs: Record<string, string> = {};
  const org = async (key: string, code: string | null, name: string, data: Record<string, unknown>) => {
    const o = await prisma.organization.create({ data: { code, name, ...prov("GUGUS-TUGAS-KALBAR", `org-${key}`), ...data } as never });
    orgs[key] = o.id;
    return o.id;
  };
  await org("POLDA-KALBAR", "POLDA-KALBAR", "Polda Kalimantan Barat", { kind: "AGENCY", agencyType: "POLICE", regionCode: "61" });
  await org("KEJATI-KALBAR", "KEJATI-KALBAR", "Kejaksaan Tinggi Kalimantan Barat", { kind: "AGENCY", agencyType: "PROSECUTOR", regionCode: "61" });
  await org("BP3MI-KALBAR", "BP3MI-KALBAR", "BP3MI Kalimantan Barat", { kind: "AGENCY", agencyType: "MIGRANT_WORKER_AGENCY", regionCode: "61" });
  await org("IMIGRASI-ENTIKONG", "IMIGRASI-ENTIKONG", "Kantor Imigrasi Entikong", { kind: "AGENCY", agencyType: "IMMIGRATION", regionCode: "61.03" });
  await org("DINSOS-KALBAR", "DINSOS-KALBAR", "Dinas Sosial Kalimantan Barat", { kind: "AGENCY", agencyType: "SOCIAL_SERVICES", regionCode: "61.71" });
  await org("LBH-PONTIANAK", "LBH-PONTIANAK", "LBH Pontianak", { kind: "NGO", agencyType: "LEGAL_AID", regionCode: "61.71" });
  await org("LTSA-ENTIKONG", "LTSA-ENTIKONG", "LTSA Entikong", { kind: "AGENCY", agencyType: "LTSA", regionCode: "61.03" });
  await org("NGO-SUAKA-BORNEO", "NGO-SUAKA-BORNEO", "Yayasan Suaka Borneo", { kind: "NGO", regionCode: "61.71" });
  await org("GUGUS-TUGAS-KALBAR", "GUGUS-TUGAS-KALBAR", "Gugus Tugas PP-TPPO Kalimantan Barat", { kind: "AGENCY", agencyType: "TASK_FORCE", regionCode: "61" });
  await org("POLDA-KALSEL", "POLDA-KALSEL", "Polda Kalimantan Selatan", { kind: "AGENCY", agencyType: "POLICE", regionCode: "63" });
  await org("PT-GELAP", null, "PT Gelap Sentosa", { kind: "P3MI", regionCode: "61.03", licenceNumber: "SIP3MI-0666", licenceStatus: "REVOKED" });
  await org("EMPLOYER", null, "Ladang Sawit Sdn Bhd", { kind: "EMPLOYER", country: "MY" });

  // ------------------------------------------------------------ persons, statements, documents
  const person = async (
    data: { fullName: string; aliases?: string[]; birthDate: string; sex: "Feminine" | "Masculine"; origin: string; phone?: string; email?: string; address?: string },
    statements: { agency: string; externalId: string; fullName?: string; birthDate?: string; nationality?: string[]; docs: { type: "NIK" | "PASSPORT"; number: string }[] }[],
  ) => {
    const p = await prisma.person.create({
      data: {
        fullName: data.fullName,
        aliases: data.aliases ?? [],
        birthDate: day(data.birthDate),
        sex: data.sex,
        nationality: ["ID"],
        originRegionCode: data.origin,
        phone: data.phone ?? null,
        email: data.email ?? null,
        address: data.address ?? null,
      },
    });
    let t = Date.parse("2025-06-01T01:00:00Z");
    for (const s of statements) {
      const st = await prisma.personStatement.create({
        data: {
          personId: p.id,
          fullName: s.fullName ?? data.fullName,
          aliases: data.aliases ?? [],
          birthDate: day(s.birthDate ?? data.birthDate),
          sex: data.sex,
          nationality: s.nationality ?? ["ID"],
          originRegionCode: data.origin,
          phone: data.phone ?? null,
          email: data.email ?? null,
          address: data.address ?? null,
          ...prov(s.agency, s.externalId),
          contributedAt: new Date((t += 3_600_000)),
        },
      });
      for (const d of s.docs) await prisma.identityDocument.create({ data: { personId: p.id, statementId: st.id, type: d.type, number: d.number } });
    }
    return p.id;
  };

  const siti = await person(
    { fullName: SITI.fullName, aliases: SITI.aliases, birthDate: SITI.birthDate, sex: "Feminine", origin: "61.03.21", phone: SITI.phone, email: SITI.email, address: SITI.address },
    [
      { agency: "POLDA-KALBAR", externalId: "BAP-SITI", docs: [{ type: "NIK", number: SITI.nik }] },
      { agency: "BP3MI-KALBAR", externalId: "SISKO-SITI", docs: [{ type: "PASSPORT", number: SITI.passport }] },
    ],
  );
  // Police hold her true identity; BP3MI the falsified adult one: a name and birth-date conflict
  // (and a nationality conflict, which is not an identity field).
  const dewi = await person({ fullName: DEWI.fullName, birthDate: DEWI.birthDate, sex: "Feminine", origin: "61.03.21", phone: DEWI.phone }, [
    { agency: "POLDA-KALBAR", externalId: "BAP-DEWI", docs: [{ type: "NIK", number: DEWI.nik }] },
    { agency: "BP3MI-KALBAR", externalId: "SISKO-DEWI", fullName: DEWI.bp3miName, birthDate: DEWI.bp3miBirthDate, nationality: ["ID", "MY"], docs: [{ type: "NIK", number: DEWI.nik }] },
  ]);
  const rina = await person({ fullName: RINA.fullName, birthDate: RINA.birthDate, sex: "Feminine", origin: "61.03.21", phone: RINA.phone }, [
    { agency: "POLDA-KALBAR", externalId: "BAP-RINA", docs: [{ type: "NIK", number: RINA.nik }] },
  ]);
  const budi = await person({ fullName: BUDI.fullName, birthDate: BUDI.birthDate, sex: "Masculine", origin: "61.03.21", phone: BUDI.phone }, [
    { agency: "POLDA-KALBAR", externalId: "BAP-BUDI", docs: [{ type: "NIK", number: BUDI.nik }] },
  ]);
  const ani = await person({ fullName: ANI.fullName, birthDate: ANI.birthDate, sex: "Feminine", origin: "63.71" }, [
    { agency: "POLDA-KALSEL", externalId: "BAP-ANI", docs: [{ type: "NIK", number: ANI.nik }] },
  ]);

  // ------------------------------------------------------------ cases
  const case1 = (
    await prisma.case.create({
      data: {
        title: TEXTS.caseTitle,
        status: "Active",
        modus: ["SHOP_KEEPER", "ILLEGAL_MIGRANT_WORKER_DISPATCH"],
        exploitationTypes: ["ForcedLabour", "SexualExploitation"],
        sexExploitationTypes: ["Prostitution"],
        recruitmentMethods: ["ThroughOnlineSocialNetworks"],
        controlMethods: ["WithholdsDocuments"],
        recruitmentApps: ["Facebook"],
        originRegionCode: "61.03",
        recruitmentRegionCode: "61.03.21",
        transitBorderPost: "PLBN_ENTIKONG",
        destinationCountry: "MY",
        destinationCity: "Kuching",
        identifiedAt: day("2025-06-01"),
        exploitationStartedAt: day("2025-01-15"),
        summary: TEXTS.caseSummary,
        closureReason: TEXTS.closureReason,
        ...prov("POLDA-KALBAR", "LP-2025-ENT-01"),
      },
    })
  ).id;
  const case2 = (
    await prisma.case.create({
      data: {
        title: "Pengantin pesanan Banjarmasin",
        status: "Active",
        modus: ["MAIL_ORDER_BRIDE"],
        exploitationTypes: ["ForcedMarriage"],
        originRegionCode: "63.71",
        destinationCountry: "CN",
        identifiedAt: day("2025-05-01"),
        ...prov("POLDA-KALSEL", "LP-2025-BJM-01"),
      },
    })
  ).id;
  await prisma.caseAssignment.createMany({
    data: [
      { caseId: case1, organizationId: orgs["POLDA-KALBAR"]!, purpose: "INVESTIGATION" },
      { caseId: case1, organizationId: orgs["KEJATI-KALBAR"]!, purpose: "PROSECUTION" },
      { caseId: case2, organizationId: orgs["POLDA-KALSEL"]!, purpose: "INVESTIGATION" },
    ],
  });

  const participant = async (data: Record<string, unknown>, externalId: string, agency = "POLDA-KALBAR") =>
    (await prisma.caseParticipant.create({ data: { ...data, ...prov(agency, externalId) } as never })).id;
  const sitiVictim = await participant(
    {
      caseId: case1,
      personId: siti,
      role: "VICTIM",
      traffickingStatus: "ActualVictimOfTrafficking",
      ageAtExploitation: 26,
      isChild: false,
      needs: TEXTS.needs,
      relationshipToTrafficker: "Acquainted",
      consentAgencies: [...AGENCIES],
      contributedAt: new Date("2025-06-01T02:00:00Z"),
    },
    "P-SITI",
  );
  const dewiVictim = await participant(
    {
      caseId: case1,
      personId: dewi,
      role: "VICTIM",
      traffickingStatus: "ActualVictimOfTrafficking",
      ageAtExploitation: 15,
      isChild: true,
      needs: ["SHELTER", "PSYCHOLOGICAL"],
      relationshipToTrafficker: "Acquainted",
      consentAgencies: [...AGENCIES],
      contributedAt: new Date("2025-06-01T02:01:00Z"),
    },
    "P-DEWI",
  );
  const rinaVictim = await participant(
    {
      caseId: case1,
      personId: rina,
      role: "VICTIM",
      traffickingStatus: "PossibleVictimOfTrafficking",
      ageAtExploitation: 30,
      isChild: false,
      needs: ["SHELTER"],
      consentAgencies: AGENCIES.filter((a) => a !== "NGO-SUAKA-BORNEO" && a !== "DINSOS-KALBAR"),
      contributedAt: new Date("2025-06-01T02:02:00Z"),
    },
    "P-RINA",
  );
  const budiSuspect = await participant(
    {
      caseId: case1,
      personId: budi,
      role: "SUSPECT",
      suspectRoles: ["RecruiterOrIntermediary", "P3miCompany"],
      suspectOrganizationId: orgs["PT-GELAP"],
      roleDetails: BUDI.roleDetails,
      contributedAt: new Date("2025-06-01T02:03:00Z"),
    },
    "P-BUDI",
  );
  const aniVictim = await participant(
    { caseId: case2, personId: ani, role: "VICTIM", traffickingStatus: "ActualVictimOfTrafficking", ageAtExploitation: 25, consentAgencies: ["POLDA-KALSEL"] },
    "P-ANI",
    "POLDA-KALSEL",
  );

  // ------------------------------------------------------------ around case 1
  const placement = async (workerId: string, externalId: string) =>
    (
      await prisma.migrantPlacement.create({
        data: {
          workerId,
          caseId: case1,
          p3miId: orgs["PT-GELAP"],
          employerId: orgs["EMPLOYER"],
          destinationCountry: "MY",
          destinationCity: "Kuching",
          jobTitle: "Penjaga toko",
          industry: "G_WholesaleAndRetailTrade",
          procedural: false,
          departureDate: day("2025-01-10"),
          ...prov("BP3MI-KALBAR", externalId),
        },
      })
    ).id;
  const sitiPlacement = await placement(siti, "PL-SITI");
  const dewiPlacement = await placement(dewi, "PL-DEWI");

  const sitiCrossing = (
    await prisma.borderCrossing.create({
      data: {
        personId: siti,
        caseId: case1,
        direction: "EXIT",
        post: "PLBN_ENTIKONG",
        documentType: "PASSPORT",
        documentNumber: SITI.passport,
        counterpartCountry: "MY",
        crossedAt: new Date("2025-01-10T03:00:00Z"),
        ...prov("IMIGRASI-ENTIKONG", "SIMKIM-SITI"),
      },
    })
  ).id;

  const referral = async (
    personId: string,
    from: string,
    to: string,
    serviceType: string,
    externalId: string,
    extra: Record<string, unknown> = {},
  ) =>
    (
      await prisma.serviceReferral.create({
        data: {
          personId,
          caseId: case1,
          fromOrganizationId: orgs[from]!,
          toOrganizationId: orgs[to]!,
          serviceType,
          status: "ACCEPTED",
          requestedAt: new Date("2025-06-02T01:00:00Z"),
          acceptedAt: new Date("2025-06-03T01:00:00Z"),
          ...prov(from, externalId),
          ...extra,
        } as never,
      })
    ).id;
  const referrals = {
    sitiShelter: await referral(siti, "LTSA-ENTIKONG", "DINSOS-KALBAR", "SHELTER", "R-SITI-1", { notes: TEXTS.shelterNotes }),
    sitiLegal: await referral(siti, "POLDA-KALBAR", "LBH-PONTIANAK", "LEGAL_AID", "R-SITI-2", { notes: TEXTS.legalNotes }),
    sitiNgo: await referral(siti, "POLDA-KALBAR", "NGO-SUAKA-BORNEO", "PSYCHOLOGICAL", "R-SITI-3", { notes: TEXTS.ngoNotes }),
    sitiDeclined: await referral(siti, "BP3MI-KALBAR", "DINSOS-KALBAR", "REPATRIATION", "R-SITI-4", {
      status: "DECLINED",
      acceptedAt: null,
      declinedAt: new Date("2025-06-04T01:00:00Z"),
      declineReason: TEXTS.declineReason,
    }),
    dewiShelter: await referral(dewi, "LTSA-ENTIKONG", "DINSOS-KALBAR", "SHELTER", "R-DEWI-1"),
    dewiNgo: await referral(dewi, "LTSA-ENTIKONG", "NGO-SUAKA-BORNEO", "PSYCHOLOGICAL", "R-DEWI-2"),
    rinaShelter: await referral(rina, "POLDA-KALBAR", "DINSOS-KALBAR", "SHELTER", "R-RINA-1"),
    rinaNgo: await referral(rina, "POLDA-KALBAR", "NGO-SUAKA-BORNEO", "PSYCHOLOGICAL", "R-RINA-2"),
  };

  const proceeding = (
    await prisma.legalProceeding.create({
      data: {
        caseId: case1,
        policeReportNumber: "LP/B/117/VI/2025/SPKT/POLDA KALBAR",
        stage: "INVESTIGATION",
        stageDate: day("2025-06-05"),
        defendantName: BUDI.fullName,
        ...prov("POLDA-KALBAR", "PROC-BUDI"),
      },
    })
  ).id;

  const warning = (
    await prisma.earlyWarningReport.create({
      data: {
        source: "LTSA",
        regionCode: "61.03.21",
        status: "ESCALATED",
        reportedAt: new Date("2025-05-20T01:00:00Z"),
        description: TEXTS.warningDescription,
        suspectedRecruiter: TEXTS.recruiter,
        caseId: case1,
        ...prov("LTSA-ENTIKONG", "EW-ENT-01"),
      },
    })
  ).id;
  const ngoWarning = (
    await prisma.earlyWarningReport.create({
      data: {
        source: "NGO",
        regionCode: "61.03",
        status: "NEW",
        reportedAt: new Date("2025-06-10T01:00:00Z"),
        description: TEXTS.ngoWarning,
        suspectedRecruiter: TEXTS.ngoRecruiter,
        ...prov("NGO-SUAKA-BORNEO", "EW-NGO-01"),
      },
    })
  ).id;

  return {
    orgs,
    case1,
    case2,
    siti,
    dewi,
    rina,
    budi,
    ani,
    sitiVictim,
    dewiVictim,
    rinaVictim,
    budiSuspect,
    aniVictim,
    sitiPlacement,
    dewiPlacement,
    sitiCrossing,
    referrals,
    proceeding,
    warning,
    ngoWarning,
  };
}

// ---------------------------------------------------------------- tokens

export interface Persona {
  role: Role;
  agency: string;
  purpose: Purpose;
  jurisdiction: string[];
}

/** Each role with its natural agency, purpose and jurisdiction. */
export const PERSONAS: Record<Role, Persona> = {
  "police-investigator": { role: "police-investigator", agency: "POLDA-KALBAR", purpose: "investigation", jurisdiction: ["61"] },
  prosecutor: { role: "prosecutor", agency: "KEJATI-KALBAR", purpose: "prosecution", jurisdiction: ["61"] },
  "bp3mi-officer": { role: "bp3mi-officer", agency: "BP3MI-KALBAR", purpose: "placement-protection", jurisdiction: ["61"] },
  "immigration-officer": { role: "immigration-officer", agency: "IMIGRASI-ENTIKONG", purpose: "border-control", jurisdiction: ["61.03"] },
  "social-worker": { role: "social-worker", agency: "DINSOS-KALBAR", purpose: "victim-services", jurisdiction: ["61"] },
  "legal-aid": { role: "legal-aid", agency: "LBH-PONTIANAK", purpose: "legal-aid", jurisdiction: ["61"] },
  "ltsa-officer": { role: "ltsa-officer", agency: "LTSA-ENTIKONG", purpose: "early-warning", jurisdiction: ["61.03"] },
  "ngo-case-worker": { role: "ngo-case-worker", agency: "NGO-SUAKA-BORNEO", purpose: "victim-services", jurisdiction: [] },
  "ngo-analyst": { role: "ngo-analyst", agency: "NGO-SUAKA-BORNEO", purpose: "statistics", jurisdiction: [] },
  "task-force-analyst": { role: "task-force-analyst", agency: "GUGUS-TUGAS-KALBAR", purpose: "statistics", jurisdiction: ["61"] },
  auditor: { role: "auditor", agency: "GUGUS-TUGAS-KALBAR", purpose: "audit", jurisdiction: [] },
  admin: { role: "admin", agency: "GUGUS-TUGAS-KALBAR", purpose: "administration", jurisdiction: [] },
};

/** A single-role token request for a persona, optionally with another purpose. */
export function tokenFor(role: Role, purpose?: Purpose): TokenRequest {
  const p = PERSONAS[role];
  return { agency: p.agency, roles: [role], purpose: purpose ?? p.purpose, jurisdiction: p.jurisdiction };
}
