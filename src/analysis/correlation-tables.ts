import type { Row } from "../engine/engine.js";

type Level = string | number | boolean;

/** Numbers ascending, then text by code point: phikTable's order, so the χ² sums run alike. */
function compareLevels(a: Level, b: Level): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "number") return -1;
  if (typeof b === "number") return 1;
  const [x, y] = [[...String(a)], [...String(b)]];
  for (let k = 0; k < Math.min(x.length, y.length); k++) {
    const d = (x[k]?.codePointAt(0) ?? 0) - (y[k]?.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** The key of the pair of features i < j in `pairTables`. */
export const pairKey = (i: number, j: number): string => `${i},${j}`;

/** The features whose grouping flag `g_k` is 0: the pair this row of a GROUPING SETS result counts. */
function pairOf(row: Row, features: number): [number, number] | null {
  const grouped: number[] = [];
  for (let k = 0; k < features; k++) if (row[`g_${k}`] === 0) grouped.push(k);
  const [i, j] = grouped;
  return grouped.length === 2 && i !== undefined && j !== undefined ? [i, j] : null;
}

/**
 * The contingency table of each pair of features from the rows of `contingencySql`
 * (ANALYSIS.md §8): rows with a NULL level in their pair are dropped (pairwise deletion, as
 * phik's dropna=True), and each table's rows and columns are the levels that occur, in
 * phikTable's order. Pairs without any complete row are absent.
 */
export function pairTables(rows: readonly Row[], features: number): Map<string, number[][]> {
  const cells = new Map<string, [Level, Level, number][]>();
  for (const row of rows) {
    const pair = pairOf(row, features);
    if (!pair) throw new RangeError(`invalid grouping row: ${JSON.stringify(row)}`);
    const a = row[`c_${pair[0]}`];
    const b = row[`c_${pair[1]}`];
    if (a === null || a === undefined || b === null || b === undefined) continue;
    const key = pairKey(pair[0], pair[1]);
    const list = cells.get(key) ?? [];
    cells.set(key, list);
    list.push([a, b, Number(row.n)]);
  }
  const out = new Map<string, number[][]>();
  for (const [key, list] of cells) out.set(key, tableOf(list));
  return out;
}

function tableOf(cells: readonly [Level, Level, number][]): number[][] {
  const xs = [...new Set(cells.map((c) => c[0]))].sort(compareLevels);
  const ys = [...new Set(cells.map((c) => c[1]))].sort(compareLevels);
  const table = xs.map(() => ys.map(() => 0));
  for (const [a, b, n] of cells) {
    const line = table[xs.indexOf(a)];
    const j = ys.indexOf(b);
    if (line) line[j] = (line[j] ?? 0) + n;
  }
  return table;
}

/**
 * `pairTables` from the rows of `levelKeysSql` (`key`, `n`): each key unpacked into the
 * features' codes with `radices`, each code turned into its level by `levels[i]` (null for a
 * NULL level, which leaves the user out of that feature's pairs), and every pair counted
 * here rather than in the database: the same tables, the same order of levels.
 */
export function keyedPairTables(
  rows: readonly Row[],
  radices: readonly number[],
  levels: readonly ((code: number) => Level | null)[],
): Map<string, number[][]> {
  const features = radices.length;
  // Per pair, the users of each pair of codes, flat: codes a, b at a·radix_j + b.
  const counts: Float64Array[] = [];
  for (let i = 0; i < features; i++) {
    for (let j = i + 1; j < features; j++) {
      counts.push(new Float64Array((radices[i] ?? 0) * (radices[j] ?? 0)));
    }
  }
  const missing = radices.map((r) => r - 1);
  const codes = new Int32Array(features);
  for (const row of rows) {
    let key = Number(row.key);
    const n = Number(row.n);
    for (let i = 0; i < features; i++) {
      const radix = radices[i] ?? 1;
      const code = key % radix;
      codes[i] = code;
      key = (key - code) / radix;
    }
    let p = 0;
    for (let i = 0; i < features; i++) {
      const a = codes[i] as number;
      for (let j = i + 1; j < features; j++, p++) {
        const b = codes[j] as number;
        if (a === missing[i] || b === missing[j]) continue;
        const table = counts[p] as Float64Array;
        const at = a * (radices[j] ?? 0) + b;
        table[at] = (table[at] as number) + n;
      }
    }
  }
  const out = new Map<string, number[][]>();
  let p = 0;
  for (let i = 0; i < features; i++) {
    for (let j = i + 1; j < features; j++, p++) {
      const table = counts[p] as Float64Array;
      const radix = radices[j] ?? 0;
      const cells: [Level, Level, number][] = [];
      for (let at = 0; at < table.length; at++) {
        const n = table[at] as number;
        if (n === 0) continue;
        const a = levels[i]?.(Math.floor(at / radix)) ?? null;
        const b = levels[j]?.(at % radix) ?? null;
        if (a === null || b === null) continue;
        cells.push([a, b, n]);
      }
      if (cells.length) out.set(pairKey(i, j), tableOf(cells));
    }
  }
  return out;
}
