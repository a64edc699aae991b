// Identity document numbers: normalization, format rules, and which documents identify one
// human being (used to merge agencies' statements into one Person).
import type { IdentityDocumentType } from "../generated/prisma/enums.ts";
import { normalizeNik } from "./nik";

/** Documents unique to one person: a match on any of them means the same human being. */
export const MATCHING_DOCUMENT_TYPES: readonly IdentityDocumentType[] = ["NIK", "PASSPORT"];

/** Issued by Indonesia only (Dukcapil): issuingCountry must be ID. */
export const DOMESTIC_DOCUMENT_TYPES: readonly IdentityDocumentType[] = ["NIK", "KK"];

/** Indonesian passports: one or two letters and 6-7 digits (loose on purpose; series change). */
export const INDONESIAN_PASSPORT = /^[A-Z]{1,2}\d{6,7}$/;
/** Other countries' passports: ICAO 9303 document numbers are up to 9 letters and digits. */
export const FOREIGN_PASSPORT = /^[A-Z0-9]{5,9}$/;
/** KK (kartu keluarga): 16 digits like the NIK. */
export const KK_NUMBER = /^\d{16}$/;
/** PLB, SPLP, ID PMI and other documents: letters, digits and . / - separators. */
export const OTHER_DOCUMENT = /^[A-Z0-9][A-Z0-9./-]{2,39}$/;

/** Upper-case and strip the spaces people type; NIK and KK also lose dots. */
export function normalizeDocumentNumber(type: IdentityDocumentType, raw: string): string {
  const s = raw.trim().toUpperCase();
  if (type === "NIK" || type === "KK") return normalizeNik(s);
  return s.replace(/\s+/g, "");
}

/** Format rule for a normalized number (NIK structure is checked by parseNik instead). */
export function documentNumberProblem(type: IdentityDocumentType, number: string, issuingCountry: string): string | null {
  switch (type) {
    case "NIK":
      return null;
    case "KK":
      return KK_NUMBER.test(number) ? null : "A KK (kartu keluarga) number is exactly 16 digits.";
    case "PASSPORT":
      if (issuingCountry === "ID") return INDONESIAN_PASSPORT.test(number) ? null : "An Indonesian passport number is one or two letters followed by 6 or 7 digits.";
      return FOREIGN_PASSPORT.test(number) ? null : "A passport number is 5 to 9 letters and digits.";
    case "PLB":
    case "SPLP":
    case "ID_PMI":
    case "OTHER":
      return OTHER_DOCUMENT.test(number) ? null : "A document number is 3 to 40 letters, digits and . / - separators.";
  }
}

/** Key that identifies one person's document across agencies (also the advisory-lock key). */
export const documentKey = (d: { type: string; number: string; issuingCountry: string }) => `${d.type}:${d.issuingCountry}:${d.number}`;
