// Generates structurally valid synthetic identity numbers for the demo. (Validation of
// contributed NIKs is src/domain/nik.ts; this file only makes numbers.)
//
// NIK (domain.md §3): PP KK CC DD MM YY SSSS — kecamatan of first registration, day of birth
// (+40 for women), month, two-digit year, serial >= 0001, no check digit.

export type NikSex = "Feminine" | "Masculine";

const pad = (n: number, w: number) => String(n).padStart(w, "0");

/** The 16-digit NIK for a kecamatan (dotted `PP.KK.CC`), birth date, sex and serial. */
export function formatNik(districtCode: string, birthDate: Date, sex: NikSex, serial: number): string {
  const prefix = districtCode.replace(/\./g, "");
  if (!/^\d{6}$/.test(prefix)) throw new Error(`NIK prefix must be a kecamatan code PP.KK.CC, got ${districtCode}`);
  if (!Number.isInteger(serial) || serial < 1 || serial > 9999) throw new Error(`NIK serial out of range: ${serial}`);
  const day = birthDate.getUTCDate() + (sex === "Feminine" ? 40 : 0);
  return `${prefix}${pad(day, 2)}${pad(birthDate.getUTCMonth() + 1, 2)}${pad(birthDate.getUTCFullYear() % 100, 2)}${pad(serial, 4)}`;
}

const FIRST_YEAR = 1940;
const YEARS = 100; // two-digit years are unambiguous within one century
const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(FIRST_YEAR, 0, 1);
const DAYS = Math.ceil((Date.UTC(FIRST_YEAR + YEARS, 0, 1) - EPOCH) / DAY_MS);

/**
 * Hands out unique NIKs: serials count up per (kecamatan, birth date, sex), the way Dukcapil
 * numbers people registered on the same day. Memory is fixed by the number of kecamatan used
 * (2 bytes per day x sex, about 146 KB per kecamatan, allocated when it gets its first NIK), not
 * by the number of persons.
 */
export class NikAllocator {
  private readonly index = new Map<string, number>();
  private readonly serials: (Uint16Array | undefined)[];

  constructor(districtCodes: readonly string[]) {
    districtCodes.forEach((c, i) => this.index.set(c, i));
    this.serials = new Array<Uint16Array | undefined>(districtCodes.length);
  }

  next(districtCode: string, birthDate: Date, sex: NikSex): string {
    const d = this.index.get(districtCode);
    if (d === undefined) throw new Error(`unknown kecamatan for NIK: ${districtCode}`);
    const day = Math.floor((birthDate.getTime() - EPOCH) / DAY_MS);
    if (day < 0 || day >= DAYS) throw new Error(`birth date outside ${FIRST_YEAR}-${FIRST_YEAR + YEARS - 1}`);
    const serials = (this.serials[d] ??= new Uint16Array(DAYS * 2));
    const slot = day * 2 + (sex === "Feminine" ? 1 : 0);
    const serial = serials[slot]! + 1;
    if (serial > 9999) throw new Error(`NIK serials exhausted for ${districtCode} ${birthDate.toISOString().slice(0, 10)}`);
    serials[slot] = serial;
    return formatNik(districtCode, birthDate, sex, serial);
  }
}

/**
 * Unique passport numbers, loosely Indonesian-looking: one letter and seven digits
 * (domain.md §3 validates `^[A-Z]{1,2}\d{6,7}$`). The digits are a bijection of the counter
 * modulo 9,000,000, so numbers look scattered but never repeat within 9 million.
 */
export function passportNumber(counter: number, letters: readonly string[] = ["B", "C", "E", "X"]): string {
  const n = 1_000_000 + ((counter * 7_368_787 + 1_234_567) % 9_000_000);
  return `${letters[counter % letters.length]}${n}`;
}
