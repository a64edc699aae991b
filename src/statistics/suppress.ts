// Small-cell suppression over a whole cube: the requested table and every table of fewer
// dimensions (its margins), which a caller can always request separately.
//
// Each table's pattern depends only on the tables below it, computed the same way, so a table
// gets the same suppression whichever query it is part of: a cell kept secret in one query
// cannot be recovered from the margins another query publishes. See docs/statistics.md.
//
// Rules, per table, iterated to a fixed point:
//  1. primary: 0 < count < k is suppressed;
//  2. every "line" (the cells sharing all values but one dimension's, whose sum is the margin
//     cell one table down) holding a suppressed cell must hold at least two, and their sum should
//     reach k, so margin - published neither gives one cell nor pins several to tiny values
//     (when no cover is left, a sum below k is accepted unless it pins every cell to 1);
//  3. a line whose margin is suppressed must hold a suppressed cell, or the line would publish it;
//  4. the cell suppressed to satisfy 2 or 3 is a published one in the line whose value would not
//     come straight back out of another of its lines (a cell alone in a line equals that margin;
//     a cell that would be the only hidden one beside public cells equals margin - published):
//     one that also helps another line short of hidden cells if any, else the smallest.
// A table where a value would still come out exactly is withheld whole (every cell suppressed).

/** A cell: values per cube dimension (null where the table aggregates over it) and its count. */
export interface Cell {
  values: (string | null)[];
  n: number;
}

/** A table of the cube by dimension bitmask; cells with count 0 are absent. */
export type Cube = Map<number, Map<string, Cell>>;

export interface TablePattern {
  suppressed: Set<string>;
  /** True when the rules could not be met and every cell is suppressed. */
  withheld: boolean;
}

/** A dimension that is a function of another (regency -> province), by cube dimension index. */
export interface Hierarchy {
  child: number;
  parent: number;
  parentOf(value: string): string;
}

export const cellKey = (values: readonly (string | null)[]): string => JSON.stringify(values);

const bit = (d: number) => 1 << d;
const popcount = (m: number) => {
  let c = 0;
  for (let x = m; x; x &= x - 1) c++;
  return c;
};

interface Line {
  cells: string[];
  marginSuppressed: boolean;
}

