import { cellKey, suppressCube, type Cube } from "./suppress";

/** Builds a cube from the finest table's counts (additive dimensions), summing every margin. */
function cubeOf(dimCount: number, rows: [values: string[], n: number][]): Cube {
  const cube: Cube = new Map();
  for (let mask = 0; mask < 1 << dimCount; mask++) {
    const table = new Map();
    for (const [values, n] of rows) {
      const v = values.map((x, i) => (mask & (1 << i) ? x : null));
      const key = cellKey(v);
      const c = table.get(key) ?? { values: v, n: 0 };
      c.n += n;
      table.set(key, c);
    }
    cube.set(mask, table);
  }
  return cube;
}

const hidden = (patterns: ReturnType<typeof suppressCube>, mask: number) =>
  [...patterns.get(mask)!.suppressed].map((k) => (JSON.parse(k) as (string | null)[]).filter((x) => x !== null).join("/")).sort();

describe("suppressCube", () => {
  it("publishes a table with no small cell untouched", () => {
    const p = suppressCube(1, cubeOf(1, [[["a"], 20], [["b"], 30]]), 11);
    expect(hidden(p, 1)).toEqual([]);
    expect(hidden(p, 0)).toEqual([]);
  });

  it("hides a second, smallest cell next to a single small one in a 1-D table", () => {
    const p = suppressCube(1, cubeOf(1, [[["a"], 3], [["b"], 40], [["c"], 25], [["d"], 30]]), 11);
    expect(hidden(p, 1)).toEqual(["a", "c"]);
  });

  it("keeps hiding until the hidden cells sum to at least k (two 1s would give each other away)", () => {
    const p = suppressCube(1, cubeOf(1, [[["a"], 1], [["b"], 1], [["c"], 12], [["d"], 30]]), 11);
    expect(hidden(p, 1)).toEqual(["a", "b", "c"]);
  });

  it("suppresses a total below k", () => {
    const p = suppressCube(1, cubeOf(1, [[["a"], 4], [["b"], 5]]), 11);
    expect(hidden(p, 0)).toEqual([""]);
    expect(hidden(p, 1)).toEqual(["a", "b"]);
  });

  it("gives every line of a 2-D table zero or at least two hidden cells", () => {
    const rows: [string[], number][] = [
      [["2021", "F"], 2], [["2021", "M"], 1],
      [["2022", "F"], 30], [["2022", "M"], 12],
      [["2023", "F"], 12], [["2023", "M"], 20],
      [["2024", "F"], 13], [["2024", "M"], 13],
    ];
    const p = suppressCube(2, cubeOf(2, rows), 11);
    const h = new Set(hidden(p, 3));
    for (const line of [["2021", "2022", "2023", "2024"].map((y) => ["F", "M"].map((s) => `${y}/${s}`)), ["F", "M"].map((s) => ["2021", "2022", "2023", "2024"].map((y) => `${y}/${s}`))].flat()) {
      const n = line.filter((c) => h.has(c)).length;
      expect(n === 0 || n >= 2).toBe(true);
    }
    // 2024 is the cover cell of the YEAR table, so its row must not publish its sum.
    expect(hidden(p, 1)).toEqual(["2021", "2024"]);
    expect(["2024/F", "2024/M"].some((c) => h.has(c))).toBe(true);
  });

  it("protects what a table computed on its own, without its margins, would give away", () => {
    // The same table with margins never suppressed (as if queried in isolation): row 2024 is
    // published whole, and the YEAR table's hidden 2024 comes back out, then 2021 with it.
    const rows: [string[], number][] = [
      [["2021", "F"], 2], [["2021", "M"], 1],
      [["2022", "F"], 30], [["2022", "M"], 12],
      [["2023", "F"], 12], [["2023", "M"], 20],
      [["2024", "F"], 13], [["2024", "M"], 13],
    ];
    const full = cubeOf(2, rows);
    const isolated: Cube = new Map([[0, new Map()], [1, new Map()], [2, new Map()], [3, full.get(3)!]]);
    const naive = new Set(hidden(suppressCube(2, isolated, 11), 3));
    expect(naive.has("2024/F") || naive.has("2024/M")).toBe(false);
    const consistent = new Set(hidden(suppressCube(2, full, 11), 3));
    expect(consistent.has("2024/F") || consistent.has("2024/M")).toBe(true);
  });

  it("checks a regency table against its provinces", () => {
    // dims: 0 = PROVINCE, 1 = REGENCY. 61.05 is small; 63.71 is alone in 63, so it cannot cover.
    const rows: [string[], number][] = [
      [["61", "61.01"], 30], [["61", "61.03"], 55], [["61", "61.05"], 4],
      [["63", "63.71"], 41],
    ];
    const h = [{ child: 1, parent: 0, parentOf: (v: string) => v.slice(0, 2) }];
    const p = suppressCube(2, cubeOf(2, rows), 11, h);
    // REGENCY alone (mask 2): the cover must come from province 61, where 61 - published would give 61.05.
    expect(hidden(p, 2)).toEqual(["61.01", "61.05"]);
    expect(p.get(2)!.withheld).toBe(false);
  });

  it("suppresses a table the same whether asked for alone or inside a bigger cube, whatever the row order", () => {
    // Deterministic pseudo-random 3-D data with many small cells.
    let seed = 42;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const rows: [string[], number][] = [];
    for (const a of ["a1", "a2", "a3", "a4"]) for (const b of ["b1", "b2", "b3"]) for (const c of ["c1", "c2", "c3", "c4", "c5"]) {
      // Few distinct counts, so that many choices are ties the order could decide.
      const n = [0, 1, 3, 12, 12, 15, 20][rand(7)]!;
      if (n) rows.push([[a, b, c], n]);
    }
    const shuffled = <T,>(xs: T[]) => xs.map((x) => [rand(1000), x] as const).sort((p, q) => p[0] - q[0]).map(([, x]) => x);
    const valuesOf = (p: ReturnType<typeof suppressCube>, mask: number) => hidden(p, mask);
    const full = suppressCube(3, cubeOf(3, shuffled(rows)), 11);
    for (let sub = 1; sub < 8; sub++) {
      const dims = [0, 1, 2].filter((d) => sub & (1 << d));
      const projected = shuffled(rows.map(([v, n]) => [dims.map((d) => v[d]!), n] as [string[], number]));
      const alone = suppressCube(dims.length, cubeOf(dims.length, projected), 11);
      expect({ sub, hidden: valuesOf(alone, (1 << dims.length) - 1) }).toEqual({ sub, hidden: valuesOf(full, sub) });
    }
  });

  it("withholds a table whose small cell can only be covered by cells whose values are public", () => {
    // Small (a, x) needs a cover in column x: only (b, x), which is alone in row b and so
    // equals the published margin b. Hiding it would protect nothing.
    const rows: [string[], number][] = [
      [["a", "x"], 3], [["a", "y"], 40],
      [["b", "x"], 50],
    ];
    const p = suppressCube(2, cubeOf(2, rows), 11);
    expect(p.get(3)!.withheld).toBe(true);
    expect(p.get(3)!.suppressed.size).toBe(3);
  });
});
