// Partner statistics: k-anonymous counts of cases, victims and unanswered referrals, never records. The counting and
// suppression live in src/statistics/; this file is the GraphQL surface and input validation.
import {
  AGE_BANDS,
  appliesTo,
  DIMENSION_SPECS,
  DIMENSIONS,
  MEASURES,
  WAITING_BANDS,
  type AgeBand,
  type Dimension,
  type Measure,
  type WaitingBand,
} from "../statistics/dimensions";
import { computeStatistics, type StatisticsCellResult, type StatisticsResult } from "../statistics/compute";
import { builder } from "./builder";
import { ExploitationTypeEnum, ModusEnum, SexEnum } from "./enums";
import { badInput } from "./filters";

/** At most this many groupBy dimensions; each adds a factor to the cube computed per query. */
export const MAX_GROUP_BY = 3;

export const StatisticsMeasureEnum = builder.enumType("StatisticsMeasure", {
  description: "What a statistics cell counts.",
  values: {
    CASES: { description: "Distinct cases (Case)." },
    VICTIMS: {
      description:
        "Distinct victims: persons in a case with role VICTIM whose trafficking status is not NotAVictimOfTrafficking. A person who is a victim in several cases counts once per cell, but may appear in several cells.",
    },
    OPEN_REFERRALS: {
      description:
        "Unanswered service referrals (ServiceReferral with status REQUESTED: neither accepted nor declined), by receiving agency and days waiting. Case dimensions are those of the referral's case (UNKNOWN when it names none).",
    },
  } satisfies Record<Measure, { description: string }>,
});

export const StatisticsDimensionEnum = builder.enumType("StatisticsDimension", {
  description: "A dimension statistics can be grouped and filtered by. Every value is a string; UNKNOWN where the record does not say.",
  values: Object.fromEntries(DIMENSIONS.map((d) => [d, { description: DIMENSION_SPECS[d].about }])) as { [K in Dimension]: { description: string } },
});

const AGE_BAND_ABOUT: Record<AgeBand, string> = {
  AGE_0_11: "0 to 11 years.",
  AGE_12_17: "12 to 17 years (children under UU 35/2014 together with 0-11).",
  AGE_18_24: "18 to 24 years.",
  AGE_25_34: "25 to 34 years.",
  AGE_35_49: "35 to 49 years.",
  AGE_50_PLUS: "50 years or older.",
  UNKNOWN: "Age at exploitation not recorded.",
};

export const StatisticsAgeBandEnum = builder.enumType("StatisticsAgeBand", {
  description: "Band of a victim's age at exploitation (the AGE_BAND dimension's values).",
  values: Object.fromEntries(AGE_BANDS.map((b) => [b, { description: AGE_BAND_ABOUT[b] }])) as { [K in AgeBand]: { description: string } },
});

const WAITING_BAND_ABOUT: Record<WaitingBand, string> = {
  DAYS_0_7: "Waiting 0 to 7 days.",
  DAYS_8_14: "Waiting 8 to 14 days.",
  DAYS_15_30: "Waiting 15 to 30 days.",
  DAYS_31_90: "Waiting 31 to 90 days.",
  DAYS_91_PLUS: "Waiting 91 days or more.",
};

export const StatisticsWaitingBandEnum = builder.enumType("StatisticsWaitingBand", {
  description: "Band of days an unanswered referral has waited since it was requested, counted to the day of the query in UTC (the WAITING_DAYS dimension's values).",
  values: Object.fromEntries(WAITING_BANDS.map((b) => [b, { description: WAITING_BAND_ABOUT[b] }])) as { [K in WaitingBand]: { description: string } },
});

const StatisticsFilter = builder.inputType("StatisticsFilter", {
  description:
    "Restricts statistics to ONE value per dimension (all given fields must match). Only whole dimension values can be chosen, never date ranges or free conditions, " +
    "so that two filtered queries cannot be subtracted to reveal a suppressed cell: a filtered table is the matching slice of the bigger table, suppressed exactly as it.",
  fields: (t) => ({
    year: t.int({ required: false, description: "YEAR: the year a case was identified, e.g. 2024." }),
    region: t.string({
      required: false,
      description: 'PROVINCE ("61") or REGENCY ("61.03") of the case\'s origin, as a kode wilayah. Districts and villages are too fine for statistics.',
    }),
    exploitationType: t.field({ type: ExploitationTypeEnum, required: false, description: "EXPLOITATION_TYPE: cases having this type (among others)." }),
    modus: t.field({ type: ModusEnum, required: false, description: "MODUS: cases having this modus (among others)." }),
    destinationCountry: t.string({ required: false, description: "DESTINATION_COUNTRY: ISO 3166-1 alpha-2 code, e.g. MY." }),
    sourceAgency: t.string({ required: false, description: "SOURCE_AGENCY: agency code of the contributing agency, e.g. POLDA-KALBAR." }),
    sex: t.field({ type: SexEnum, required: false, description: "SEX (VICTIMS only)." }),
    ageBand: t.field({ type: StatisticsAgeBandEnum, required: false, description: "AGE_BAND (VICTIMS only)." }),
    receivingAgency: t.string({ required: false, description: "RECEIVING_AGENCY: agency code a referral was sent to (OPEN_REFERRALS only)." }),
    waitingDays: t.field({ type: StatisticsWaitingBandEnum, required: false, description: "WAITING_DAYS band (OPEN_REFERRALS only)." }),
  }),
});

