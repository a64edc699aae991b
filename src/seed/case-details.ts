// The details of a demo case that are text and small choices rather than structure: recruitment
// apps, control methods, transit, the second agency's differing statement, and the summary.
import type { BorderPost } from "../generated/prisma/client.ts";
import { CONTROL_METHODS, RECRUITMENT_APPS } from "../domain/vocabulary";
import type { SeedContext } from "./context";
import { recordedAt } from "./journeys";
import { spellingVariant } from "./names";
import { nikDocument, passportDocument, type DocumentDraft, type StatementDraft } from "./people";
import { COUNTRY_NAME, POST_NAME, PROFILES, type Modus } from "./profiles";
import { addDays, type Rng } from "./prng";

export const LAND_POSTS = new Set<BorderPost>(["PLBN_ENTIKONG", "PLBN_ARUK", "PLBN_NANGA_BADAU", "PLBN_JAGOI_BABANG"]);
export const ONLINE = new Set(["ThroughOnlineSocialNetworks", "ThroughAnOnlineAdvertisement"]);
export const BRIDES = new Set<Modus>(["MAIL_ORDER_BRIDE", "CONTRACT_MARRIAGE"]);
export const LABOUR = new Set<Modus>(["DOMESTIC_WORKER", "PLANTATION_WORKER", "ILLEGAL_MIGRANT_WORKER_DISPATCH", "OVERSEAS_INTERNSHIP"]);
const NUMBER_WORDS = ["", "Seorang", "Dua", "Tiga", "Empat", "Lima", "Enam", "Tujuh", "Delapan", "Sembilan", "Sepuluh", "Sebelas", "Dua belas"];
export const JOB_TITLE: Partial<Record<Modus, string>> = {
  DOMESTIC_WORKER: "Penata laksana rumah tangga",
  PLANTATION_WORKER: "Pekerja ladang kelapa sawit",
  ILLEGAL_MIGRANT_WORKER_DISPATCH: "Buruh (tanpa kontrak)",
  OVERSEAS_INTERNSHIP: "Peserta magang",
  SCAM_COMPOUND_IT_OPERATOR: "Admin / operator komputer (lowongan fiktif)",
  MANDARIN_TRANSLATOR: "Penerjemah bahasa Mandarin",
  SHOP_KEEPER: "Penjaga toko",
  ONLINE_RECRUITMENT: "Pelayan restoran",
};
export const ROLE_DETAILS: Record<string, string> = {
  RecruiterOrIntermediary: "Perekrut lapangan yang mendatangi keluarga korban",
  BrokerTravelAgent: "Pengurus tiket dan dokumen perjalanan",
  Sponsor: "Sponsor yang menanggung biaya keberangkatan",
  P3miCompany: "Pengurus P3MI yang memberangkatkan tanpa prosedur",
  Transporter: "Sopir yang mengantar korban ke perbatasan",
  Smuggler: "Penyeberang melalui jalur tidak resmi",
  Exploiter: "Pengelola tempat kerja di negara tujuan",
  HarbouredIndividual: "Pemilik mes penampungan",
  ControlledIndividual: "Pengawas di lokasi kerja",
  BoughtIndividual: "Suami yang membayar mahar kepada perantara",
  Other: "Pihak yang menampung korban",
};

export function recruitmentApps(rng: Rng, modus: Modus, online: boolean): string[] {
  const s = new Set<string>();
  if (online) {
    if (rng.chance(0.7)) s.add("Facebook");
    if (rng.chance(0.2)) s.add("FacebookMessenger");
    if (rng.chance(modus === "SCAM_COMPOUND_IT_OPERATOR" || modus === "MANDARIN_TRANSLATOR" ? 0.5 : 0.08)) s.add("Telegram");
    if (rng.chance(0.15)) s.add("TikTok");
    if (rng.chance(0.1)) s.add("Instagram");
    if (BRIDES.has(modus) && rng.chance(0.4)) s.add("WeChat");
    if (s.size === 0) s.add("Facebook");
  }
  if (rng.chance(online ? 0.55 : 0.3)) s.add("WhatsApp");
  return RECRUITMENT_APPS.filter((a) => s.has(a));
}

/** Two to four methods, false promises in most cases, in vocabulary order. */
export function controlMethods(rng: Rng, allowed: readonly string[]): string[] {
  const rest = allowed.filter((m) => m !== "FalsePromises");
  const chosen = new Set(rng.sample(rest, rng.int(1, 3)));
  if (allowed.includes("FalsePromises") && rng.chance(0.8)) chosen.add("FalsePromises");
  if (chosen.size < 2 && rest.length > 1) for (const m of rng.sample(rest, 2)) chosen.add(m);
  return CONTROL_METHODS.filter((m) => chosen.has(m));
}

