// Demo organizations: the member agencies of the provincial task forces (real institutions,
// named by their public office names), and fictional NGOs, shelters, P3MI placement companies
// and foreign employers. No fictional organization is meant to resemble a real one.
import type { AgencyType, LicenceStatus, OrganizationKind } from "../generated/prisma/client.ts";
import { utcDate, addDays, officeTime, type Rng } from "./prng";

export interface OrgSeed {
  id: string;
  code: string | null;
  name: string;
  kind: OrganizationKind;
  agencyType: AgencyType | null;
  regionCode: string | null;
  country: string;
  licenceNumber: string | null;
  licenceStatus: LicenceStatus | null;
  sourceAgency: string;
  sourceSystem: string;
  externalId: string;
  contributedAt: Date;
  contributedBy: string;
  updatedAt: Date;
  version: number;
}

type AgencyDef = readonly [code: string, agencyType: AgencyType, name: string, regionCode: string];

/** Agencies (kind AGENCY); their codes are what tokens and provenance call an agency. */
export const AGENCIES: readonly AgencyDef[] = [
  ["GUGUS-TUGAS-KALBAR", "TASK_FORCE", "Gugus Tugas PP-TPPO Provinsi Kalimantan Barat", "61"],
  ["GUGUS-TUGAS-KALSEL", "TASK_FORCE", "Gugus Tugas PP-TPPO Provinsi Kalimantan Selatan", "63"],
  ["POLDA-KALBAR", "POLICE", "Kepolisian Daerah Kalimantan Barat", "61"],
  ["POLDA-KALSEL", "POLICE", "Kepolisian Daerah Kalimantan Selatan", "63"],
  ["KEJATI-KALBAR", "PROSECUTOR", "Kejaksaan Tinggi Kalimantan Barat", "61"],
  ["KEJATI-KALSEL", "PROSECUTOR", "Kejaksaan Tinggi Kalimantan Selatan", "63"],
  ["BP3MI-KALBAR", "MIGRANT_WORKER_AGENCY", "Balai Pelayanan Pelindungan Pekerja Migran Indonesia Kalimantan Barat", "61"],
  ["BP3MI-KALSEL", "MIGRANT_WORKER_AGENCY", "Balai Pelayanan Pelindungan Pekerja Migran Indonesia Kalimantan Selatan", "63"],
  ["IMIGRASI-ENTIKONG", "IMMIGRATION", "Kantor Imigrasi Entikong", "61.03"],
  ["IMIGRASI-PONTIANAK", "IMMIGRATION", "Kantor Imigrasi Pontianak", "61.71"],
  ["IMIGRASI-SAMBAS", "IMMIGRATION", "Kantor Imigrasi Sambas", "61.01"],
  ["IMIGRASI-PUTUSSIBAU", "IMMIGRATION", "Kantor Imigrasi Putussibau", "61.06"],
  ["IMIGRASI-SINGKAWANG", "IMMIGRATION", "Kantor Imigrasi Singkawang", "61.72"],
  ["IMIGRASI-BANJARMASIN", "IMMIGRATION", "Kantor Imigrasi Banjarmasin", "63.71"],
  ["DINSOS-KALBAR", "SOCIAL_SERVICES", "Dinas Sosial Provinsi Kalimantan Barat", "61"],
  ["DINSOS-KALSEL", "SOCIAL_SERVICES", "Dinas Sosial Provinsi Kalimantan Selatan", "63"],
  ["DP3A-KALBAR", "WOMEN_CHILD_PROTECTION", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak Provinsi Kalimantan Barat", "61"],
  ["DP3A-KALSEL", "WOMEN_CHILD_PROTECTION", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak Provinsi Kalimantan Selatan", "63"],
  ["LBH-PONTIANAK", "LEGAL_AID", "Pos Bantuan Hukum Tapal Batas Pontianak (fiktif)", "61.71"],
  ["LTSA-ENTIKONG", "LTSA", "LTSA Pelindungan PMI Entikong", "61.03"],
  ["LTSA-PONTIANAK", "LTSA", "LTSA Pelindungan PMI Kota Pontianak", "61.71"],
];

/** The first record the demo writes; its presence means the demo was already seeded. */
export const DEMO_MARKER = { sourceAgency: "GUGUS-TUGAS-KALBAR", externalId: "AGENCY/GUGUS-TUGAS-KALBAR" } as const;

type ProviderDef = readonly [code: string, kind: OrganizationKind, name: string, regionCode: string, sourceAgency: string, sourceSystem: string];

/** Fictional service providers, registered by the task force (NGOs) or Dinas Sosial (shelters). */
export const PROVIDERS: readonly ProviderDef[] = [
  ["NGO-SUAKA-BORNEO", "NGO", "Yayasan Suaka Borneo (fiktif)", "61.71", "GUGUS-TUGAS-KALBAR", "GUGUS-TUGAS-REGISTRY"],
  ["NGO-PELITA-PERBATASAN", "NGO", "Perkumpulan Pelita Perbatasan (fiktif)", "61.03", "GUGUS-TUGAS-KALBAR", "GUGUS-TUGAS-REGISTRY"],
  ["NGO-RUMAH-HARAPAN-BANUA", "NGO", "Yayasan Rumah Harapan Banua (fiktif)", "63.71", "GUGUS-TUGAS-KALSEL", "GUGUS-TUGAS-REGISTRY"],
  ["SHELTER-RPTC-KHATULISTIWA", "SHELTER", "RPTC Rumah Singgah Khatulistiwa (fiktif)", "61.12", "DINSOS-KALBAR", "SIKS-NG"],
  ["SHELTER-RUMAH-AMAN-ENTIKONG", "SHELTER", "Rumah Aman Tapal Batas Entikong (fiktif)", "61.03", "DINSOS-KALBAR", "SIKS-NG"],
  ["SHELTER-RPTC-BANUA", "SHELTER", "RPTC Rumah Perlindungan Banua (fiktif)", "63.72", "DINSOS-KALSEL", "SIKS-NG"],
  ["KLINIK-KASIH-KHATULISTIWA", "HEALTH_SERVICE", "Klinik Pratama Kasih Khatulistiwa (fiktif)", "61.71", "GUGUS-TUGAS-KALBAR", "GUGUS-TUGAS-REGISTRY"],
];

const REGISTERED_AT = utcDate(2022, 1, 3);

const P3MI_WORDS = [
  ["Tenaga", "Karya", "Mitra", "Bina", "Duta", "Sumber", "Putra", "Cahaya"],
  ["Khatulistiwa", "Kapuas", "Borneo", "Banua", "Tapal Batas", "Sebalo", "Landak", "Martapura"],
  ["Rimba", "Insani", "Anugerah", "Bestari", "Samudra", "Gemilang", "Nusantara", "Persada"],
  ["Sejahtera", "Mandiri", "Utama", "Lestari", "Abadi", "Sentosa", "Makmur", "Perkasa"],
] as const;

/** Destination countries of placements with employer records, by relative weight. */
export const EMPLOYER_COUNTRIES = [["MY", 10], ["TW", 3], ["HK", 3], ["SA", 2], ["SG", 2], ["BN", 1]] as const;
const EMPLOYER_CITY: Record<string, readonly string[]> = {
  MY: ["Kuching", "Sibu", "Bintulu", "Miri", "Sri Aman", "Kota Kinabalu", "Johor Bahru"],
  TW: ["Taichung", "Taoyuan", "Kaohsiung"],
  HK: ["Kowloon", "Sha Tin", "Tuen Mun"],
  SA: ["Riyadh", "Jeddah", "Dammam"],
  SG: ["Singapore"],
  BN: ["Bandar Seri Begawan"],
};

function employerName(rng: Rng, country: string, n: number): string {
  const city = rng.pick(EMPLOYER_CITY[country]!);
  const a = rng.pick(["Sinar", "Bumi", "Usaha", "Permata", "Cahaya", "Damai", "Seri", "Tunas"]);
  const b = rng.pick(["Hijau", "Emas", "Murni", "Gading", "Perdana", "Sepakat", "Wawasan", "Kenanga"]);
  switch (country) {
    case "MY":
      return rng.chance(0.35)
        ? `Majikan perseorangan ${city} #${n}`
        : `${a} ${b} ${rng.pick(["Plantation", "Oil Mill", "Timber", "Trading", "Agro"])} Sdn Bhd (fiktif)`;
    case "BN":
      return `${a} ${b} Trading Sdn Bhd (fiktif)`;
    case "TW":
      return rng.chance(0.5) ? `Household employer ${city} #${n}` : `${rng.pick(["Hsin", "Yung", "Chia", "Tai"])}-${rng.pick(["Feng", "Cheng", "Hua", "Sheng"])} Precision Co., Ltd. (fiktif)`;
    default:
      return `Household employer ${city} #${n}`;
  }
}

/** All demo organizations, agencies first (they are written first, in this order). */
export function buildOrganizations(rng: Rng, scale: number): OrgSeed[] {
  const out: OrgSeed[] = [];
  const base = { country: "ID", licenceNumber: null, licenceStatus: null, version: 1 };
  for (const [code, agencyType, name, regionCode] of AGENCIES) {
    // Each provincial task force registers its member agencies.
    const sourceAgency = regionCode.startsWith("63") ? "GUGUS-TUGAS-KALSEL" : "GUGUS-TUGAS-KALBAR";
    const at = officeTime(rng, REGISTERED_AT);
    out.push({
      ...base, id: rng.uuid(), code, name, kind: "AGENCY", agencyType, regionCode, sourceAgency,
      sourceSystem: "GUGUS-TUGAS-REGISTRY", externalId: `AGENCY/${code}`, contributedAt: at, contributedBy: "sekretariat.gugustugas", updatedAt: at,
    });
  }
  for (const [code, kind, name, regionCode, sourceAgency, sourceSystem] of PROVIDERS) {
    const at = officeTime(rng, addDays(REGISTERED_AT, rng.int(1, 60)));
    out.push({
      ...base, id: rng.uuid(), code, name, kind, agencyType: null, regionCode, sourceAgency, sourceSystem,
      externalId: `PROVIDER/${code}`, contributedAt: at, contributedBy: `operator.${sourceAgency.toLowerCase()}`, updatedAt: at,
    });
  }
  // P3MI companies: most licensed, some suspended or revoked (those show up in cases).
  const p3mi = Math.min(400, 12 + Math.floor(scale / 4));
  const names = new Set<string>();
  for (let i = 1; i <= p3mi; i++) {
    let name: string;
    do name = `PT ${P3MI_WORDS.map((w) => rng.pick(w)).join(" ")}`;
    while (names.has(name));
    names.add(name);
    const kalsel = rng.chance(0.25);
    const bp3mi = kalsel ? "BP3MI-KALSEL" : "BP3MI-KALBAR";
    const at = officeTime(rng, addDays(REGISTERED_AT, rng.int(1, 300)));
    out.push({
      ...base, id: rng.uuid(), code: null, name: `${name} (fiktif)`, kind: "P3MI", agencyType: null,
      regionCode: kalsel ? rng.pick(["63.71", "63.72", "63.03"]) : rng.pick(["61.71", "61.12", "61.03", "61.72"]),
      licenceNumber: `SIP3MI/${String(i).padStart(3, "0")}/${rng.int(2019, 2024)}`,
      // The first three guarantee the mix even at scale 1.
      licenceStatus: i <= 3 ? (["ACTIVE", "SUSPENDED", "REVOKED"] as const)[i - 1]! : rng.weighted([["ACTIVE", 70], ["SUSPENDED", 15], ["REVOKED", 10], ["EXPIRED", 5]] as const),
      sourceAgency: bp3mi, sourceSystem: "SISKOP2MI", externalId: `P3MI/${String(i).padStart(4, "0")}`,
      contributedAt: at, contributedBy: `operator.${bp3mi.toLowerCase()}`, updatedAt: at,
    });
  }
  const employers = Math.min(2000, 20 + Math.floor(scale / 2));
  for (let i = 1; i <= employers; i++) {
    const country = rng.weighted(EMPLOYER_COUNTRIES);
    const at = officeTime(rng, addDays(REGISTERED_AT, rng.int(1, 500)));
    out.push({
      ...base, id: rng.uuid(), code: null, name: employerName(rng, country, i), kind: "EMPLOYER", agencyType: null, regionCode: null, country,
      sourceAgency: "BP3MI-KALBAR", sourceSystem: "SISKOP2MI", externalId: `EMPLOYER/${country}/${String(i).padStart(4, "0")}`,
      contributedAt: at, contributedBy: "operator.bp3mi-kalbar", updatedAt: at,
    });
  }
  return out;
}

/** Lookups the case generator needs. */
export class OrgIndex {
  readonly byCode = new Map<string, OrgSeed>();
  private readonly licensedP3mi: OrgSeed[];
  private readonly shadyP3mi: OrgSeed[];
  readonly employersByCountry = new Map<string, OrgSeed[]>();

  constructor(readonly all: readonly OrgSeed[]) {
    for (const o of all) if (o.code) this.byCode.set(o.code, o);
    const p3mi = all.filter((o) => o.kind === "P3MI");
    this.licensedP3mi = p3mi.filter((o) => o.licenceStatus === "ACTIVE");
    this.shadyP3mi = p3mi.filter((o) => o.licenceStatus !== "ACTIVE");
    for (const o of all.filter((x) => x.kind === "EMPLOYER")) {
      const list = this.employersByCountry.get(o.country) ?? [];
      list.push(o);
      this.employersByCountry.set(o.country, list);
    }
  }

  get(code: string): OrgSeed {
    const o = this.byCode.get(code);
    if (!o) throw new Error(`demo organization ${code} missing`);
    return o;
  }

  agencyType(code: string): AgencyType | null {
    return this.byCode.get(code)?.agencyType ?? null;
  }

  employerIn(rng: Rng, country: string): OrgSeed | null {
    const list = this.employersByCountry.get(country);
    return list?.length ? rng.pick(list) : null;
  }

  /** A P3MI company; `shady` prefers suspended or revoked licences (suspects' companies). */
  pickP3mi(rng: Rng, shady: boolean): OrgSeed {
    const pool = shady ? this.shadyP3mi : this.licensedP3mi;
    return rng.pick(pool.length ? pool : [...this.shadyP3mi, ...this.licensedP3mi]);
  }
}
