// Partner statistics over HTTP: exact large counts, suppressed small ones, complementary
// suppression in 1-D and multi-D tables, filters as slices, and differencing attempts.
import fs from "node:fs";
import path from "node:path";
import { StatisticsDocument, type StatisticsDimension, type StatisticsFilter, type StatisticsMeasure, type StatisticsQuery } from "../generated/graphql";
import { backends, startTestHub, type TestHub } from "../support/hub";
import { GROUPS, OPEN_REFERRALS, seedReferralFixture, seedStatisticsFixture } from "./fixture";

type Table = NonNullable<StatisticsQuery["statistics"]>;
type Cell = Table["cells"][number];

const AGE_BAND = (age: number | null) =>
  age === null ? "UNKNOWN" : age < 12 ? "AGE_0_11" : age < 18 ? "AGE_12_17" : age < 25 ? "AGE_18_24" : age < 35 ? "AGE_25_34" : age < 50 ? "AGE_35_49" : "AGE_50_PLUS";

/** The true counts, from the fixture's groups (one victim per case, so CASES and VICTIMS agree). */
function truthTable(groupBy: StatisticsDimension[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const g of GROUPS) {
    const values: Record<string, string[]> = {
      YEAR: [String(g.year)],
      PROVINCE: [g.region.slice(0, 2)],
      REGENCY: [g.region],
      EXPLOITATION_TYPE: g.types,
      MODUS: g.modus.length ? g.modus : ["UNKNOWN"],
      DESTINATION_COUNTRY: [g.dest],
      SOURCE_AGENCY: [g.region.startsWith("63") ? "POLDA-KALSEL" : "POLDA-KALBAR"],
      SEX: [g.sex],
      AGE_BAND: [AGE_BAND(g.age)],
    };
    let keys = [""];
    for (const d of groupBy) keys = keys.flatMap((k) => values[d]!.map((v) => (k ? `${k}/${v}` : v)));
    for (const k of keys) out[k] = (out[k] ?? 0) + g.n;
  }
  return out;
}

const label = (c: Cell) => c.key.map((p) => p.value).join("/");
/** Cell label -> count (null when suppressed). */
const counts = (t: Table) => Object.fromEntries(t.cells.map((c) => [label(c), c.count]));

/**
 * What a caller can work out by subtraction: every equation "whole = sum of parts" with exactly
 * one unknown left is solved, until nothing changes. Valid for additive dimensions (this
 * dataset has one victim per case, so YEAR and SEX are).
 */
function attack(known: Map<string, number>, equations: { whole: string; parts: string[] }[]): Map<string, number> {
  const values = new Map(known);
  for (let changed = true; changed; ) {
    changed = false;
    for (const { whole, parts } of equations) {
      const unknown = [whole, ...parts].filter((v) => !values.has(v));
      if (unknown.length !== 1) continue;
      const [x] = unknown as [string];
      const sumParts = parts.filter((p) => p !== x).reduce((s, p) => s + values.get(p)!, 0);
      values.set(x, x === whole ? sumParts : values.get(whole)! - sumParts);
      changed = true;
    }
  }
  return values;
}

