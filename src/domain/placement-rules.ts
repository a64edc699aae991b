// Placement legality as data (domain.md §7): which destinations and jobs are closed for placement,
// what a P3MI licence status means at the desk, and the minimum age. The LTSA desk's verdict
// (web/desk/verdict.ts) reads these tables; change the law here, never in code. Pure data and
// small lookups, no Node or browser APIs: the web bundle imports this file.

/** A legal basis, cited the way officers cite it. */
export interface LegalBasis {
  /** e.g. "Kepmenaker 260/2015". */
  citation: string;
  /** What it says, in one line (Bahasa Indonesia, then English). */
  summary: { id: string; en: string };
  /** Day it took effect, ISO date. */
  since: string;
}

export const LEGAL_BASES = {
  MORATORIUM_TIMUR_TENGAH: {
    citation: "Kepmenaker 260/2015",
    summary: {
      id: "Penghentian dan pelarangan penempatan PMI pada pengguna perseorangan (penata laksana rumah tangga) di negara-negara kawasan Timur Tengah.",
      en: "Stop and ban on placing migrant workers with individual employers (domestic workers) in Middle-East countries.",
    },
    since: "2015-05-26",
  },
  UU_18_2017_P3MI: {
    citation: "UU 18/2017 Pasal 49, 51, 57",
    summary: {
      id: "Penempatan melalui P3MI hanya oleh perusahaan yang memegang SIP3MI yang berlaku.",
      en: "Placement through a P3MI only by a company holding a valid SIP3MI licence.",
    },
    since: "2017-11-22",
  },
  UU_18_2017_PROSEDUR: {
    citation: "UU 18/2017 Pasal 5, 13, 81",
    summary: {
      id: "PMI wajib berangkat melalui prosedur resmi dan terdaftar (ID PMI); penempatan non-prosedural dapat dipidana.",
      en: "Migrant workers must leave through the official, registered procedure (ID PMI); non-procedural placement is a crime.",
    },
    since: "2017-11-22",
  },
  UU_18_2017_USIA: {
    citation: "UU 18/2017 Pasal 5 huruf a",
    summary: { id: "Usia minimal PMI 18 tahun.", en: "Migrant workers must be at least 18 years old." },
    since: "2017-11-22",
  },
} as const satisfies Record<string, LegalBasis>;

export type LegalBasisKey = keyof typeof LEGAL_BASES;

/** Jobs a closure applies to, matched against the placement's industry and job title. */
export interface JobMatch {
  /** ISIC Rev.4 sections (the hub's Industry enum values). */
  industries: readonly string[];
  /** Words in the free-text job title that mean the same job (case-insensitive, whole words). */
  jobTitleWords: readonly string[];
}

/** Destinations closed for a kind of job. */
export interface PlacementClosure {
  id: string;
  /** ISO 3166-1 alpha-2 destination countries. */
  countries: readonly string[];
  jobs: JobMatch;
  basis: LegalBasisKey;
  /** Unverified details an officer must know (shown with the rule). */
  caveat?: { id: string; en: string };
}

export const DOMESTIC_WORK: JobMatch = {
  industries: ["T_ActivitiesOfHouseholdsAsEmployers"],
  jobTitleWords: ["rumah tangga", "ART", "PRT", "PLRT", "pembantu", "domestic", "housemaid", "maid", "caregiver", "pengasuh", "sopir keluarga"],
};

export const PLACEMENT_CLOSURES: readonly PlacementClosure[] = [
  {
    id: "moratorium-timur-tengah",
    // The countries named in Kepmenaker 260/2015's annex as commonly cited; to be confirmed with BP3MI
    // (domain.md §7), as is the one-channel pilot for Saudi Arabia (SPSK).
    countries: ["DZ", "SA", "BH", "IQ", "KW", "LB", "LY", "MA", "MR", "EG", "OM", "PK", "PS", "QA", "SD", "SY", "TN", "AE", "YE", "JO"],
    jobs: DOMESTIC_WORK,
    basis: "MORATORIUM_TIMUR_TENGAH",
    caveat: {
      id: "Daftar negara dan uji coba Sistem Penempatan Satu Kanal (SPSK) ke Arab Saudi perlu dikonfirmasi dengan BP3MI.",
      en: "The country list and the one-channel (SPSK) pilot for Saudi Arabia must be confirmed with BP3MI.",
    },
  },
];

/** What a P3MI licence status means for a placement through it. */
export type Severity = "ok" | "check" | "risk";

export const LICENCE_STATUS_SEVERITY: Record<string, Severity> = {
  ACTIVE: "ok",
  SUSPENDED: "risk",
  REVOKED: "risk",
  EXPIRED: "risk",
  NONE: "risk",
};

/** Minimum age at departure (UU 18/2017 Art. 5). */
export const MINIMUM_AGE = 18;

/** Whether `text` contains `word` as a whole word or phrase, ignoring case. */
function hasWord(text: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, "iu").test(text);
}

export function jobMatches(jobs: JobMatch, industry: string | null | undefined, jobTitle: string | null | undefined): boolean {
  if (industry && jobs.industries.includes(industry)) return true;
  return Boolean(jobTitle && jobs.jobTitleWords.some((w) => hasWord(jobTitle, w)));
}

/** The closures a placement falls under (empty when the destination and job are open). */
export function closuresFor(p: { destinationCountry?: string | null; industry?: string | null; jobTitle?: string | null }): PlacementClosure[] {
  const country = p.destinationCountry?.toUpperCase();
  if (!country) return [];
  return PLACEMENT_CLOSURES.filter((c) => c.countries.includes(country) && jobMatches(c.jobs, p.industry, p.jobTitle));
}
