// Computes a statistics table: counts in the database (GROUP BY CUBE, one query), suppression
// in memory (suppress.ts), and the slice the caller asked for.
//
// A filter is a slice of a bigger cube, not a WHERE clause: `filter: { year: 2024 }, groupBy:
// [SEX]` is the YEAR=2024 row of the YEAR x SEX table, suppressed exactly as that table is. A
// WHERE clause would suppress the filtered table on its own, differently from the YEAR x SEX
// table a caller can also request, and the two could be subtracted from each other.
import { Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import {
  DIMENSION_SPECS,
  PARENT_DIMENSION,
  canonicalOrder,
  type Dimension,
  type Measure,
} from "./dimensions";
import { cellKey, suppressCube, type Cell, type Cube, type Hierarchy } from "./suppress";

export interface StatisticsRequest {
  measure: Measure;
  /** Dimensions of the table, in the order the caller wants them in each cell key. */
  groupBy: readonly Dimension[];
  /** One value per filtered dimension (validated by the caller). */
  filter: Partial<Record<Dimension, string>>;
  /** Minimum published cell. */
  k: number;
  /** The day WAITING_DAYS counts to; default now. */
  asOf?: Date;
}

export interface StatisticsCellResult {
  key: { dimension: Dimension; value: string }[];
  count: number | null;
  suppressed: boolean;
}

export interface StatisticsResult {
  k: number;
  measure: Measure;
  dimensions: Dimension[];
  cells: StatisticsCellResult[];
  total: number | null;
  totalSuppressed: boolean;
  /** True when the table could not be protected and no cell is returned. */
  withheld: boolean;
}

type CubeRow = { g: number; n: number } & Record<string, string | number | null>;

/** Counts per cell for every subset of `dims` (0 = the grand total), in one query. */
export async function countCube(prisma: PrismaClient, measure: Measure, dims: readonly Dimension[], asOf: Date = new Date()): Promise<Cube> {
  const unit = measure === "CASES" ? Prisma.sql`c."id"` : measure === "VICTIMS" ? Prisma.sql`cp."personId"` : Prisma.sql`r."id"`;
  const from =
    measure === "CASES"
      ? Prisma.sql`"Case" c`
      : measure === "VICTIMS"
        ? Prisma.sql`"CaseParticipant" cp JOIN "Case" c ON c."id" = cp."caseId" JOIN "Person" p ON p."id" = cp."personId"`
        : // A referral names its case optionally: the case's dimensions are UNKNOWN without one.
          Prisma.sql`"ServiceReferral" r JOIN "Organization" ro ON ro."id" = r."toOrganizationId" LEFT JOIN "Case" c ON c."id" = r."caseId"`;
  // A case with several exploitation types (or modus) yields one row per value (and counts in
  // each); none recorded (or no case) counts as UNKNOWN.
  const unnest = (column: Prisma.Sql, alias: Prisma.Sql) =>
    Prisma.sql` CROSS JOIN LATERAL unnest(CASE WHEN cardinality(${column}) > 0 THEN ${column} ELSE ARRAY['UNKNOWN']::text[] END) AS ${alias}`;
  const lateral = Prisma.join(
    [
      dims.includes("EXPLOITATION_TYPE") ? unnest(Prisma.sql`c."exploitationTypes"`, Prisma.sql`et(v)`) : Prisma.empty,
      dims.includes("MODUS") ? unnest(Prisma.sql`c."modus"`, Prisma.sql`md(v)`) : Prisma.empty,
    ],
    "",
  );
  // Persons assessed as not trafficked (e.g. smuggled migrants) are not victims. A referral is
  // unanswered while REQUESTED: neither accepted nor declined.
  const where =
    measure === "VICTIMS"
      ? Prisma.sql` WHERE cp."role" = 'VICTIM' AND (cp."traffickingStatus" IS NULL OR cp."traffickingStatus" <> 'NotAVictimOfTrafficking')`
      : measure === "OPEN_REFERRALS"
        ? Prisma.sql` WHERE r."status" = 'REQUESTED'`
        : Prisma.empty;
  // Column aliases d0, d1, ... are generated from positions, never from input.
  const alias = (i: number) => Prisma.raw(`d${i}`);
  const inner = Prisma.sql`SELECT ${unit} AS u${dims.length ? Prisma.sql`, ${Prisma.join(dims.map((d, i) => Prisma.sql`${DIMENSION_SPECS[d].sql(asOf)} AS ${alias(i)}`))}` : Prisma.empty} FROM ${from}${lateral}${where}`;
  // Prisma.join refuses an empty list: only build the GROUP BY for a grouped query (groupBy: []
  // asks for the total alone).
  const aliases = () => Prisma.join(dims.map((_, i) => alias(i)));
  const query = dims.length
    ? Prisma.sql`SELECT GROUPING(${aliases()}) AS g, ${aliases()}, COUNT(DISTINCT s.u)::int AS n FROM (${inner}) s GROUP BY CUBE (${aliases()})`
    : Prisma.sql`SELECT 0 AS g, COUNT(DISTINCT s.u)::int AS n FROM (${inner}) s`;
  const rows = await prisma.$queryRaw<CubeRow[]>(query);

  const cube: Cube = new Map();
  const all = (1 << dims.length) - 1;
  for (const row of rows) {
    const n = Number(row.n);
    if (n === 0) continue;
    // GROUPING sets a bit for each aggregated column, the last column in the lowest bit.
    const g = Number(row.g);
    let mask = 0;
    const values = dims.map((_, i) => {
      const grouped = ((g >> (dims.length - 1 - i)) & 1) === 0;
      if (!grouped) return null;
      mask |= 1 << i;
      return String(row[`d${i}`]);
    });
    let table = cube.get(mask & all);
    if (!table) cube.set(mask & all, (table = new Map()));
    table.set(cellKey(values), { values, n });
  }
  return cube;
}

export async function computeStatistics(prisma: PrismaClient, req: StatisticsRequest): Promise<StatisticsResult> {
  const filtered = Object.keys(req.filter) as Dimension[];
  // A regency table is always checked against its province totals.
  const wanted = new Set<Dimension>([...req.groupBy, ...filtered]);
  for (const d of [...wanted]) {
    const parent = PARENT_DIMENSION[d]?.parent;
    if (parent) wanted.add(parent);
  }
  const dims = canonicalOrder(wanted);
  const index = (d: Dimension) => dims.indexOf(d);
  const hierarchies: Hierarchy[] = dims.flatMap((d) => {
    const h = PARENT_DIMENSION[d];
    return h ? [{ child: index(d), parent: index(h.parent), parentOf: h.of }] : [];
  });

  const cube = await countCube(prisma, req.measure, dims, req.asOf);
  const patterns = suppressCube(dims.length, cube, req.k, hierarchies);

  const maskOf = (ds: Iterable<Dimension>) => [...ds].reduce((m, d) => m | (1 << index(d)), 0);
  const tableMask = maskOf([...req.groupBy, ...filtered]);
  const totalMask = maskOf(filtered);
  const inSlice = (c: Cell) => filtered.every((d) => c.values[index(d)] === req.filter[d]);

  const table = cube.get(tableMask) ?? new Map<string, Cell>();
  const pattern = patterns.get(tableMask)!;
  const cells: StatisticsCellResult[] =
    pattern.withheld || req.groupBy.length === 0
    ? []
    : [...table.entries()]
        .filter(([, c]) => inSlice(c))
        .map(([key, c]) => {
          const suppressed = pattern.suppressed.has(key);
          return {
            key: req.groupBy.map((d) => ({ dimension: d, value: c.values[index(d)]! })),
            count: suppressed ? null : c.n,
            suppressed,
          };
        })
        .sort((a, b) => compareKeys(a.key.map((p) => p.value), b.key.map((p) => p.value)));

  const totalKey = cellKey(dims.map((d) => (filtered.includes(d) ? req.filter[d]! : null)));
  const totalCell = cube.get(totalMask)?.get(totalKey);
  const totalSuppressed = patterns.get(totalMask)!.suppressed.has(totalKey);
  return {
    k: req.k,
    measure: req.measure,
    dimensions: [...req.groupBy],
    cells,
    total: totalSuppressed ? null : (totalCell?.n ?? 0),
    totalSuppressed,
    withheld: pattern.withheld,
  };
}

function compareKeys(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  }
  return 0;
}
