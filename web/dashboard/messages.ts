// The dashboard's words, Bahasa Indonesia first. Value labels (exploitation types, modus,
// waiting bands) are here too; country names come from the browser (Intl.DisplayNames).
import { getLang, messages } from "../shared/i18n";

const id = {
  title: "Dasbor Gugus Tugas PP-TPPO",
  intro:
    "Angka agregat k-anonim dari API statistics, sama dengan yang diterima mitra. Angka kecil (di bawah k = {k}) dan angka yang dapat dipakai untuk menghitungnya disembunyikan, tidak pernah ditampilkan sebagai nol.",
  filters: "Saring",
  "filter.measure": "Yang dihitung",
  "filter.year": "Tahun",
  "filter.region": "Wilayah",
  "filter.type": "Jenis eksploitasi",
  "filter.all": "Semua",
  "measure.CASES": "Kasus",
  "measure.VICTIMS": "Korban",
  total: "Jumlah {measure} sesuai saringan",
  loading: "Memuat…",
  suppressed: "disembunyikan",
  "suppressed.long": "Disembunyikan (k-anonimitas)",
  zero: "0 (tidak ada)",
  "suppressed.legend": "Disembunyikan: di bawah k = {k} atau penutup angka kecil, bukan nol",
  withheld: "Tabel ini ditahan: angka kecilnya tidak dapat dilindungi. Pilih saringan yang lebih kasar.",
  "map.title": "Peta wilayah asal kasus",
  "map.caption":
    "Kalimantan Barat (61) dan Kalimantan Selatan (63) menurut kabupaten/kota asal. Saringan wilayah menyorot kabupaten/kota atau provinsi terpilih.",
  "map.legend": "Legenda",
  "map.selected": "Wilayah terpilih (saringan)",
  "map.level": "Warnai menurut",
  "map.level.REGENCY": "Kabupaten/kota",
  "map.level.PROVINCE": "Provinsi (lebih sedikit angka disembunyikan)",
  "map.unknown": "Tanpa kabupaten/kota tercatat",
  "map.credit": "Batas wilayah: cahyadsn/wilayah_boundaries (MIT)",
  "trend.title": "Tren per tahun",
  "trend.caption": "Menurut tahun kasus diidentifikasi (semua tahun; tahun terpilih ditandai).",
  "types.title": "Jenis eksploitasi",
  "types.caption": "Satu kasus dengan beberapa jenis dihitung pada setiap jenisnya (semua jenis; jenis terpilih ditandai).",
  "modus.title": "Modus",
  "modus.caption": "Satu kasus dengan beberapa modus dihitung pada setiap modusnya.",
  "dest.title": "Negara tujuan",
  "dest.caption": "Negara tujuan kasus.",
  "referrals.title": "Rujukan layanan yang belum dijawab",
  "referrals.caption":
    "Rujukan berstatus REQUESTED (belum diterima atau ditolak) menurut lembaga penerima dan lama menunggu, dihitung sampai hari ini. Saringan tahun, wilayah dan jenis berlaku pada kasus rujukan; rujukan tanpa kasus hanya tampak tanpa saringan.",
  "referrals.agency": "Lembaga penerima",
  "referrals.none": "Tidak ada rujukan yang menunggu.",
  "referrals.total": "Jumlah rujukan yang menunggu",
  "table.show": "Lihat sebagai tabel",
  "table.value": "Nilai",
  "table.count": "Jumlah",
  "region.61": "Kalimantan Barat",
  "region.63": "Kalimantan Selatan",
  UNKNOWN: "Tidak diketahui",
  DAYS_0_7: "0–7 hari",
  DAYS_8_14: "8–14 hari",
  DAYS_15_30: "15–30 hari",
  DAYS_31_90: "31–90 hari",
  DAYS_91_PLUS: "≥ 91 hari",
  ForcedLabour: "Kerja paksa",
  SexualExploitation: "Eksploitasi seksual",
  ChildLabour: "Pekerja anak",
  ForcedMarriage: "Kawin paksa",
  Servitude: "Perbudakan/penghambaan",
  ForcedMilitaryByNonStateActors: "Perekrutan bersenjata",
  OrganRemoval: "Pengambilan organ",
  ForcedBegging: "Mengemis paksa",
  ForcedAdoption: "Adopsi paksa",
  Surrogacy: "Ibu pengganti",
  ForcedCriminality: "Kejahatan paksa (scam)",
  Other: "Lainnya",
  CONTRACT_MARRIAGE: "Kawin kontrak",
  MAIL_ORDER_BRIDE: "Pengantin pesanan",
  OVERSEAS_INTERNSHIP: "Magang luar negeri",
  DOMESTIC_WORKER: "Pekerja rumah tangga",
  SHOP_KEEPER: "Penjaga toko/karaoke",
  MANDARIN_TRANSLATOR: "Penerjemah Mandarin",
  SCAM_COMPOUND_IT_OPERATOR: "Operator IT penipuan daring",
  ILLEGAL_MIGRANT_WORKER_DISPATCH: "Pengiriman PMI nonprosedural",
  PLANTATION_WORKER: "Pekerja perkebunan",
  ONLINE_RECRUITMENT: "Rekrutmen daring",
  OTHER: "Lainnya",
};

