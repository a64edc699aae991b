// Synthetic personal names. Each name is a first name and a second (family or second given)
// name drawn independently from the lists of one naming tradition common in Kalimantan Barat and
// Selatan, so a generated name is plausible but describes no real person. The lists leave out
// words that would combine into the names of well-known public figures.
import type { Rng } from "./prng";
import type { NikSex } from "./nik";

export type NameGroup = "DAYAK" | "MALAY" | "BANJAR" | "JAVANESE" | "CHINESE_INDONESIAN";

interface NameList {
  female: readonly string[];
  male: readonly string[];
  /** Second names; the female/male split only matters where the tradition has one. */
  secondFemale: readonly string[];
  secondMale: readonly string[];
}

const LISTS: Record<NameGroup, NameList> = {
  DAYAK: {
    female: ["Maria", "Yosefina", "Veronika", "Fransiska", "Agustina", "Elisabeth", "Katarina", "Margaretha", "Theresia", "Lusiana", "Monika", "Rosalina", "Yuliana", "Imelda", "Florensia"],
    male: ["Yohanes", "Antonius", "Paulus", "Stefanus", "Agustinus", "Markus", "Yakobus", "Fransiskus", "Aloysius", "Benediktus", "Kornelius", "Petrus", "Simon", "Yoakim", "Robertus"],
    secondFemale: ["Ajang", "Anyang", "Lawing", "Ibau", "Apui", "Usat", "Nyangun", "Tingang", "Umbing", "Sigat", "Lenjau", "Uyang", "Bungan", "Anyek", "Dayang"],
    secondMale: ["Ajang", "Anyang", "Lawing", "Ibau", "Apui", "Usat", "Nyangun", "Tingang", "Umbing", "Sigat", "Lenjau", "Bujang", "Jalung", "Ding", "Lejo"],
  },
  MALAY: {
    female: ["Siti", "Nur", "Nurul", "Sri", "Dewi", "Fitri", "Rina", "Wati", "Yuni", "Aminah", "Hasnah", "Rosmawati", "Zainab", "Suryani", "Halimah"],
    male: ["Muhammad", "Ahmad", "Abdul", "Syarif", "Hamdan", "Rudi", "Hendri", "Zulkifli", "Firdaus", "Iskandar", "Ramli", "Yusuf", "Hasan", "Syamsul", "Effendi"],
    secondFemale: ["Rahmawati", "Aisyah", "Hidayah", "Fatimah", "Maryani", "Nurjanah", "Safitri", "Hasanah", "Kurniasih", "Marlina", "Salmah", "Juwita", "Wahyuni", "Azizah", "Rohani"],
    secondMale: ["Rahman", "Hidayat", "Saputra", "Ismail", "Bakri", "Ramadhan", "Syahputra", "Abdullah", "Hamzah", "Nasution", "Rizal", "Fadillah", "Maulana", "Kadir", "Jamaludin"],
  },
  BANJAR: {
    female: ["Noor", "Siti", "Mahyuni", "Norhayati", "Masliani", "Rusmiati", "Halimatus", "Noorlaila", "Rabiatul", "Jumiati", "Salasiah", "Misnawati", "Hairiyah", "Nafisah", "Rukayah"],
    male: ["Muhammad", "Ahmad", "Noor", "Rahmadi", "Syahrani", "Hairul", "Fahrurrazi", "Mursyid", "Abdul", "Bahrudin", "Gusti", "Jailani", "Rusdiansyah", "Saberan", "Yusran"],
    secondFemale: ["Aisyah", "Hasanah", "Rahmah", "Jannah", "Khairunnisa", "Mardiana", "Fitriani", "Mahmudah", "Saidah", "Rusmini", "Halimah", "Maulida", "Raudah", "Yuliani", "Zubaidah"],
    secondMale: ["Rizky", "Fauzi", "Ansari", "Rahmani", "Saleh", "Asnawi", "Hasbullah", "Ilmi", "Mahfuz", "Rafii", "Syarkawi", "Zainuddin", "Junaidi", "Hamdani", "Aini"],
  },
  JAVANESE: {
    female: ["Sri", "Dwi", "Tri", "Endang", "Sulastri", "Rini", "Yuli", "Eka", "Wulan", "Ratna", "Puji", "Sumiati", "Tutik", "Lestari", "Siswati"],
    male: ["Agus", "Eko", "Budi", "Joko", "Bambang", "Slamet", "Hadi", "Sugeng", "Wahyu", "Teguh", "Heru", "Dwi", "Bayu", "Suparman", "Sutrisno"],
    secondFemale: ["Wahyuni", "Lestari", "Handayani", "Rahayu", "Astuti", "Purwanti", "Susilowati", "Ningsih", "Utami", "Setyowati", "Kusumawati", "Sulistyani", "Pratiwi", "Suryani", "Widayati"],
    secondMale: ["Santoso", "Prasetyo", "Susanto", "Wibowo", "Nugroho", "Setiawan", "Purnomo", "Hartono", "Wibisono", "Kurniawan", "Saputro", "Raharjo", "Sulistyo", "Haryanto", "Gunadi"],
  },
  CHINESE_INDONESIAN: {
    female: ["Lina", "Susanti", "Meliana", "Yenny", "Vivian", "Linda", "Fenny", "Mei", "Siu", "Ai", "Jessica", "Novita", "Liliana", "Selvi", "Cindy"],
    male: ["Hendra", "Acong", "Suwandi", "Afuk", "Wendy", "Rudy", "Andi", "Tjhai", "Bong", "Lie", "Yohan", "Kevin", "Edi", "Jimmy", "Ferry"],
    secondFemale: ["Wijaya", "Gunawan", "Halim", "Tanoto", "Lim", "Liana", "Setiadi", "Hartanto", "Kurnia", "Fa", "Lan", "Hiong", "Mei Lan", "Sulistio", "Kusuma"],
    secondMale: ["Wijaya", "Gunawan", "Halim", "Tanoto", "Lim", "Setiadi", "Hartanto", "Kurnia", "Suryadi", "Chandra", "Tjhin", "Sutanto", "Kho", "Saputra", "Santoso"],
  },
};