export function transitCountries(rng: Rng, destination: string, post: BorderPost): string[] {
  if (destination === "MY" || destination === "ID" || destination === "BN") return [];
  if (LAND_POSTS.has(post)) return destination === "MM" || destination === "LA" ? ["MY", "TH"] : ["MY"];
  return rng.chance(0.4) ? ["MY"] : [];
}

/**
 * The second agency's statement about a victim, differing the way real records do: BP3MI and
 * Dinas Sosial spell the name differently; Imigrasi holds the falsified (older) birth date of a
 * bride's passport.
 */
export function secondStatement(
  ctx: SeedContext,
  c: { modus: Modus; province: "61" | "63"; identity: StatementDraft["identity"]; travelDoc: DocumentDraft | null; departure: Date; caseAt: Date },
): StatementDraft {
  const rng = ctx.rng;
  const kalsel = c.province === "63";
  if (BRIDES.has(c.modus)) {
    const falsified = new Date(Date.UTC(c.identity.birthDate.getUTCFullYear() - rng.int(2, 5), c.identity.birthDate.getUTCMonth(), Math.min(28, c.identity.birthDate.getUTCDate())));
    const passport = c.travelDoc?.type === "PASSPORT" ? c.travelDoc : passportDocument(ctx);
    return {
      agency: kalsel ? "IMIGRASI-BANJARMASIN" : "IMIGRASI-PONTIANAK", system: "SIMKIM", at: recordedAt(ctx, addDays(c.departure, -rng.int(14, 60))),
      identity: { ...c.identity, birthDate: falsified, phone: null, email: null, address: null, aliases: [] },
      documents: [passport],
    };
  }
  if (LABOUR.has(c.modus) || c.modus === "SHOP_KEEPER") {
    const agency = kalsel ? "BP3MI-KALSEL" : "BP3MI-KALBAR";
    return {
      agency, system: "SISKOP2MI", at: recordedAt(ctx, addDays(c.departure, -rng.int(20, 90))),
      identity: { ...c.identity, fullName: spellingVariant(rng, c.identity.fullName), aliases: [], email: null },
      documents: nikDocument(c.identity),
    };
  }
  const agency = kalsel ? "DINSOS-KALSEL" : "DINSOS-KALBAR";
  return {
    agency, system: "SIKS-NG", at: recordedAt(ctx, addDays(c.caseAt, rng.int(3, 30))),
    // A phone number taken later: contact details resolve to the latest statement.
    identity: { ...c.identity, fullName: spellingVariant(rng, c.identity.fullName), phone: `+62857${String(rng.int(0, 99_999_999)).padStart(8, "0")}` },
    documents: nikDocument(c.identity),
  };
}

export function summary(
  rng: Rng,
  c: { modus: Modus; victims: readonly { age: number; female: boolean }[]; children: number; destination: string; city: string; apps: string[]; post: BorderPost; intercepted: boolean },
): string {
  const n = c.victims.length;
  const v0 = c.victims[0]!;
  const who =
    n === 1
      ? `Seorang korban ${v0.age < 18 ? "anak" : v0.female ? "perempuan" : "laki-laki"} berusia ${v0.age} tahun`
      : `${NUMBER_WORDS[n] ?? String(n)} korban${c.children ? ` (${c.children} di antaranya anak)` : ""}`;
  const fill = (t: string) =>
    t
      .replace("{victims}", who)
      .replace("{country}", COUNTRY_NAME[c.destination] ?? c.destination)
      .replace("{city}", c.city)
      .replace("{app}", c.apps.filter((a) => a !== "WhatsApp")[0] ?? "media sosial")
      .replace("{post}", POST_NAME[c.post]);
  const text = c.intercepted
    ? fill(`{victims} hendak diberangkatkan ke {city}, {country} (modus ${PROFILES[c.modus].label.toLowerCase()}), namun keberangkatan digagalkan petugas di {post}.`)
    : `${fill(PROFILES[c.modus].story)} Kasus terungkap dari ${rng.pick(["laporan keluarga korban", "patroli siber", "pemulangan oleh otoritas negara tujuan", "pengaduan melalui LTSA", "informasi LSM pendamping"])}.`;
  return `${text} [Data sintetis]`;
}
