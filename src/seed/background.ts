// Records that exist outside any case: procedural migrant workers BP3MI placed (what an LTSA
// desk finds when it looks someone up), deportees returned through the PLBN, and early-warning
// reports from LTSA desks and communities.
import type { BorderPost, WarningSource, WarningStatus } from "../generated/prisma/client.ts";
import { serviceAccount, type SeedContext } from "./context";
import { addCrossing, addPlacement, addRepatriation, isBefore, makeIdPmi, receivingOrganization, recordedAt } from "./journeys";
import { EMPLOYER_COUNTRIES } from "./organizations";
import { addPerson, indonesianIdentity, nikDocument, passportDocument, pickDistrict } from "./people";
import { CITIES, type Modus } from "./profiles";
import { addDays, birthDateForAge, randomDay, REFERENCE_DATE, utcDate } from "./prng";
import { addReferrals } from "./referrals";
import { villagesIn } from "./regions";

/** Kabupaten whose LTSA desk is Entikong's (the eastern border corridor); the rest go to Pontianak. */
const ENTIKONG_DESK = ["61.01", "61.03", "61.05", "61.06", "61.07", "61.09", "61.10"];

const DESCRIPTIONS: readonly string[] = [
  "Warga melaporkan {n} calon pekerja dijemput malam hari untuk diseberangkan melalui jalan tikus tanpa dokumen.",
  "Calon PMI datang ke LTSA menanyakan lowongan kerja di Malaysia yang diiklankan di Facebook; perekrut meminta biaya keberangkatan di muka.",
  "Orang tua melaporkan anak perempuannya dijanjikan kerja sebagai penjaga toko di Kuching oleh kenalan di media sosial.",
  "Ada penampungan {n} calon pekerja di rumah kontrakan; perusahaan perekrut tidak terdaftar sebagai P3MI.",
  "Perantara menawarkan perjodohan dengan laki-laki asal Tiongkok kepada beberapa perempuan muda di desa, dengan uang muka untuk keluarga.",
  "Lowongan operator komputer ke Kamboja beredar di grup Telegram warga dengan gaji yang tidak wajar.",
  "Sponsor menjanjikan kerja di ladang sawit Sarawak tanpa kontrak; biaya perjalanan akan dipotong dari gaji.",
];

export interface WarningInput {
  caseId: string | null;
  province: "61" | "63";
  /** Kecamatan where it was reported; a desa inside it is used when the reporter named one. */
  regionCode: string;
  reportedOn: Date;
  modus: Modus | null;
  status?: WarningStatus;
}

export function addWarning(ctx: SeedContext, w: WarningInput): void {
  const rng = ctx.rng;
  if (!isBefore(w.reportedOn)) return;
  const villages = villagesIn(w.regionCode);
  const regionCode = villages.length && rng.chance(0.6) ? rng.pick(villages).code : w.regionCode;
  const kalsel = w.province === "63";
  const source: WarningSource = kalsel ? "NGO" : rng.weighted([["LTSA", 55], ["COMMUNITY", 35], ["NGO", 10]] as const);
  const agency = kalsel
    ? "NGO-RUMAH-HARAPAN-BANUA"
    : source === "NGO"
      ? "NGO-PELITA-PERBATASAN"
      : ENTIKONG_DESK.includes(w.regionCode.slice(0, 5))
        ? "LTSA-ENTIKONG"
        : "LTSA-PONTIANAK";
  const system = agency.startsWith("LTSA") ? "LTSA-DESK" : "PELAPORAN-MITRA";
  const reportedAt = recordedAt(ctx, w.reportedOn);
  const ageDays = (REFERENCE_DATE.getTime() - reportedAt.getTime()) / 864e5;
  const status: WarningStatus =
    w.status ??
    (ageDays < 30
      ? rng.weighted([["NEW", 60], ["UNDER_REVIEW", 40]] as const)
      : ageDays < 180
        ? rng.weighted([["UNDER_REVIEW", 40], ["CLOSED", 40], ["ESCALATED", 20]] as const)
        : rng.weighted([["CLOSED", 75], ["ESCALATED", 25]] as const));
  const pattern =
    w.modus === "SHOP_KEEPER" ? DESCRIPTIONS[2]! : w.modus === "MAIL_ORDER_BRIDE" ? DESCRIPTIONS[4]! : w.modus === "SCAM_COMPOUND_IT_OPERATOR" ? DESCRIPTIONS[5]! : rng.pick(DESCRIPTIONS);
  const updated = status === "NEW" ? reportedAt : recordedAt(ctx, addDays(reportedAt, rng.int(1, 20)));
  ctx.batch.earlyWarningReports.push({
    id: ctx.id(),
    source,
    regionCode,
    status,
    reportedAt,
    description: `${pattern.replace("{n}", String(rng.int(2, 9)))} [Data sintetis]`,
    // Initials or an account name, as desk officers write them down; never a full name.
    suspectedRecruiter: rng.chance(0.5)
      ? `Sdr. ${String.fromCharCode(65 + rng.int(0, 25))}. (${rng.pick(["calo", "sponsor", "perantara"])})`
      : rng.chance(0.4)
        ? `Akun Facebook "${rng.pick(["Loker Malaysia Resmi", "Info Kerja Kuching", "Lowongan Luar Negeri Cepat"])}"`
        : null,
    caseId: w.caseId,
    sourceAgency: agency,
    sourceSystem: system,
    externalId: ctx.externalId(agency, "PERINGATAN", reportedAt),
    contributedAt: reportedAt,
    contributedBy: serviceAccount(agency, system),
    updatedAt: updated.getTime() < reportedAt.getTime() ? reportedAt : updated,
    version: status === "NEW" ? 1 : 2,
  });
}

