// Kode wilayah for Kalimantan Barat (61) and Kalimantan Selatan (63), Kemendagri numbering
// (Kepmendagri 300.2.2-2430/2025). Provinces and kabupaten/kota are complete; kecamatan are
// those with a PLBN. The demo adds synthetic kecamatan and desa/kelurahan: see synthetic-regions.ts.
export type RegionSeed = { code: string; name: string };

export const PROVINCES: RegionSeed[] = [
  { code: "61", name: "Kalimantan Barat" },
  { code: "63", name: "Kalimantan Selatan" },
];

export const REGENCIES: RegionSeed[] = [
  { code: "61.01", name: "Kabupaten Sambas" },
  { code: "61.02", name: "Kabupaten Mempawah" },
  { code: "61.03", name: "Kabupaten Sanggau" },
  { code: "61.04", name: "Kabupaten Ketapang" },
  { code: "61.05", name: "Kabupaten Sintang" },
  { code: "61.06", name: "Kabupaten Kapuas Hulu" },
  { code: "61.07", name: "Kabupaten Bengkayang" },
  { code: "61.08", name: "Kabupaten Landak" },
  { code: "61.09", name: "Kabupaten Sekadau" },
  { code: "61.10", name: "Kabupaten Melawi" },
  { code: "61.11", name: "Kabupaten Kayong Utara" },
  { code: "61.12", name: "Kabupaten Kubu Raya" },
  { code: "61.71", name: "Kota Pontianak" },
  { code: "61.72", name: "Kota Singkawang" },
  { code: "63.01", name: "Kabupaten Tanah Laut" },
  { code: "63.02", name: "Kabupaten Kotabaru" },
  { code: "63.03", name: "Kabupaten Banjar" },
  { code: "63.04", name: "Kabupaten Barito Kuala" },
  { code: "63.05", name: "Kabupaten Tapin" },
  { code: "63.06", name: "Kabupaten Hulu Sungai Selatan" },
  { code: "63.07", name: "Kabupaten Hulu Sungai Tengah" },
  { code: "63.08", name: "Kabupaten Hulu Sungai Utara" },
  { code: "63.09", name: "Kabupaten Tabalong" },
  { code: "63.10", name: "Kabupaten Tanah Bumbu" },
  { code: "63.11", name: "Kabupaten Balangan" },
  { code: "63.71", name: "Kota Banjarmasin" },
  { code: "63.72", name: "Kota Banjarbaru" },
];

/** Kecamatan with a PLBN (domain.md §3). */
export const DISTRICTS: RegionSeed[] = [
  { code: "61.01.09", name: "Sajingan Besar" },
  { code: "61.03.21", name: "Entikong" },
  { code: "61.06.14", name: "Batang Lupar" },
  { code: "61.07.07", name: "Jagoi Babang" },
];

export function parentOf(code: string): string | null {
  const i = code.lastIndexOf(".");
  return i < 0 ? null : code.slice(0, i);
}

export function levelOf(code: string): "PROVINCE" | "REGENCY" | "DISTRICT" | "VILLAGE" {
  const parts = code.split(".").length;
  return parts === 1 ? "PROVINCE" : parts === 2 ? "REGENCY" : parts === 3 ? "DISTRICT" : "VILLAGE";
}