type Key = keyof typeof id;

const en: Record<Key, string> = {
  title: "PP-TPPO Task-Force Dashboard",
  intro:
    "k-anonymous aggregate counts from the statistics API, the same a partner gets. Small counts (below k = {k}) and counts that would let anyone work them out are suppressed, never shown as zero.",
  filters: "Filters",
  "filter.measure": "Count",
  "filter.year": "Year",
  "filter.region": "Region",
  "filter.type": "Exploitation type",
  "filter.all": "All",
  "measure.CASES": "Cases",
  "measure.VICTIMS": "Victims",
  total: "{measure} matching the filters",
  loading: "Loading…",
  suppressed: "suppressed",
  "suppressed.long": "Suppressed (k-anonymity)",
  zero: "0 (none)",
  "suppressed.legend": "Suppressed: below k = {k} or covering a small count, not zero",
  withheld: "This table is withheld: its small counts cannot be protected. Choose coarser filters.",
  "map.title": "Map of the cases' region of origin",
  "map.caption":
    "West Kalimantan (61) and South Kalimantan (63) by kabupaten/kota of origin. The region filter outlines the chosen kabupaten/kota or province.",
  "map.legend": "Legend",
  "map.selected": "Chosen region (filter)",
  "map.level": "Colour by",
  "map.level.REGENCY": "Kabupaten/kota",
  "map.level.PROVINCE": "Province (fewer counts suppressed)",
  "map.unknown": "No kabupaten/kota recorded",
  "map.credit": "Boundaries: cahyadsn/wilayah_boundaries (MIT)",
  "trend.title": "Trend by year",
  "trend.caption": "By the year the case was identified (all years; the chosen year is marked).",
  "types.title": "Exploitation types",
  "types.caption": "A case with several types counts under each (all types; the chosen type is marked).",
  "modus.title": "Modus",
  "modus.caption": "A case with several modus counts under each.",
  "dest.title": "Destination countries",
  "dest.caption": "The case's destination country.",
  "referrals.title": "Unanswered service referrals",
  "referrals.caption":
    "Referrals still REQUESTED (neither accepted nor declined) by receiving agency and days waiting, counted to today. Year, region and type filters apply to the referral's case; referrals without a case show only without filters.",
  "referrals.agency": "Receiving agency",
  "referrals.none": "No referral is waiting.",
  "referrals.total": "Referrals waiting",
  "table.show": "Show as a table",
  "table.value": "Value",
  "table.count": "Count",
  "region.61": "West Kalimantan",
  "region.63": "South Kalimantan",
  UNKNOWN: "Unknown",
  DAYS_0_7: "0–7 days",
  DAYS_8_14: "8–14 days",
  DAYS_15_30: "15–30 days",
  DAYS_31_90: "31–90 days",
  DAYS_91_PLUS: "≥ 91 days",
  ForcedLabour: "Forced labour",
  SexualExploitation: "Sexual exploitation",
  ChildLabour: "Child labour",
  ForcedMarriage: "Forced marriage",
  Servitude: "Servitude",
  ForcedMilitaryByNonStateActors: "Forced military (non-state)",
  OrganRemoval: "Organ removal",
  ForcedBegging: "Forced begging",
  ForcedAdoption: "Forced adoption",
  Surrogacy: "Surrogacy",
  ForcedCriminality: "Forced criminality (scams)",
  Other: "Other",
  CONTRACT_MARRIAGE: "Contract marriage",
  MAIL_ORDER_BRIDE: "Mail-order bride",
  OVERSEAS_INTERNSHIP: "Overseas internship",
  DOMESTIC_WORKER: "Domestic worker",
  SHOP_KEEPER: "Shop/karaoke keeper",
  MANDARIN_TRANSLATOR: "Mandarin translator",
  SCAM_COMPOUND_IT_OPERATOR: "Scam-compound IT operator",
  ILLEGAL_MIGRANT_WORKER_DISPATCH: "Non-procedural migrant worker dispatch",
  PLANTATION_WORKER: "Plantation worker",
  ONLINE_RECRUITMENT: "Online recruitment",
  OTHER: "Other",
};

export const t = messages<Key>({ id, en });

// The filter offers the hub's own vocabulary (src/domain/vocabulary.ts), not a copy of it.
export { EXPLOITATION_TYPES } from "../../src/domain/vocabulary.ts";

/** A dimension value as people read it: a label where the catalogue has one, a country name, else the value. */
export function valueLabel(dimension: string, value: string): string {
  if (value in id) return t(value as Key);
  if (dimension === "DESTINATION_COUNTRY" && /^[A-Z]{2}$/.test(value)) {
    try {
      return new Intl.DisplayNames([getLang()], { type: "region" }).of(value) ?? value;
    } catch {
      return value;
    }
  }
  if (/^\d{2}\.UNKNOWN$/.test(value)) return `${t(`region.${value.slice(0, 2)}` as Key)}: ${t("map.unknown")}`;
  return value;
}

/** Numbers in the reader's language (1.234 in Indonesian). */
export const formatCount = (n: number) => n.toLocaleString(getLang() === "id" ? "id-ID" : "en-GB");