const FIRST = utcDate(2022, 1, 1);
const LAST = utcDate(2026, 10, 15);

/** A worker BP3MI placed through the procedure, not involved in any case. */
export function addMigrantWorker(ctx: SeedContext): void {
  const rng = ctx.rng;
  const province: "61" | "63" = rng.chance(0.8) ? "61" : "63";
  const agency = province === "63" ? "BP3MI-KALSEL" : "BP3MI-KALBAR";
  const destination = rng.weighted(EMPLOYER_COUNTRIES);
  const departure = randomDay(rng, FIRST, LAST);
  const female = rng.chance(destination === "MY" ? 0.45 : 0.8);
  const identity = indonesianIdentity(ctx, { sex: female ? "Feminine" : "Masculine", birthDate: birthDateForAge(rng, rng.int(20, 45), departure), districtCode: pickDistrict(rng, province) });
  const passport = passportDocument(ctx);
  const idPmi = makeIdPmi(ctx, province, departure);
  const registered = recordedAt(ctx, addDays(departure, -rng.int(20, 60)));
  const { personId } = addPerson(ctx, [
    { agency, system: "SISKOP2MI", at: registered, identity, documents: [...nikDocument(identity), passport, { type: "ID_PMI", number: idPmi }] },
  ]);
  const domestic = destination !== "MY" && destination !== "BN" && destination !== "TW" ? true : rng.chance(0.3);
  const returned = addDays(departure, rng.int(700, 760));
  const back = isBefore(returned) && rng.chance(0.6) ? returned : null;
  addPlacement(ctx, {
    workerId: personId, caseId: null, province, destination, city: rng.pick(CITIES[destination]!), procedural: true,
    p3mi: ctx.orgs.pickP3mi(rng, false), employer: ctx.orgs.employerIn(rng, destination),
    jobTitle: domestic ? "Penata laksana rumah tangga" : rng.pick(["Operator produksi", "Pekerja ladang kelapa sawit", "Tukang las"]),
    industry: domestic ? "T_ActivitiesOfHouseholdsAsEmployers" : rng.pick(["C_Manufacturing", "A_AgricultureForestryAndFishing", "F_Construction"] as const),
    departureDate: departure, returnDate: back, idPmi, recordedOn: registered,
  });
  const post: BorderPost =
    province === "63" ? "AIRPORT_SYAMSUDIN_NOOR_BANJARMASIN" : destination === "MY" || destination === "BN" ? rng.weighted([["PLBN_ENTIKONG", 60], ["PLBN_ARUK", 15], ["AIRPORT_SUPADIO_PONTIANAK", 25]] as const) : "AIRPORT_SUPADIO_PONTIANAK";
  addCrossing(ctx, { personId, caseId: null, direction: "EXIT", post, documentType: "PASSPORT", documentNumber: passport.number, counterpartCountry: destination, day: departure });
  if (back) {
    addCrossing(ctx, { personId, caseId: null, direction: "ENTRY", post, documentType: "PASSPORT", documentNumber: passport.number, counterpartCountry: destination, day: back });
  }
}

/** A worker deported from Sarawak through a Kalbar PLBN, known first to Imigrasi. */
export function addDeportee(ctx: SeedContext): void {
  const rng = ctx.rng;
  const arrived = randomDay(rng, FIRST, LAST);
  const post = rng.weighted([["PLBN_ENTIKONG", 70], ["PLBN_ARUK", 30]] as const);
  const office = post === "PLBN_ENTIKONG" ? "IMIGRASI-ENTIKONG" : "IMIGRASI-SAMBAS";
  const identity = indonesianIdentity(ctx, {
    sex: rng.chance(0.65) ? "Masculine" : "Feminine",
    birthDate: birthDateForAge(rng, rng.int(20, 50), arrived),
    districtCode: pickDistrict(rng, "61"),
    withNik: rng.chance(0.7),
  });
  const splp = { type: "SPLP" as const, number: `SPLP${String(ctx.seq("IMIGRASI", "SPLP")).padStart(7, "0")}`, issuingCountry: "ID" };
  const { personId } = addPerson(ctx, [{ agency: office, system: "SIMKIM", at: recordedAt(ctx, arrived), identity, documents: [splp, ...nikDocument(identity)] }]);
  addCrossing(ctx, { personId, caseId: null, direction: "ENTRY", post, documentType: "SPLP", documentNumber: splp.number, counterpartCountry: "MY", day: arrived, deportation: true });
  addRepatriation(ctx, { personId, caseId: null, province: "61", fromCountry: "MY", arrivalPoint: post, arrivedAt: arrived, receiving: receivingOrganization(ctx, "61") });
  const needs = (["SHELTER", "MEDICAL", "REINTEGRATION"] as const).filter((_, i) => rng.chance([0.6, 0.2, 0.5][i]!));
  addReferrals(ctx, { personId, caseId: null, province: "61", firstFrom: "BP3MI-KALBAR", caseManager: "DINSOS-KALBAR", needs, from: arrived });
}

/** A warning not (yet) linked to any case. */
export function addStandaloneWarning(ctx: SeedContext): void {
  const rng = ctx.rng;
  const province: "61" | "63" = rng.chance(0.85) ? "61" : "63";
  // A third from the last three months, so desks have open reports to work on.
  const reportedOn = rng.chance(0.3) ? randomDay(rng, addDays(REFERENCE_DATE, -90), addDays(REFERENCE_DATE, -1)) : randomDay(rng, FIRST, LAST);
  addWarning(ctx, { caseId: null, province, regionCode: pickDistrict(rng, province), reportedOn, modus: null });
}