const StatisticsKeyPart = builder.objectRef<StatisticsCellResult["key"][number]>("StatisticsKeyPart").implement({
  description: "One dimension's value in a cell's key.",
  fields: (t) => ({
    dimension: t.field({ type: StatisticsDimensionEnum, nullable: false, description: "The dimension.", resolve: (p) => p.dimension }),
    value: t.exposeString("value", { nullable: false, description: "Its value in this cell (see the dimension's description)." }),
  }),
});

const StatisticsCell = builder.objectRef<StatisticsCellResult>("StatisticsCell").implement({
  description: "One cell: a combination of dimension values and how many cases or victims have it. Cells with a count of 0 are not listed.",
  fields: (t) => ({
    key: t.field({ type: [StatisticsKeyPart], nullable: false, description: "The cell's value for each groupBy dimension, in groupBy order.", resolve: (c) => c.key }),
    count: t.int({ nullable: true, description: "The count; null when suppressed.", resolve: (c) => c.count }),
    suppressed: t.boolean({
      nullable: false,
      description: "True when the count is withheld: it is below k, or it had to be hidden so that another small count cannot be worked out by subtraction.",
      resolve: (c) => c.suppressed,
    }),
  }),
});

type StatisticsView = StatisticsResult & { notes: string[] };

const StatisticsResultRef = builder.objectRef<StatisticsView>("StatisticsResult").implement({
  description: "A k-anonymous table of counts. Never contains record ids or any value other than counts.",
  fields: (t) => ({
    k: t.int({ nullable: false, description: "Minimum published count (STATS_MIN_CELL): smaller non-zero counts are suppressed.", resolve: (r) => r.k }),
    measure: t.field({ type: StatisticsMeasureEnum, nullable: false, description: "What the cells count.", resolve: (r) => r.measure }),
    dimensions: t.field({ type: [StatisticsDimensionEnum], nullable: false, description: "The groupBy dimensions, in order.", resolve: (r) => r.dimensions }),
    cells: t.field({ type: [StatisticsCell], nullable: false, description: "The non-zero cells, sorted by key.", resolve: (r) => r.cells }),
    total: t.int({
      nullable: true,
      description:
        "Distinct cases or victims matching the filter, whatever the grouping; null when suppressed. Not always the sum of the cells: see notes (multi-valued dimensions).",
      resolve: (r) => r.total,
    }),
    totalSuppressed: t.boolean({ nullable: false, description: "True when the total is withheld (below k).", resolve: (r) => r.totalSuppressed }),
    withheld: t.boolean({
      nullable: false,
      description: "True when the whole table is withheld (no cells): its small counts could not be protected against subtraction. Group by fewer or coarser dimensions.",
      resolve: (r) => r.withheld,
    }),
    notes: t.stringList({ nullable: false, description: "How to read this table: suppression, multi-counting, withheld tables.", resolve: (r) => r.notes }),
  }),
});

type FilterInput = typeof StatisticsFilter.$inferInput;

/** Validates the filter and maps it to one value per dimension. */
function filterValues(f: FilterInput | null | undefined, measure: Measure): Partial<Record<Dimension, string>> {
  const out: Partial<Record<Dimension, string>> = {};
  if (!f) return out;
  if (f.year != null) {
    if (f.year < 1900 || f.year > 2100) throw badInput("filter.year", "must be a year between 1900 and 2100");
    out.YEAR = String(f.year);
  }
  if (f.region != null) {
    if (/^\d{2}$/.test(f.region)) out.PROVINCE = f.region;
    else if (/^\d{2}\.\d{2}$/.test(f.region)) out.REGENCY = f.region;
    else throw badInput("filter.region", `"${f.region}" is not a province (PP) or kabupaten/kota (PP.KK) kode wilayah`);
  }
  if (f.exploitationType != null) out.EXPLOITATION_TYPE = f.exploitationType;
  if (f.modus != null) out.MODUS = f.modus;
  if (f.destinationCountry != null) {
    if (!/^[A-Z]{2}$/.test(f.destinationCountry)) throw badInput("filter.destinationCountry", "must be an ISO 3166-1 alpha-2 code (upper case, e.g. MY)");
    out.DESTINATION_COUNTRY = f.destinationCountry;
  }
  for (const [name, dim, value] of [["sourceAgency", "SOURCE_AGENCY", f.sourceAgency], ["receivingAgency", "RECEIVING_AGENCY", f.receivingAgency]] as const) {
    if (value == null) continue;
    if (!/^[A-Z0-9][A-Z0-9._-]{0,63}$/.test(value)) throw badInput(`filter.${name}`, "must be an agency code (upper case letters, digits, . _ -)");
    out[dim] = value;
  }
  if (f.sex != null) out.SEX = f.sex;
  if (f.ageBand != null) out.AGE_BAND = f.ageBand;
  if (f.waitingDays != null) out.WAITING_DAYS = f.waitingDays;
  const names: Partial<Record<Dimension, string>> = {
    YEAR: "year", PROVINCE: "region", REGENCY: "region", EXPLOITATION_TYPE: "exploitationType", MODUS: "modus", DESTINATION_COUNTRY: "destinationCountry",
    SOURCE_AGENCY: "sourceAgency", SEX: "sex", AGE_BAND: "ageBand", RECEIVING_AGENCY: "receivingAgency", WAITING_DAYS: "waitingDays",
  };
  for (const d of Object.keys(out) as Dimension[]) {
    if (!appliesTo(d, measure)) throw badInput(`filter.${names[d]}`, `${d} ${onlyFor(d)}`);
  }
  return out;
}

