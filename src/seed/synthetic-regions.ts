// SYNTHETIC kode wilayah for the demo dataset. NOT reference data.
//
// The demo needs kecamatan and desa/kelurahan to place persons, NIK prefixes and early warnings,
// but src/seed/regions.ts holds only the real Kemendagri kecamatan that have a PLBN. The entries
// below are invented:
// - kecamatan codes PP.KK.81-83 are outside the real numbering (no kabupaten in Kalbar or
//   Kalsel has 80 kecamatan), so they never collide with a real code. Their names are common
//   place names of the kabupaten, but the code/name pairs do not follow Kepmendagri 300.2.2-2430/2025;
// - every desa/kelurahan code (DDDD: 2xxx desa, 1xxx kelurahan) and name is made up from common
//   Kalimantan place-name words.
// Never use these codes outside the demo.
import type { RegionSeed } from "./regions";
import { DISTRICTS, REGENCIES } from "./regions";

const SYNTHETIC_KECAMATAN_NAMES: Record<string, readonly string[]> = {
  "61.01": ["Sambas", "Pemangkat", "Teluk Keramat"],
  "61.02": ["Mempawah Hilir", "Sungai Pinyuh"],
  "61.03": ["Kapuas", "Sekayam", "Parindu"],
  "61.04": ["Delta Pawan", "Kendawangan"],
  "61.05": ["Sintang", "Ketungau Hulu"],
  "61.06": ["Putussibau Utara", "Embaloh Hulu"],
  "61.07": ["Bengkayang", "Seluas"],
  "61.08": ["Ngabang", "Sengah Temila"],
  "61.09": ["Sekadau Hilir", "Nanga Mahap"],
  "61.10": ["Nanga Pinoh", "Belimbing"],
  "61.11": ["Sukadana", "Simpang Hilir"],
  "61.12": ["Sungai Raya", "Sungai Kakap", "Rasau Jaya"],
  "61.71": ["Pontianak Barat", "Pontianak Utara", "Pontianak Timur"],
  "61.72": ["Singkawang Barat", "Singkawang Tengah"],
  "63.01": ["Pelaihari", "Jorong"],
  "63.02": ["Pulau Laut Utara", "Kelumpang Hilir"],
  "63.03": ["Martapura", "Gambut"],
  "63.04": ["Marabahan", "Alalak"],
  "63.05": ["Tapin Utara", "Binuang"],
  "63.06": ["Kandangan", "Daha Selatan"],
  "63.07": ["Barabai", "Pandawan"],
  "63.08": ["Amuntai Tengah", "Babirik"],
  "63.09": ["Tanjung", "Murung Pudak"],
  "63.10": ["Batulicin", "Simpang Empat"],
  "63.11": ["Paringin", "Juai"],
  "63.71": ["Banjarmasin Utara", "Banjarmasin Selatan"],
  "63.72": ["Banjarbaru Utara", "Landasan Ulin"],
};

export const SYNTHETIC_DISTRICTS: RegionSeed[] = Object.entries(SYNTHETIC_KECAMATAN_NAMES).flatMap(([regency, names]) =>
  names.map((name, i) => ({ code: `${regency}.${81 + i}`, name })),
);

const WORDS = {
  "61": {
    first: ["Sungai", "Nanga", "Tanjung", "Teluk", "Sei", "Batu", "Parit", "Kampung", "Pasir", "Bukit", "Lubuk", "Muara", "Simpang", "Tanah", "Entebang", "Semangit"],
    second: ["Raya", "Jaya", "Baru", "Besar", "Kecil", "Mulia", "Putih", "Panjang", "Tengah", "Hulu", "Hilir", "Makmur", "Rambai", "Pinang", "Asam", "Durian", "Kelapa", "Mas", "Sepadan", "Temenggung"],
  },
  "63": {
    first: ["Handil", "Banua", "Pematang", "Sungai", "Teluk", "Tanjung", "Pasar", "Kampung", "Batu", "Lok", "Murung", "Tambak", "Alalak", "Kuin"],
    second: ["Raya", "Baru", "Hanyar", "Tengah", "Hulu", "Hilir", "Rumbia", "Jingah", "Lima", "Rasau", "Bakti", "Makmur", "Sari", "Kacil", "Ganal", "Halat"],
  },
} as const;

/** Stable small hash of a code, so village names differ between kecamatan without a PRNG. */
function codeHash(code: string): number {
  let h = 7;
  for (let i = 0; i < code.length; i++) h = (h * 31 + code.charCodeAt(i)) % 1_000_003;
  return h;
}

function villagesOf(district: RegionSeed): RegionSeed[] {
  const province = district.code.slice(0, 2) as keyof typeof WORDS;
  const isKota = Number(district.code.slice(3, 5)) >= 71;
  const capital = district.code.endsWith(".81"); // first synthetic kecamatan: the kabupaten seat
  const w = WORDS[province];
  const h = codeHash(district.code);
  const out: RegionSeed[] = [];
  const kinds: ("1" | "2")[] = isKota ? ["1", "1", "1"] : capital ? ["1", "2", "2", "2"] : ["2", "2", "2"];
  const serial = { "1": 1, "2": 1 };
  kinds.forEach((kind, k) => {
    const name = `${w.first[(h + k * 5) % w.first.length]} ${w.second[(h * 7 + k * 3) % w.second.length]}`;
    out.push({ code: `${district.code}.${kind}${String(serial[kind]++).padStart(3, "0")}`, name });
  });
  return out;
}

/** Synthetic desa/kelurahan under every seeded kecamatan (the real PLBN ones and the synthetic ones). */
export const SYNTHETIC_VILLAGES: RegionSeed[] = [...DISTRICTS, ...SYNTHETIC_DISTRICTS].flatMap(villagesOf);

/** Kecamatan the demo can place people in (real and synthetic), by province. */
export function districtsIn(province: "61" | "63"): RegionSeed[] {
  return [...DISTRICTS, ...SYNTHETIC_DISTRICTS].filter((d) => d.code.startsWith(`${province}.`));
}

export function villagesIn(districtCode: string): RegionSeed[] {
  return SYNTHETIC_VILLAGES.filter((v) => v.code.startsWith(`${districtCode}.`));
}

// Guard against a regency added to the synthetic table but missing from the real one.
for (const code of Object.keys(SYNTHETIC_KECAMATAN_NAMES)) {
  if (!REGENCIES.some((r) => r.code === code)) throw new Error(`synthetic kecamatan under unknown kabupaten ${code}`);
}