export function suppressCube(dimCount: number, cube: Cube, k: number, hierarchies: readonly Hierarchy[] = []): Map<number, TablePattern> {
  const result = new Map<number, TablePattern>();
  const masks = Array.from({ length: 1 << dimCount }, (_, m) => m);
  // Smaller tables first; at equal size, tables without a child dimension first, because a
  // table with a regency but no province is checked against the same table by province.
  const hasChild = (m: number) => hierarchies.some((h) => m & bit(h.child) && !(m & bit(h.parent)));
  masks.sort((a, b) => popcount(a) - popcount(b) || Number(hasChild(a)) - Number(hasChild(b)) || a - b);

  const isSuppressed = (mask: number, key: string) => result.get(mask)?.suppressed.has(key) ?? false;

  for (const mask of masks) {
    // Cells in value order: lines are visited in this order and the greedy choices depend on it,
    // so it must not depend on the order the database returned the rows in.
    const byValues = (c: Cell) => JSON.stringify(c.values.filter((v) => v !== null));
    const cells = new Map([...(cube.get(mask) ?? new Map<string, Cell>()).entries()].sort(([, a], [, b]) => (byValues(a) < byValues(b) ? -1 : byValues(a) > byValues(b) ? 1 : 0)));
    const suppressed = new Set<string>();
    for (const [key, c] of cells) if (c.n > 0 && c.n < k) suppressed.add(key);
    if (mask === 0) {
      result.set(mask, { suppressed, withheld: false });
      continue;
    }

    const lines: Line[] = [];
    const linesOf = new Map<string, number[]>();
    const addLine = (marginMask: number, marginKeyOf: (c: Cell) => string) => {
      const groups = new Map<string, string[]>();
      for (const [key, c] of cells) {
        const mk = marginKeyOf(c);
        const g = groups.get(mk);
        if (g) g.push(key);
        else groups.set(mk, [key]);
      }
      for (const [mk, keys] of groups) {
        const id = lines.push({ cells: keys, marginSuppressed: isSuppressed(marginMask, mk) }) - 1;
        for (const key of keys) {
          const l = linesOf.get(key);
          if (l) l.push(id);
          else linesOf.set(key, [id]);
        }
      }
    };
    for (let d = 0; d < dimCount; d++) {
      if (!(mask & bit(d))) continue;
      addLine(mask & ~bit(d), (c) => cellKey(c.values.map((v, i) => (i === d ? null : v))));
    }
    for (const h of hierarchies) {
      if (!(mask & bit(h.child)) || mask & bit(h.parent)) continue;
      addLine((mask & ~bit(h.child)) | bit(h.parent), (c) =>
        cellKey(c.values.map((v, i) => (i === h.child ? null : i === h.parent ? h.parentOf(c.values[h.child]!) : v))),
      );
    }

    const count = (key: string) => cells.get(key)!.n;
    // Ties break on the cell's values alone, so the choice is the same in every cube it is part of.
    const tie = (key: string) => byValues(cells.get(key)!);
    // A cell alone in a line whose margin is published has a public value.
    const isPublic = (key: string, except: number) =>
      (linesOf.get(key) ?? []).some((id) => id !== except && lines[id]!.cells.length === 1 && !lines[id]!.marginSuppressed);
    // A cover must not come straight back out of another of its lines: one with a published
    // margin where it would be the only hidden cell and nothing else could be hidden beside it.
    const usableCover = (key: string, except: number) =>
      (linesOf.get(key) ?? []).every((id) => {
        if (id === except) return true;
        const other = lines[id]!;
        if (other.marginSuppressed || other.cells.some((c) => c !== key && suppressed.has(c))) return true;
        return other.cells.some((c) => c !== key && !isPublic(c, id));
      });
    const needsMore = (line: Line) => {
      const hidden = line.cells.filter((c) => suppressed.has(c));
      if (hidden.length === 0) return line.marginSuppressed;
      if (hidden.length === 1) return true;
      return hidden.reduce((s, c) => s + count(c), 0) < k;
    };

    let withheld = false;
    for (let changed = true; changed && !withheld; ) {
      changed = false;
      lines.forEach((line, id) => {
        if (withheld || !needsMore(line)) return;
        // Prefer a cell that also covers another line still short of hidden cells, then the
        // smallest count, then the key (deterministic, so every query agrees).
        const helps = (c: string) => (linesOf.get(c) ?? []).filter((l) => l !== id && needsMore(lines[l]!)).length;
        const cover = line.cells
          .filter((c) => !suppressed.has(c) && usableCover(c, id))
          .map((c) => ({ c, helps: helps(c), n: count(c), tie: tie(c) }))
          .sort((a, b) => b.helps - a.helps || a.n - b.n || (a.tie < b.tie ? -1 : a.tie > b.tie ? 1 : 0))[0]?.c;
        if (cover !== undefined) {
          suppressed.add(cover);
          changed = true;
          return;
        }
        // No usable cover. Withhold the table if the line now gives a value away exactly: a
        // hidden margin (no hidden cell), a single hidden cell beside a published margin, or
        // hidden cells that can only all be 1. A sum below k otherwise stays a range (documented).
        const hidden = line.cells.filter((c) => suppressed.has(c));
        const sum = hidden.reduce((s, c) => s + count(c), 0);
        if (hidden.length === 0 || (!line.marginSuppressed && (hidden.length === 1 || sum === hidden.length))) withheld = true;
      });
    }
    result.set(mask, withheld ? { suppressed: new Set(cells.keys()), withheld } : { suppressed, withheld });
  }
  return result;
}
