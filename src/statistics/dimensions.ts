// What can be counted and along which dimensions, as SQL fragments over the tables the count
// reads (c = "Case", cp = "CaseParticipant", p = "Person", r = "ServiceReferral", ro = the
// receiving "Organization"). Fragments are constants: filter values never reach SQL text (they
// select cells of the computed cube, see compute.ts); the one parameter is the date waiting
// days are counted to.
import { Prisma } from "../generated/prisma/client.ts";

export const MEASURES = ["CASES", "VICTIMS", "OPEN_REFERRALS"] as const;
export type Measure = (typeof MEASURES)[number];

/** Canonical order: cubes are always computed in this order, whatever order the caller asks. */
export const DIMENSIONS = [
  "YEAR",
  "PROVINCE",
  "REGENCY",
  "EXPLOITATION_TYPE",
  "MODUS",
  "DESTINATION_COUNTRY",
  "SOURCE_AGENCY",
  "SEX",
  "AGE_BAND",
  "RECEIVING_AGENCY",
  "WAITING_DAYS",
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const AGE_BANDS = ["AGE_0_11", "AGE_12_17", "AGE_18_24", "AGE_25_34", "AGE_35_49", "AGE_50_PLUS", "UNKNOWN"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Days an unanswered referral has waited since it was requested, in bands (WAITING_DAYS). */
export const WAITING_BANDS = ["DAYS_0_7", "DAYS_8_14", "DAYS_15_30", "DAYS_31_90", "DAYS_91_PLUS"] as const;
export type WaitingBand = (typeof WAITING_BANDS)[number];

/** The value a dimension takes when the record does not say. */
export const UNKNOWN = "UNKNOWN";

const CASE_MEASURES: readonly Measure[] = ["CASES", "VICTIMS", "OPEN_REFERRALS"];

export interface DimensionSpec {
  /** The value; `asOf` is the date waiting days are counted to (a query parameter). */
  sql: (asOf: Date) => Prisma.Sql;
  /** Measures the dimension applies to: persons' dimensions to VICTIMS, referrals' to OPEN_REFERRALS. */
  measures: readonly Measure[];
  about: string;
}

const fixed = (sql: Prisma.Sql) => () => sql;

/** WAITING_DAYS: whole calendar days (UTC) from the request to `day` (YYYY-MM-DD, a parameter). */
const waitingBands = (day: string) => {
  const waited = Prisma.sql`(${day}::date - r."requestedAt"::date)`;
  return Prisma.sql`CASE WHEN ${waited} <= 7 THEN 'DAYS_0_7' WHEN ${waited} <= 14 THEN 'DAYS_8_14'
    WHEN ${waited} <= 30 THEN 'DAYS_15_30' WHEN ${waited} <= 90 THEN 'DAYS_31_90' ELSE 'DAYS_91_PLUS' END`;
};

export const DIMENSION_SPECS: Record<Dimension, DimensionSpec> = {
  YEAR: {
    sql: fixed(Prisma.sql`COALESCE(to_char(c."identifiedAt", 'YYYY'), 'UNKNOWN')`),
    measures: CASE_MEASURES,
    about: "Year the case was identified (Case.identifiedAt), e.g. 2024; UNKNOWN when not recorded.",
  },
  PROVINCE: {
    sql: fixed(Prisma.sql`COALESCE(split_part(c."originRegionCode", '.', 1), 'UNKNOWN')`),
    measures: CASE_MEASURES,
    about: "Province of the case's origin region (kode wilayah, 2 digits: 61 Kalimantan Barat, 63 Kalimantan Selatan); UNKNOWN when not recorded.",
  },
  REGENCY: {
    // A case naming only a province gets "PP.UNKNOWN", so every value lies in exactly one province.
    sql: fixed(Prisma.sql`CASE WHEN c."originRegionCode" IS NULL THEN 'UNKNOWN'
      WHEN c."originRegionCode" LIKE '__.__%' THEN left(c."originRegionCode", 5)
      ELSE split_part(c."originRegionCode", '.', 1) || '.UNKNOWN' END`),
    measures: CASE_MEASURES,
    about:
      "Kabupaten/kota of the case's origin region (kode wilayah PP.KK, e.g. 61.03 Sanggau); PP.UNKNOWN (e.g. 61.UNKNOWN) when the case names only a province, UNKNOWN when it names no region.",
  },
  EXPLOITATION_TYPE: {
    sql: fixed(Prisma.sql`et.v`),
    measures: CASE_MEASURES,
    about:
      "HTCDS type of exploitation of the case. A case with several types is counted once under EACH of its types, so these cells add up to more than the total; UNKNOWN for a case with none recorded.",
  },
  MODUS: {
    sql: fixed(Prisma.sql`md.v`),
    measures: CASE_MEASURES,
    about:
      "Modus of the case (the recruitment pattern, e.g. DOMESTIC_WORKER, SCAM_COMPOUND_IT_OPERATOR). A case with several modus is counted once under EACH of them, so these cells add up to more than the total; UNKNOWN for a case with none recorded.",
  },
  DESTINATION_COUNTRY: {
    sql: fixed(Prisma.sql`COALESCE(c."destinationCountry", 'UNKNOWN')`),
    measures: CASE_MEASURES,
    about: "Destination country of the case (ISO 3166-1 alpha-2, e.g. MY); UNKNOWN when not recorded.",
  },
  SOURCE_AGENCY: {
    sql: fixed(Prisma.sql`c."sourceAgency"`),
    measures: ["CASES", "VICTIMS"],
    about: "Agency that contributed the case (agency code, e.g. POLDA-KALBAR).",
  },
  SEX: {
    sql: fixed(Prisma.sql`COALESCE(p."sex"::text, 'NonSpecifiedUnknown')`),
    measures: ["VICTIMS"],
    about: "Victim's sex (HTCDS prs_Gender values; not recorded counts as NonSpecifiedUnknown). VICTIMS only.",
  },
  AGE_BAND: {
    sql: fixed(Prisma.sql`CASE
      WHEN cp."ageAtExploitation" IS NULL OR cp."ageAtExploitation" < 0 THEN 'UNKNOWN'
      WHEN cp."ageAtExploitation" < 12 THEN 'AGE_0_11'
      WHEN cp."ageAtExploitation" < 18 THEN 'AGE_12_17'
      WHEN cp."ageAtExploitation" < 25 THEN 'AGE_18_24'
      WHEN cp."ageAtExploitation" < 35 THEN 'AGE_25_34'
      WHEN cp."ageAtExploitation" < 50 THEN 'AGE_35_49'
      ELSE 'AGE_50_PLUS' END`),
    measures: ["VICTIMS"],
    about: "Victim's age when exploited, as recorded with the case (CaseParticipant.ageAtExploitation), in bands; UNKNOWN when not recorded. VICTIMS only.",
  },
  RECEIVING_AGENCY: {
    sql: fixed(Prisma.sql`COALESCE(ro."code", 'UNKNOWN')`),
    measures: ["OPEN_REFERRALS"],
    about: "Agency a referral was sent to (agency code, e.g. SHELTER-RPTC-BANUA); UNKNOWN for an organization without an agency code. OPEN_REFERRALS only.",
  },
  WAITING_DAYS: {
    sql: (asOf) => waitingBands(asOf.toISOString().slice(0, 10)),
    measures: ["OPEN_REFERRALS"],
    about:
      "Days an unanswered referral has waited since it was requested, counted to the day of the query (UTC): DAYS_0_7, DAYS_8_14, DAYS_15_30, DAYS_31_90, DAYS_91_PLUS. OPEN_REFERRALS only.",
  },
};

/**
 * Dimensions that are functions of another: a regency lies in exactly one province. Suppression
 * must know, or a province total minus its published regencies would give a suppressed regency.
 */
export const PARENT_DIMENSION: Partial<Record<Dimension, { parent: Dimension; of(value: string): string }>> = {
  REGENCY: { parent: "PROVINCE", of: (v) => (v === UNKNOWN ? UNKNOWN : v.slice(0, 2)) },
};

/** Dimensions of the case a count is about; for OPEN_REFERRALS, the referral's case (UNKNOWN without one). */
export const appliesTo = (d: Dimension, m: Measure): boolean => DIMENSION_SPECS[d].measures.includes(m);

export const canonicalOrder = (dims: Iterable<Dimension>): Dimension[] => {
  const set = new Set(dims);
  return DIMENSIONS.filter((d) => set.has(d));
};