describe.each(backends)("statistics on %s", (backend) => {
  let hub: TestHub;
  let analyst: string;
  let ids: string[];

  beforeAll(async () => {
    hub = await startTestHub(backend);
    ids = await seedStatisticsFixture(hub.db.prisma);
    ids.push(...(await seedReferralFixture(hub.db.prisma)));
    analyst = await hub.token({ agency: "NGO-PEDULI-MIGRAN", roles: ["ngo-analyst"], purpose: "statistics", jurisdiction: [] });
  });
  afterAll(() => hub.stop());

  async function stats(measure: StatisticsMeasure, groupBy: StatisticsDimension[], filter?: StatisticsFilter): Promise<Table> {
    const r = await hub.gql(StatisticsDocument, { measure, groupBy, filter }, { token: analyst });
    expect(r.body.errors).toBeUndefined();
    expect(r.status).toBe(200);
    return r.body.data!.statistics;
  }

  async function statsError(measure: StatisticsMeasure, groupBy: StatisticsDimension[], filter?: StatisticsFilter) {
    const r = await hub.gql(StatisticsDocument, { measure, groupBy, filter }, { token: analyst });
    expect(r.body.data?.statistics ?? null).toBeNull();
    return r.body.errors?.[0];
  }

  /**
   * Every line (cells sharing all values but one) whose margin is published holds no suppressed
   * cell or at least two, so margin - published never isolates one. The margins are fetched the
   * way a caller would: the same table grouped by one dimension less.
   */
  async function expectLinesProtected(t: Table) {
    for (let d = 0; d < t.dimensions.length; d++) {
      const margins = counts(await stats(t.measure, t.dimensions.filter((_, i) => i !== d)));
      const lines = new Map<string, boolean[]>();
      for (const c of t.cells) {
        const id = c.key.filter((_, i) => i !== d).map((p) => p.value).join("/");
        lines.set(id, [...(lines.get(id) ?? []), c.suppressed]);
      }
      for (const [id, cells] of lines) {
        const hidden = cells.filter(Boolean).length;
        const marginPublished = t.dimensions.length === 1 ? t.total !== null : margins[id] !== null;
        if (marginPublished) expect({ line: `${t.dimensions[d]} at ${id || "total"}`, hidden: hidden === 0 || hidden >= 2 }).toEqual({ line: `${t.dimensions[d]} at ${id || "total"}`, hidden: true });
      }
    }
  }

  it("publishes large cells exactly and hides a second cell beside a single small one", async () => {
    const t = await stats("CASES", ["YEAR"]);
    expect(t.k).toBe(11);
    expect(counts(t)).toEqual({ "2021": null, "2022": 42, "2023": 32, "2024": null });
    expect(t.cells.filter((c) => c.suppressed).map(label)).toEqual(["2021", "2024"]);
    expect(t.cells.every((c) => c.suppressed === (c.count === null))).toBe(true);
    expect(t.total).toBe(103);
    // total - published = 29 is the sum of two hidden cells; 2021 alone cannot be read from it.
    expect(t.notes.join(" ")).toMatch(/suppressed/);
  });

  it("counts distinct victims, not suspects or persons assessed as not trafficked", async () => {
    const t = await stats("VICTIMS", ["SEX"]);
    expect(counts(t)).toEqual({ Feminine: 57, Masculine: 46 });
    expect(t.total).toBe(103);
    expect(t.notes.join(" ")).toMatch(/once per cell/);
  });

  it("keeps hiding small cells until the hidden ones add up to k", async () => {
    const t = await stats("VICTIMS", ["AGE_BAND"]);
    // 12-17 (3) and 35-49 (4) are small; together 7 < 11, so UNKNOWN (13) is hidden too.
    expect(counts(t)).toEqual({ AGE_12_17: null, AGE_18_24: 42, AGE_25_34: 41, AGE_35_49: null, UNKNOWN: null });
  });

  it("counts a case with several exploitation types under each and says so", async () => {
    const t = await stats("CASES", ["EXPLOITATION_TYPE"]);
    expect(counts(t)).toEqual({ ForcedLabour: 61, ForcedMarriage: 24, Servitude: 12, SexualExploitation: 31 });
    expect(t.total).toBe(103);
    expect(t.notes.join(" ")).toMatch(/counted under each/);
  });

  it("counts a case under each of its modus and hides small modus cells with a cover", async () => {
    const t = await stats("CASES", ["MODUS"]);
    const truth = truthTable(["MODUS"]);
    // UNKNOWN (4) is small; the smallest other cell, CONTRACT_MARRIAGE (12), covers it (sum 16 >= k).
    expect(counts(t)).toEqual({ ...truth, CONTRACT_MARRIAGE: null, UNKNOWN: null });
    expect(t.total).toBe(103);
    expect(t.notes.join(" ")).toMatch(/MODUS cells add up/);
    // A modus filter is the SHOP_KEEPER column of YEAR x MODUS, suppressed as that table is
    // (2024 is hidden in the YEAR table, so its line hides cells too).
    const table = await stats("CASES", ["YEAR", "MODUS"]);
    await expectLinesProtected(table);
    const column = Object.fromEntries(table.cells.filter((c) => c.key[1]!.value === "SHOP_KEEPER").map((c) => [c.key[0]!.value, c.count]));
    const row = await stats("CASES", ["YEAR"], { modus: "SHOP_KEEPER" });
    expect(row.total).toBe(31);
    expect(Object.keys(column).sort()).toEqual(["2022", "2024"]);
    expect(counts(row)).toEqual(column);
  });

  it("counts unanswered referrals by receiving agency and days waiting, hiding small cells and their covers", async () => {
    const byAgency = await stats("OPEN_REFERRALS", ["RECEIVING_AGENCY"]);
    // Answered referrals (ACCEPTED, DECLINED, COMPLETED) are not counted.
    expect(byAgency.total).toBe(106);
    expect(counts(byAgency)).toEqual({ "LBH-C": 30, "SHELTER-A": 46, "SHELTER-B": 30 });
    expect(counts(await stats("OPEN_REFERRALS", ["WAITING_DAYS"]))).toEqual({ DAYS_0_7: 30, DAYS_15_30: 38, DAYS_91_PLUS: 38 });

    const t = await stats("OPEN_REFERRALS", ["RECEIVING_AGENCY", "WAITING_DAYS"]);
    const truth = Object.fromEntries(OPEN_REFERRALS.map((r) => [`${r.agency}/${r.band}`, r.n]));
    // The small cells (2 and 3) are hidden, and so is one more cell in each line that holds one.
    expect(counts(t)).toEqual({ ...truth, "SHELTER-B/DAYS_0_7": null, "SHELTER-B/DAYS_91_PLUS": null, "LBH-C/DAYS_0_7": null, "LBH-C/DAYS_91_PLUS": null });
    await expectLinesProtected(t);
    expect(t.notes.join(" ")).toMatch(/REQUESTED/);

    // A caller subtracting every margin from the published cells learns no hidden count.
    const known = new Map<string, number>();
    for (const c of t.cells) if (c.count !== null) known.set(label(c), c.count);
    for (const c of byAgency.cells) known.set(label(c), c.count!);
    for (const c of (await stats("OPEN_REFERRALS", ["WAITING_DAYS"])).cells) known.set(label(c), c.count!);
    const agencies = ["LBH-C", "SHELTER-A", "SHELTER-B"];
    const bands = ["DAYS_0_7", "DAYS_15_30", "DAYS_91_PLUS"];
    const learned = attack(known, [
      ...agencies.map((a) => ({ whole: a, parts: bands.map((b) => `${a}/${b}`) })),
      ...bands.map((b) => ({ whole: b, parts: agencies.map((a) => `${a}/${b}`) })),
    ]);
    for (const hidden of ["SHELTER-B/DAYS_0_7", "LBH-C/DAYS_91_PLUS"]) expect(learned.has(hidden)).toBe(false);

    // A filter is the slice of the same table; case dimensions come from the referral's case.
    const slice = await stats("OPEN_REFERRALS", ["WAITING_DAYS"], { receivingAgency: "SHELTER-B" });
    expect(slice.total).toBe(30);
    expect(counts(slice)).toEqual({ DAYS_0_7: null, DAYS_15_30: 13, DAYS_91_PLUS: null });
    expect(counts(await stats("OPEN_REFERRALS", ["REGENCY"]))).toEqual({ "61.03": 12, UNKNOWN: 94 });
  });

  it("protects every line of a multi-dimensional table and publishes the other cells exactly", async () => {
    const tables: [StatisticsMeasure, StatisticsDimension[]][] = [
      ["CASES", ["YEAR", "DESTINATION_COUNTRY"]],
      ["CASES", ["PROVINCE", "YEAR"]],
      ["CASES", ["YEAR", "EXPLOITATION_TYPE"]],
      ["VICTIMS", ["YEAR", "SEX"]],
      ["VICTIMS", ["SEX", "AGE_BAND"]],
      ["VICTIMS", ["SEX", "DESTINATION_COUNTRY", "AGE_BAND"]],
    ];
    for (const [measure, groupBy] of tables) {
      const t = await stats(measure, groupBy);
      const truth = truthTable(groupBy);
      expect(t.dimensions).toEqual(groupBy);
      // Every non-zero cell is listed, no zero cell is.
      expect(t.cells.map(label).sort()).toEqual(Object.keys(truth).sort());
      for (const c of t.cells) {
        expect(c.key.map((p) => p.dimension)).toEqual(groupBy);
        if (truth[label(c)]! < 11) expect({ cell: label(c), suppressed: c.suppressed }).toEqual({ cell: label(c), suppressed: true });
        if (!c.suppressed) expect({ cell: label(c), count: c.count }).toEqual({ cell: label(c), count: truth[label(c)] });
      }
      await expectLinesProtected(t);
      expect(t.total).toBe(103);
    }
    // 2024 is the cover of the YEAR table, so the YEAR x SEX row for 2024 must not add up to it.
    expect(counts(await stats("VICTIMS", ["YEAR", "SEX"]))).toEqual({
      "2021/Feminine": null,
      "2021/Masculine": null,
      "2022/Feminine": 30,
      "2022/Masculine": 12,
      "2023/Feminine": 12,
      "2023/Masculine": 20,
      "2024/Feminine": null,
      "2024/Masculine": null,
    });
  });

  it("withholds a table whose zero cells would give a hidden count away, however it is asked for", async () => {
    // All 2023 female victims went to CN: (2023, Feminine, CN) equals the published 2023/Feminine
    // count, which would reveal the hidden YEAR x DESTINATION_COUNTRY cell (2023, CN).
    const t = await stats("VICTIMS", ["SEX", "YEAR", "DESTINATION_COUNTRY"]);
    expect(t.cells).toEqual([]);
    expect(t.total).toBe(103);
    expect(t.notes.join(" ")).toMatch(/withheld/);
    expect(t.withheld).toBe(true);
    const slice = await stats("VICTIMS", ["DESTINATION_COUNTRY"], { year: 2023, sex: "Feminine" });
    expect(slice.cells).toEqual([]);
    expect(slice.notes.join(" ")).toMatch(/withheld/);
    expect(slice.withheld).toBe(true);
    const published = await stats("CASES", ["YEAR", "DESTINATION_COUNTRY"]);
    expect(published.withheld).toBe(false);
    expect(counts(published)["2023/CN"]).toBeNull();
  });

  it("suppresses totals below k", async () => {
    const t = await stats("CASES", [], { year: 2021 });
    expect(t.cells).toEqual([]);
    expect(t).toMatchObject({ total: null, totalSuppressed: true });
    const sg = await stats("CASES", ["YEAR"], { destinationCountry: "SG" });
    expect(sg).toMatchObject({ total: null, totalSuppressed: true });
    expect(sg.cells.every((c) => c.suppressed && c.count === null)).toBe(true);
    expect(sg.notes.join(" ")).toMatch(/total is below 11/);
  });

  it("answers a filtered query with the matching slice of the finer table", async () => {
    const sliced = await stats("CASES", ["YEAR"], { destinationCountry: "MY" });
    const full = await stats("CASES", ["YEAR", "DESTINATION_COUNTRY"]);
    const byDest = await stats("CASES", ["DESTINATION_COUNTRY"]);
    const expected = Object.fromEntries(full.cells.filter((c) => c.key[1]!.value === "MY").map((c) => [c.key[0]!.value, c.count]));
    expect(counts(sliced)).toEqual(expected);
    expect(sliced.total).toBe(counts(byDest).MY);
    expect(sliced.total).toBe(75);

    const regencies = await stats("CASES", ["REGENCY"], { region: "61" });
    expect(regencies.cells.map(label)).toEqual(["61.01", "61.03", "61.05"]);
    expect(regencies.total).toBe(62);
    const year2022 = await stats("CASES", ["EXPLOITATION_TYPE"], { year: 2022 });
    const yearByType = await stats("CASES", ["YEAR", "EXPLOITATION_TYPE"]);
    expect(counts(year2022)).toEqual(
      Object.fromEntries(yearByType.cells.filter((c) => c.key[0]!.value === "2022").map((c) => [c.key[1]!.value, c.count])),
    );
    expect(counts(year2022)).toEqual({ ForcedLabour: null, ForcedMarriage: 12, Servitude: 12, SexualExploitation: null });
    expect(year2022.total).toBe(42);
    const sanggau = await stats("VICTIMS", ["SEX"], { region: "61.03", year: 2022 });
    const yearByRegency = await stats("VICTIMS", ["YEAR", "REGENCY"]);
    expect(sanggau.total).toBe(counts(yearByRegency)["2022/61.03"]);
  });

  it("does not let province totals give away a small regency", async () => {
    const regency = await stats("CASES", ["REGENCY"]);
    const province = await stats("CASES", ["PROVINCE"]);
    expect(counts(province)).toEqual({ "61": 62, "63": 41 });
    // 61.05 (4) and 61.01 (3) are small; 63.71 is alone in province 63, so the cover is 61.03.
    expect(counts(regency)).toEqual({ "61.01": null, "61.03": null, "61.05": null, "63.71": 41 });
  });

  it("cannot be differenced: YEAR, SEX, YEAR x SEX and filtered slices together do not reveal 2021", async () => {
    const year = await stats("VICTIMS", ["YEAR"]);
    const sex = await stats("VICTIMS", ["SEX"]);
    const both = await stats("VICTIMS", ["YEAR", "SEX"]);
    const known = new Map<string, number>([["T", year.total!]]);
    for (const c of year.cells) if (c.count !== null) known.set(`Y:${label(c)}`, c.count);
    for (const c of sex.cells) if (c.count !== null) known.set(`S:${label(c)}`, c.count);
    for (const c of both.cells) if (c.count !== null) known.set(`YS:${label(c)}`, c.count);
    // The attacker also asks for each year's row on its own.
    for (const y of ["2021", "2022", "2023", "2024"]) {
      const row = await stats("VICTIMS", ["SEX"], { year: Number(y) });
      if (row.total !== null) known.set(`Y:${y}`, row.total);
      for (const c of row.cells) if (c.count !== null) known.set(`YS:${y}/${label(c)}`, c.count);
    }
    const years = ["2021", "2022", "2023", "2024"];
    const sexes = ["Feminine", "Masculine"];
    const equations = [
      { whole: "T", parts: years.map((y) => `Y:${y}`) },
      { whole: "T", parts: sexes.map((s) => `S:${s}`) },
      ...years.map((y) => ({ whole: `Y:${y}`, parts: sexes.map((s) => `YS:${y}/${s}`) })),
      ...sexes.map((s) => ({ whole: `S:${s}`, parts: years.map((y) => `YS:${y}/${s}`) })),
    ];
    const learned = attack(known, equations);
    expect(learned.has("Y:2021")).toBe(false);
    expect(learned.has("YS:2021/Feminine")).toBe(false);
    expect(learned.has("YS:2021/Masculine")).toBe(false);
    // Whatever the attacker did work out is right (the equations hold on this dataset).
    const truth: Record<string, number> = { "Y:2022": 42, "Y:2023": 32, "Y:2024": 26, "YS:2022/Feminine": 30, "YS:2024/Masculine": 13 };
    for (const [k, v] of Object.entries(truth)) if (learned.has(k)) expect(learned.get(k)).toBe(v);
  });

  it("answers the queries docs/statistics.md shows", async () => {
    const md = fs.readFileSync(path.join(__dirname, "../../docs/statistics.md"), "utf8");
    const examples = [...md.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const query of examples) {
      const r = await hub.gql(query, {}, { token: analyst });
      expect({ query, errors: r.body.errors }).toEqual({ query, errors: undefined });
      expect(r.body.data.statistics.total).toEqual(expect.any(Number));
    }
  });

  it("returns counts only, never record ids or values", async () => {
    const r = await hub.gql(StatisticsDocument, { measure: "VICTIMS", groupBy: ["YEAR", "SEX", "AGE_BAND"] }, { token: analyst });
    const text = JSON.stringify(r.body);
    expect(r.body.errors).toBeUndefined();
    for (const id of ids) expect(text).not.toContain(id);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
  });

  it("rejects what it cannot answer safely, naming the argument", async () => {
    expect(await statsError("CASES", ["SEX"])).toMatchObject({ message: "groupBy[0]: SEX applies to measure VICTIMS only", extensions: { code: "BAD_USER_INPUT" } });
    expect(await statsError("CASES", ["YEAR", "YEAR"])).toMatchObject({ message: "groupBy[1]: YEAR is listed twice" });
    expect(await statsError("VICTIMS", ["YEAR", "SEX", "AGE_BAND", "PROVINCE"])).toMatchObject({ message: "groupBy: at most 3 dimensions" });
    expect(await statsError("CASES", ["YEAR"], { region: "61.03.21" })).toMatchObject({ extensions: { code: "BAD_USER_INPUT" }, message: expect.stringMatching(/^filter\.region: /) });
    expect(await statsError("CASES", ["YEAR"], { sex: "Feminine" })).toMatchObject({ message: "filter.sex: SEX applies to measure VICTIMS only" });
    expect(await statsError("CASES", ["YEAR"], { destinationCountry: "my" })).toMatchObject({ message: expect.stringMatching(/^filter\.destinationCountry: /) });
    expect(await statsError("CASES", ["YEAR"], { year: 12 })).toMatchObject({ message: expect.stringMatching(/^filter\.year: /) });
    expect(await statsError("CASES", ["RECEIVING_AGENCY"])).toMatchObject({ message: "groupBy[0]: RECEIVING_AGENCY applies to measure OPEN_REFERRALS only" });
    expect(await statsError("OPEN_REFERRALS", ["SEX"])).toMatchObject({ message: "groupBy[0]: SEX applies to measure VICTIMS only" });
    expect(await statsError("OPEN_REFERRALS", ["YEAR"], { sourceAgency: "POLDA-KALBAR" })).toMatchObject({ message: "filter.sourceAgency: SOURCE_AGENCY applies to measures CASES, VICTIMS only" });
    expect(await statsError("VICTIMS", ["YEAR"], { waitingDays: "DAYS_0_7" })).toMatchObject({ message: "filter.waitingDays: WAITING_DAYS applies to measure OPEN_REFERRALS only" });
    expect(await statsError("OPEN_REFERRALS", ["WAITING_DAYS"], { receivingAgency: "shelter a" })).toMatchObject({ message: expect.stringMatching(/^filter\.receivingAgency: /) });
  });
});
