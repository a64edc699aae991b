// Small cells stay hidden from an NGO analyst (security property 13), checked from the analyst's
// side: it asks every table it can (every grouping of up to two dimensions, both measures, and
// filtered slices), then plays the attacker: every published count, every absent (zero) cell and
// every "whole = sum of parts" relation between the tables (margins, province = its regencies) is
// combined, and no count from 1 to k-1 may come out, alone or as the sum of the hidden cells of a
// line. The statistics engine itself is tested in test/statistics/; this is the policy's view.
import { backends, startTestHub, type TestHub } from "../support/hub";
import { seedStatisticsFixture } from "../statistics/fixture";
import { persona } from "./support";

type Measure = "CASES" | "VICTIMS";
const CASE_DIMS = ["YEAR", "PROVINCE", "REGENCY", "EXPLOITATION_TYPE", "DESTINATION_COUNTRY", "SOURCE_AGENCY"];
const VICTIM_DIMS = [...CASE_DIMS, "SEX", "AGE_BAND"];
/** Dimensions along which cells add up (a case has one year, one region...; several exploitation types). */
const ADDITIVE = new Set(["YEAR", "PROVINCE", "REGENCY", "DESTINATION_COUNTRY", "SOURCE_AGENCY", "SEX", "AGE_BAND"]);

interface Table {
  k: number;
  measure: Measure;
  dimensions: string[];
  total: number | null;
  totalSuppressed: boolean;
  notes: string[];
  cells: { key: { dimension: string; value: string }[]; count: number | null; suppressed: boolean }[];
}

const QUERY = `query($measure: StatisticsMeasure!, $groupBy: [StatisticsDimension!]!, $filter: StatisticsFilter) {
  statistics(measure: $measure, groupBy: $groupBy, filter: $filter) {
    k measure dimensions total totalSuppressed notes cells { key { dimension value } count suppressed }
  }
}`;

/** Canonical name of a cell: measure and its dimension values, dimensions sorted. */
const cellName = (measure: string, parts: Record<string, string>) =>
  `${measure}|${Object.keys(parts)
    .sort()
    .map((d) => `${d}=${parts[d]}`)
    .join(",")}`;

