// What can be counted and along which dimensions, as SQL fragments over the tables the count
// reads (c = "Case", cp = "CaseParticipant", p = "Person"). Fragments are constants: filter
// values never reach SQL text (they select cells of the computed cube, see compute.ts).
import { Prisma } from "../generated/prisma/client.ts";

export const MEASURES = ["CASES", "VICTIMS"] as const;
export type Measure = (typeof MEASURES)[number];

/** Canonical order: cubes are always computed in this order, whatever order the caller asks. */
export const DIMENSIONS = ["YEAR", "PROVINCE", "REGENCY", "EXPLOITATION_TYPE", "DESTINATION_COUNTRY", "SOURCE_AGENCY", "SEX", "AGE_BAND"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const AGE_BANDS = ["AGE_0_11", "AGE_12_17", "AGE_18_24", "AGE_25_34", "AGE_35_49", "AGE_50_PLUS", "UNKNOWN"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The value a dimension takes when the record does not say. */
export const UNKNOWN = "UNKNOWN";

export interface DimensionSpec {
  sql: Prisma.Sql;
  /** Dimensions of persons exist only for VICTIMS. */
  victimsOnly: boolean;
  about: string;
}

export const DIMENSION_SPECS: Record<Dimension, DimensionSpec> = {
  YEAR: {
    sql: Prisma.sql`COALESCE(to_char(c."identifiedAt", 'YYYY'), 'UNKNOWN')`,
    victimsOnly: false,
    about: "Year the case was identified (Case.identifiedAt), e.g. 2024; UNKNOWN when not recorded.",
  },
  PROVINCE: {
    sql: Prisma.sql`COALESCE(split_part(c."originRegionCode", '.', 1), 'UNKNOWN')`,
    victimsOnly: false,
    about: "Province of the case's origin region (kode wilayah, 2 digits: 61 Kalimantan Barat, 63 Kalimantan Selatan); UNKNOWN when not recorded.",
  },
  REGENCY: {
    // A case naming only a province gets "PP.UNKNOWN", so every value lies in exactly one province.
    sql: Prisma.sql`CASE WHEN c."originRegionCode" IS NULL THEN 'UNKNOWN'
      WHEN c."originRegionCode" LIKE '__.__%' THEN left(c."originRegionCode", 5)
      ELSE split_part(c."originRegionCode", '.', 1) || '.UNKNOWN' END`,
    victimsOnly: false,
    about:
      "Kabupaten/kota of the case's origin region (kode wilayah PP.KK, e.g. 61.03 Sanggau); PP.UNKNOWN (e.g. 61.UNKNOWN) when the case names only a province, UNKNOWN when it names no region.",
  },
  EXPLOITATION_TYPE: {
    sql: Prisma.sql`et.v`,
    victimsOnly: false,
    about:
      "HTCDS type of exploitation of the case. A case with several types is counted once under EACH of its types, so these cells add up to more than the total; UNKNOWN for a case with none recorded.",
  },
  DESTINATION_COUNTRY: {
    sql: Prisma.sql`COALESCE(c."destinationCountry", 'UNKNOWN')`,
    victimsOnly: false,
    about: "Destination country of the case (ISO 3166-1 alpha-2, e.g. MY); UNKNOWN when not recorded.",
  },
  SOURCE_AGENCY: {
    sql: Prisma.sql`c."sourceAgency"`,
    victimsOnly: false,
    about: "Agency that contributed the case (agency code, e.g. POLDA-KALBAR).",
  },
  SEX: {
    sql: Prisma.sql`COALESCE(p."sex"::text, 'NonSpecifiedUnknown')`,
    victimsOnly: true,
    about: "Victim's sex (HTCDS prs_Gender values; not recorded counts as NonSpecifiedUnknown). VICTIMS only.",
  },
  AGE_BAND: {
    sql: Prisma.sql`CASE
      WHEN cp."ageAtExploitation" IS NULL OR cp."ageAtExploitation" < 0 THEN 'UNKNOWN'
      WHEN cp."ageAtExploitation" < 12 THEN 'AGE_0_11'
      WHEN cp."ageAtExploitation" < 18 THEN 'AGE_12_17'
      WHEN cp."ageAtExploitation" < 25 THEN 'AGE_18_24'
      WHEN cp."ageAtExploitation" < 35 THEN 'AGE_25_34'
      WHEN cp."ageAtExploitation" < 50 THEN 'AGE_35_49'
      ELSE 'AGE_50_PLUS' END`,
    victimsOnly: true,
    about: "Victim's age when exploited, as recorded with the case (CaseParticipant.ageAtExploitation), in bands; UNKNOWN when not recorded. VICTIMS only.",
  },
};

/**
 * Dimensions that are functions of another: a regency lies in exactly one province. Suppression
 * must know, or a province total minus its published regencies would give a suppressed regency.
 */
export const PARENT_DIMENSION: Partial<Record<Dimension, { parent: Dimension; of(value: string): string }>> = {
  REGENCY: { parent: "PROVINCE", of: (v) => (v === UNKNOWN ? UNKNOWN : v.slice(0, 2)) },
};

export const canonicalOrder = (dims: Iterable<Dimension>): Dimension[] => {
  const set = new Set(dims);
  return DIMENSIONS.filter((d) => set.has(d));
};
