// NIK (Nomor Induk Kependudukan), 16 digits: PP KK CC DDMMYY SSSS.
//   PP.KK.CC  kode wilayah of first registration (province, kabupaten/kota, kecamatan)
//   DD        day of birth, +40 for women (41..71)
//   MM YY     month and two-digit year of birth
//   SSSS      serial, 0001..9999
// There is no check digit, so structure is all we can verify offline. Whether PP.KK exists is a
// database question (Region table) and is checked by the caller. A NIK that disagrees with the
// person's recorded sex or birth date is flagged, never rejected: falsified ages are themselves
// evidence in mail-order-bride cases (domain.md §3).

export type NikProblemCode = "NIK_FORMAT" | "NIK_BIRTHDATE" | "NIK_SERIAL";

export interface NikProblem {
  code: NikProblemCode;
  message: string;
}

export interface NikParts {
  /** Province kode wilayah, e.g. "61". */
  province: string;
  /** Kabupaten/kota kode wilayah, dotted, e.g. "61.71". */
  regency: string;
  /** Kecamatan kode wilayah, dotted, e.g. "61.71.03". */
  district: string;
  sex: "Feminine" | "Masculine";
  /** Birth date the NIK encodes (UTC midnight); century chosen as below. */
  birthDate: Date;
  serial: string;
}

export type NikParse = { ok: true; parts: NikParts } | { ok: false; problems: NikProblem[] };

export const NIK_FLAGS = {
  sexMismatch: "NIK_SEX_MISMATCH",
  birthDateMismatch: "NIK_BIRTHDATE_MISMATCH",
} as const;

function calendarDate(year: number, month: number, day: number): Date | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? d : null;
}

/** Strips the spaces and dots people type into NIKs ("6171 0512 8900 0001"); nothing else. */
export function normalizeNik(raw: string): string {
  return raw.replace(/[\s.]/g, "");
}

/**
 * Structural check. The two-digit year is read as 20YY when that date is not in the future,
 * otherwise 19YY; a date that is real in neither century is a problem.
 */
export function parseNik(nik: string, now: Date = new Date()): NikParse {
  if (!/^\d{16}$/.test(nik)) return { ok: false, problems: [{ code: "NIK_FORMAT", message: "A NIK is exactly 16 digits." }] };
  const problems: NikProblem[] = [];
  const pp = nik.slice(0, 2);
  const kk = nik.slice(2, 4);
  const cc = nik.slice(4, 6);
  let day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const serial = nik.slice(12, 16);
  if (pp === "00" || kk === "00" || cc === "00") {
    problems.push({ code: "NIK_FORMAT", message: "The first six digits of a NIK are a kode wilayah (province, kabupaten/kota, kecamatan); none of them can be 00." });
  }
  const sex = day > 40 ? "Feminine" : "Masculine";
  if (day > 40) day -= 40;
  let birthDate: Date | null = null;
  if (day < 1 || day > 31) {
    problems.push({ code: "NIK_BIRTHDATE", message: "Digits 7-8 of a NIK are the day of birth: 01-31, or 41-71 for women." });
  } else if (month < 1 || month > 12) {
    problems.push({ code: "NIK_BIRTHDATE", message: "Digits 9-10 of a NIK are the month of birth: 01-12." });
  } else {
    const recent = calendarDate(2000 + yy, month, day);
    const old = calendarDate(1900 + yy, month, day);
    birthDate = recent && recent.getTime() <= now.getTime() ? recent : old;
    if (!birthDate) problems.push({ code: "NIK_BIRTHDATE", message: "Digits 7-12 of a NIK (DDMMYY) are not a real date of birth in the past." });
  }
  if (serial === "0000") problems.push({ code: "NIK_SERIAL", message: "The last four digits of a NIK are a serial number starting at 0001." });
  if (problems.length || !birthDate) return { ok: false, problems };
  return { ok: true, parts: { province: pp, regency: `${pp}.${kk}`, district: `${pp}.${kk}.${cc}`, sex, birthDate, serial } };
}

/**
 * Flags for a structurally valid NIK that disagrees with what the agency recorded.
 * Only Feminine/Masculine are compared (the NIK encodes nothing else); birth dates are compared
 * on day, month and two-digit year so the century guess can never raise a flag by itself.
 */
export function nikFlags(parts: NikParts, recorded: { sex?: string | null; birthDate?: Date | null }): string[] {
  const flags: string[] = [];
  if ((recorded.sex === "Feminine" || recorded.sex === "Masculine") && recorded.sex !== parts.sex) flags.push(NIK_FLAGS.sexMismatch);
  const b = recorded.birthDate;
  if (
    b &&
    (b.getUTCDate() !== parts.birthDate.getUTCDate() ||
      b.getUTCMonth() !== parts.birthDate.getUTCMonth() ||
      b.getUTCFullYear() % 100 !== parts.birthDate.getUTCFullYear() % 100)
  ) {
    flags.push(NIK_FLAGS.birthDateMismatch);
  }
  return flags;
}