describe.each(backends)("statistics for partners on %s", (backend) => {
  let hub: TestHub;
  let analyst: string;
  const tables: { filter: Record<string, string>; table: Table }[] = [];

  beforeAll(async () => {
    hub = await startTestHub(backend);
    await seedStatisticsFixture(hub.db.prisma);
    const p = persona("ngo-analyst");
    analyst = await hub.token({ agency: p.agency, roles: p.roles, purpose: p.purpose, jurisdiction: p.jurisdiction });
  });
  afterAll(async () => {
    await hub?.stop();
  });

  async function ask(measure: Measure, groupBy: string[], filter?: Record<string, unknown>): Promise<Table> {
    const r = await hub.gql(QUERY, { measure, groupBy, filter }, { token: analyst });
    expect({ groupBy, filter, errors: r.body.errors }).toEqual({ groupBy, filter, errors: undefined });
    return (r.body.data as { statistics: Table }).statistics;
  }

  it("an NGO analyst may not read records: cases, persons, _entities and lookups are FORBIDDEN", async () => {
    for (const [q, field] of [
      ["{ cases { totalCount } }", "cases"],
      ["{ persons { totalCount } }", "persons"],
      ['{ _entities(representations: [{__typename: "Person", id: "00000000-0000-4000-8000-000000000000"}]) { __typename } }', "_entities"],
      ["{ referrals { totalCount } }", "referrals"],
      ["{ earlyWarningReports { totalCount } }", "earlyWarningReports"],
    ] as const) {
      const r = await hub.gql(q, {}, { token: analyst });
      // The refused root field alone is null (_entities keeps the federation spec's non-null shape).
      expect(r.body.data).toEqual(field === "_entities" ? null : { [field]: null });
      expect(r.body.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([[`Not permitted: Query.${field}`, "FORBIDDEN"]]);
    }
    const lookup = await hub.gql(`{ personsByDocument(type: NIK, number: "6103215204980001") { id } }`, {}, { token: analyst });
    expect(lookup.status).toBe(403);
  });

  it("never publishes a count below k, in any grouping of up to two dimensions or any slice", async () => {
    for (const measure of ["CASES", "VICTIMS"] as const) {
      const dims = measure === "CASES" ? CASE_DIMS : VICTIM_DIMS;
      const groupings: string[][] = [[], ...dims.map((d) => [d])];
      for (let i = 0; i < dims.length; i++) for (let j = i + 1; j < dims.length; j++) groupings.push([dims[i]!, dims[j]!]);
      for (const g of groupings) tables.push({ filter: {}, table: await ask(measure, g) });
    }
    // Slices: one year or one province at a time, grouped by another dimension.
    const years = tables.find((t) => t.table.measure === "VICTIMS" && t.table.dimensions.join() === "YEAR")!.table.cells.map((c) => c.key[0]!.value);
    for (const y of years.filter((v) => /^\d{4}$/.test(v))) {
      for (const g of [["SEX"], ["REGENCY"], ["DESTINATION_COUNTRY"]]) tables.push({ filter: { YEAR: y }, table: await ask("VICTIMS", g, { year: Number(y) }) });
    }
    for (const prov of ["61", "63"]) tables.push({ filter: { PROVINCE: prov }, table: await ask("VICTIMS", ["YEAR"], { region: prov }) });

    const k = tables[0]!.table.k;
    expect(k).toBeGreaterThanOrEqual(2);
    const small: string[] = [];
    for (const { filter, table } of tables) {
      if (table.total !== null && table.total < k) small.push(`total ${table.dimensions} ${JSON.stringify(filter)} = ${table.total}`);
      for (const c of table.cells) {
        if (c.count !== null && c.count < k) small.push(`${table.measure} ${c.key.map((p) => `${p.dimension}=${p.value}`)} ${JSON.stringify(filter)} = ${c.count}`);
        if (c.suppressed !== (c.count === null)) small.push(`inconsistent suppression flag at ${JSON.stringify(c.key)}`);
      }
    }
    expect(small).toEqual([]);
    // The dataset does have small groups, so suppression was exercised (the check is not vacuous).
    expect(tables.some(({ table }) => table.cells.some((c) => c.suppressed))).toBe(true);
    expect(tables.length).toBeGreaterThan(60);
  });

  it("cannot difference a suppressed cell out of the tables it can ask for", () => {
    expect(tables.length).toBeGreaterThan(60); // filled by the previous test
    const k = tables[0]!.table.k;
    const known = new Map<string, number>();
    const domain = new Map<string, Set<string>>();
    const published: { measure: string; dims: string[]; filter: Record<string, string>; table: Table }[] = [];
    for (const { filter, table } of tables) {
      const withheld = table.notes.some((n) => n.includes("table is withheld"));
      const fixed = { ...filter };
      if (table.total !== null) known.set(cellName(table.measure, fixed), table.total);
      for (const c of table.cells) {
        const parts = { ...fixed, ...Object.fromEntries(c.key.map((p) => [p.dimension, p.value])) };
        for (const p of c.key) domain.set(p.dimension, (domain.get(p.dimension) ?? new Set()).add(p.value));
        if (c.count !== null) known.set(cellName(table.measure, parts), c.count);
      }
      if (!withheld) published.push({ measure: table.measure, dims: table.dimensions, filter: fixed, table });
    }
    // Cells a non-withheld table leaves out are zero.
    for (const t of published) {
      if (t.dims.length === 0) continue;
      let combos: Record<string, string>[] = [{ ...t.filter }];
      for (const d of t.dims) combos = combos.flatMap((c) => [...(domain.get(d) ?? [])].map((v) => ({ ...c, [d]: v })));
      const listed = new Set(t.table.cells.map((c) => cellName(t.measure, { ...t.filter, ...Object.fromEntries(c.key.map((p) => [p.dimension, p.value])) })));
      for (const c of combos) {
        const name = cellName(t.measure, c);
        if (!listed.has(name) && !known.has(name)) known.set(name, 0);
      }
    }
    // Equations: whole = sum over one additive dimension (margins), and province = its regencies.
    const equations: { whole: string; parts: string[] }[] = [];
    for (const t of published) {
      for (const d of t.dims) {
        if (!ADDITIVE.has(d)) continue;
        const others = t.dims.filter((x) => x !== d);
        const lines = new Map<string, Record<string, string>>();
        for (const c of t.table.cells) {
          const line = { ...t.filter, ...Object.fromEntries(c.key.filter((p) => p.dimension !== d).map((p) => [p.dimension, p.value])) };
          lines.set(cellName(t.measure, line), line);
        }
        for (const [whole, line] of lines) {
          if (others.some((o) => !(o in line))) continue;
          equations.push({ whole, parts: [...(domain.get(d) ?? [])].map((v) => cellName(t.measure, { ...line, [d]: v })) });
        }
      }
      if (t.dims.includes("REGENCY")) {
        const lines = new Map<string, Record<string, string>>();
        for (const c of t.table.cells) {
          const parts = { ...t.filter, ...Object.fromEntries(c.key.map((p) => [p.dimension, p.value])) };
          const { REGENCY, ...rest } = parts;
          const line = { ...rest, PROVINCE: REGENCY!.split(".")[0]! };
          lines.set(cellName(t.measure, line), line);
        }
        for (const [whole, line] of lines) {
          const { PROVINCE, ...rest } = line;
          const regencies = [...(domain.get("REGENCY") ?? [])].filter((r) => r.startsWith(`${PROVINCE}.`));
          equations.push({ whole, parts: regencies.map((r) => cellName(t.measure, { ...rest, REGENCY: r })) });
        }
      }
    }
    // Solve what can be solved, then look at what is left.
    const values = new Map(known);
    for (let changed = true; changed; ) {
      changed = false;
      for (const { whole, parts } of equations) {
        const unknown = [whole, ...parts].filter((v) => !values.has(v));
        if (unknown.length !== 1) continue;
        const x = unknown[0]!;
        const sum = parts.filter((p) => p !== x).reduce((s, p) => s + values.get(p)!, 0);
        values.set(x, x === whole ? sum : values.get(whole)! - sum);
        changed = true;
      }
    }
    const revealed = [...values].filter(([name, v]) => !known.has(name) && v > 0 && v < k).map(([name, v]) => `${name} = ${v}`);
    expect(revealed).toEqual([]);
    // Hidden cells of a line with a published whole: their sum is known. The engine tries to
    // make it reach k and, where no cover cell is left, accepts a smaller sum unless it pins every
    // hidden cell to 1 (src/statistics/suppress.ts, rule 2). Hold it to that; report the rest.
    const pinned: string[] = [];
    const smallSums: string[] = [];
    for (const { whole, parts } of equations) {
      if (!values.has(whole)) continue;
      const hidden = parts.filter((p) => !values.has(p));
      if (hidden.length < 2) continue;
      const rest = values.get(whole)! - parts.filter((p) => values.has(p)).reduce((s, p) => s + values.get(p)!, 0);
      if (rest > 0 && rest <= hidden.length) pinned.push(`${whole}: ${hidden.length} hidden cells sum to ${rest}`);
      else if (rest > 0 && rest < k) smallSums.push(`${whole}: ${hidden.length} hidden cells sum to ${rest}`);
    }
    expect(pinned).toEqual([]);
    if (smallSums.length) process.stderr.write(`\nstatistics (${backend}): lines whose hidden cells sum below k (accepted by design, no cover left): ${[...new Set(smallSums)].join("; ")}\n`);
    expect(equations.length).toBeGreaterThan(100);
  });
});