export function personName(rng: Rng, group: NameGroup, sex: NikSex): string {
  const l = LISTS[group];
  const first = rng.pick(sex === "Feminine" ? l.female : l.male);
  const second = rng.pick(sex === "Feminine" ? l.secondFemale : l.secondMale);
  return first === second ? first : `${first} ${second}`;
}

/** Short call name the way neighbours know someone ("Yuni", "Budi"): first syllables of the first name. */
export function nickname(fullName: string): string {
  const first = fullName.split(" ")[0]!;
  return first.length <= 4 ? first : first.slice(0, 4);
}

/** Foreign names for suspects and employers' agents met in the files (synthetic). */
const FOREIGN: Record<string, readonly string[]> = {
  MY: ["Ahmad Faizal bin Osman", "Lau Kok Weng", "Jong Mee Ling", "Abang Zulkarnain", "Wong Siew Hoong", "Nyelang anak Jugah"],
  CN: ["Chen Guoliang", "Zhou Jinhua", "Zhang Hui", "Wu Xiaofeng", "Pan Deyong", "Zhao Ming"],
  TW: ["Lin Chih-hao", "Huang Shu-fen", "Tsai Ming-te", "Chang Wen-chi"],
  KH: ["Sok Dara", "Chea Vanna", "Heng Sophal"],
  HK: ["Chan Ka-ming", "Leung Wai-man"],
  SA: ["Saad bin Mubarak", "Hamoud bin Nasser"],
};

export function foreignName(rng: Rng, country: string): string {
  return rng.pick(FOREIGN[country] ?? FOREIGN.MY!);
}

/**
 * A slightly different spelling of the same name, as two agencies type it: old spelling
 * (oe/dj/tj), y for a final i, doubled or dropped letters. Always differs from the input.
 */
export function spellingVariant(rng: Rng, name: string): string {
  const rules: ((s: string) => string)[] = [
    (s) => s.replace(/i\b/, "y"), // Rahmawati -> Rahmawaty
    (s) => s.replace(/u/, "oe"), // Suparman -> Soeparman
    (s) => s.replace(/j/i, (m) => (m === "J" ? "Dj" : "dj")),
    (s) => s.replace(/c/i, (m) => (m === "C" ? "Tj" : "tj")),
    (s) => s.replace(/Nur\b|Noor\b/, (m) => (m === "Nur" ? "Noor" : "Nur")),
    (s) => s.replace(/([aeiou])h\b/, "$1"), // Aisyah -> Aisya
    (s) => s.replace(/([lnmr])([aeiou])/, "$1$1$2"), // Lina -> Linna
  ];
  const start = rng.int(0, rules.length - 1);
  for (let k = 0; k < rules.length; k++) {
    const v = rules[(start + k) % rules.length]!(name);
    if (v !== name) return v;
  }
  return `${name}a`;
}