const onlyFor = (d: Dimension) => `applies to measure${DIMENSION_SPECS[d].measures.length > 1 ? "s" : ""} ${DIMENSION_SPECS[d].measures.join(", ")} only`;

function notesFor(r: StatisticsResult, filterDims: number): string[] {
  const notes = [
    `Counts from 1 to ${r.k - 1} are suppressed (count null), and some larger counts are suppressed with them so that no suppressed count can be worked out from totals, other cells or other queries.`,
  ];
  if (r.withheld) {
    notes.push("This table is withheld: its small counts could not be protected against subtraction from other published counts. Group by fewer or coarser dimensions.");
  }
  if (r.totalSuppressed) notes.push(`The total is below ${r.k} and is suppressed.`);
  if (r.dimensions.includes("EXPLOITATION_TYPE")) {
    notes.push("A case with several exploitation types is counted under each of them: the EXPLOITATION_TYPE cells add up to more than the total.");
  }
  if (r.dimensions.includes("MODUS")) {
    notes.push("A case with several modus is counted under each of them: the MODUS cells add up to more than the total.");
  }
  if (r.measure === "OPEN_REFERRALS") {
    notes.push("Unanswered referrals are those still REQUESTED (neither accepted nor declined); days waiting are counted to today (UTC), so counts move between bands from day to day.");
  }
  if (r.measure === "VICTIMS") {
    notes.push("A victim is counted once per cell; a victim of several cases can appear in several cells, so cells may add up to more than the total.");
  }
  if (filterDims > 0) notes.push("Filtered statistics are the matching slice of the table grouped by the filtered dimensions too, and suppressed as that table is.");
  return notes;
}

builder.queryFields((t) => ({
  statistics: t.field({
    type: StatisticsResultRef,
    nullable: false,
    description:
      "k-anonymous counts of cases, victims or unanswered referrals grouped by up to 3 dimensions, for partners who may not see records (NGO analysts, task-force analysts). " +
      "Counts below k (STATS_MIN_CELL, default 11 as in CTDC) are suppressed, and further cells are suppressed so the hidden counts cannot be recovered from totals, " +
      "neighbouring cells, or the same table grouped by fewer dimensions. Never returns record ids or values. See docs/statistics.md.",
    args: {
      measure: t.arg({ type: StatisticsMeasureEnum, required: true, description: "What to count." }),
      groupBy: t.arg({ type: [StatisticsDimensionEnum], required: true, description: `Dimensions of the table, at most ${MAX_GROUP_BY}, each once; [] for the total only.` }),
      filter: t.arg({ type: StatisticsFilter, required: false, description: "Optional: one value per dimension." }),
    },
    resolve: async (_root, args, ctx) => {
      const measure = args.measure as Measure;
      const groupBy = args.groupBy as Dimension[];
      if (groupBy.length > MAX_GROUP_BY) throw badInput("groupBy", `at most ${MAX_GROUP_BY} dimensions`);
      groupBy.forEach((d, i) => {
        if (groupBy.indexOf(d) !== i) throw badInput(`groupBy[${i}]`, `${d} is listed twice`);
        if (!appliesTo(d, measure)) throw badInput(`groupBy[${i}]`, `${d} ${onlyFor(d)}`);
      });
      const filter = filterValues(args.filter, measure);
      // Recorded like any read, so an auditor can spot series of queries probing small cells.
      ctx.audit.read("Statistics", [], [`measure.${measure}`, ...groupBy.map((d) => `groupBy.${d}`), ...Object.keys(args.filter ?? {}).filter((k) => (args.filter as Record<string, unknown>)[k] != null).map((k) => `filter.${k}`)]);
      const result = await computeStatistics(ctx.db.prisma, { measure, groupBy, filter, k: ctx.statsMinCell });
      return { ...result, notes: notesFor(result, Object.keys(filter).length) };
    },
  }),
}));
