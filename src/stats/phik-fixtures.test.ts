// Reference values computed by the `phik` package v0.12.5 itself (phik_matrix with
// bins=10, dropna=True; see test/fixtures/phik/SOURCE.md), checked at the tolerances
// that file recommends: φK to 5e-5 absolute (phik's own root is only within xtol = 1e-5),
// χ² to 1e-9 relative, and tables, bin edges and NaN positions exactly.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { phikFromTable } from "./phik.js";
import { phikBin, phikBinEdges } from "./phik-binning.js";
import { phikChi2 } from "./phik-chi2.js";
import { type PhikColumn, phikMatrix } from "./phik-matrix.js";
import { phikReferenceGrid } from "./phik-reference-grid.js";
import { type PhikLevel, phikTable } from "./phik-table.js";

const PHIK_ABS = 5e-5;
const CHI2_REL = 1e-9;
/** phik's cells come from scipy's Genz integrator, exact to about 1e-15 absolute. */
const CELL_ABS = 2e-15;
const MODEL_REL = 1e-7;

type Level = number | string;
type Grid = number[][];

interface ChiModel {
  pedestal: number;
  scale: number;
  curve: { rho: number; chi2: number }[];
  phik: number;
  theory_p_at_phik: Grid | null;
}

interface Pair {
  x: string;
  y: string;
  n: number;
  shape: [number, number];
  x_levels: Level[];
  y_levels: Level[];
  table?: Grid;
  yates_correction?: boolean;
  chi2?: number;
  pedestal?: number;
  chi2_max?: number;
  phik: { noise_correction_true: number | null; noise_correction_false: number | null };
  detail?: {
    theory_grid_x_edges: number[];
    theory_grid_y_edges: number[];
    theory_p_rho0: Grid;
    theory_p_rho1: Grid;
    theory_X1: number;
    chi2_model: { noise_correction_true: ChiModel; noise_correction_false: ChiModel };
  };
}

interface Fixture {
  csv: string;
  interval_cols: string[];
  categorical_cols: string[];
  dropped_columns: { column: string }[];
  results: {
    noise_correction: boolean;
    matrix: { columns: string[]; values: (number | null)[][] };
  }[];
  bin_edges: Record<
    string,
    {
      min: number;
      max: number;
      n_non_missing: number;
      edges: number[];
      counts: number[];
      values_on_or_near_an_interior_edge: { value: number; bin: number }[];
    }
  >;
  pairs: Pair[];
}

const DATA_SETS = [
  "a_independent_intervals",
  "b_bivariate_normal_rho05",
  "c_cat5_vs_interval",
  "d_cat3x4_moderate",
  "e_user_table",
  "f_edge_cases",
];

function readFixtureFile(name: string): string {
  return readFileSync(new URL(`../../test/fixtures/phik/${name}`, import.meta.url), "utf8");
}

function loadColumns(fixture: Fixture): PhikColumn[] {
  const [header = "", ...lines] = readFixtureFile(fixture.csv).split("\n");
  const rows = lines.filter((line) => line !== "").map((line) => line.split(","));
  return header.split(",").map((name, k) => {
    const interval = fixture.interval_cols.includes(name);
    const values = rows.map((row) => {
      const field = row[k] ?? "";
      if (field === "") return null;
      return interval ? Number(field) : field;
    });
    return { name, kind: interval ? "interval" : "categorical", values };
  });
}

/** The column as phik's levels: bin numbers for interval columns, text for categories. */
function levelsOf(column: PhikColumn): (PhikLevel | null)[] {
  if (column.kind === "categorical") return [...column.values];
  const present = column.values.filter((v): v is number => typeof v === "number");
  const edges = phikBinEdges(Math.min(...present), Math.max(...present));
  return column.values.map((v) => (typeof v === "number" ? phikBin(edges, v) : null));
}

function expectClose(actual: number, expected: number, abs: number, what: string): void {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(abs);
}

function expectGridClose(actual: Grid, expected: Grid, abs: number, what: string): void {
  expect(actual.length, what).toBe(expected.length);
  expected.forEach((row, i) => {
    row.forEach((v, j) => {
      expectClose(actual[i]?.[j] ?? Number.NaN, v, abs, `${what}[${i}][${j}]`);
    });
  });
}

describe.each(DATA_SETS)("φK fixture %s", (name) => {
  const fixture = JSON.parse(readFixtureFile(`${name}.expected.json`)) as Fixture;
  const columns = loadColumns(fixture);
  const byName = new Map(columns.map((c) => [c.name, c]));

  it("computes phik's bin edges exactly and puts every value in phik's bin", () => {
    for (const [column, expected] of Object.entries(fixture.bin_edges)) {
      const values = (byName.get(column)?.values ?? []).filter(
        (v): v is number => typeof v === "number",
      );
      expect(values.length).toBe(expected.n_non_missing);
      const edges = phikBinEdges(Math.min(...values), Math.max(...values));
      expect(edges).toEqual(expected.edges);
      const counts = edges.slice(1).map(() => 0);
      for (const v of values) {
        const bin = phikBin(edges, v);
        counts[bin - 1] = (counts[bin - 1] ?? 0) + 1;
      }
      expect(counts).toEqual(expected.counts);
      for (const { value, bin } of expected.values_on_or_near_an_interior_edge) {
        expect(phikBin(edges, value), `${column} = ${value}`).toBe(bin);
      }
    }
  });

  it("builds each pair's table from the levels that occur after pairwise deletion", () => {
    for (const pair of fixture.pairs) {
      const x = byName.get(pair.x);
      const y = byName.get(pair.y);
      if (!x || !y) throw new Error(`fixture pair ${pair.x} × ${pair.y}: unknown column`);
      const table = phikTable(levelsOf(x), levelsOf(y));
      expect(table.xLevels, `${pair.x} × ${pair.y}`).toEqual(pair.x_levels);
      expect(table.yLevels, `${pair.x} × ${pair.y}`).toEqual(pair.y_levels);
      expect(table.counts.flat().reduce((s, v) => s + v, 0)).toBe(pair.n);
      if (pair.table) expect(table.counts).toEqual(pair.table);
    }
  });

  it("gives phik's Pearson χ², Yates-corrected on 2×2 tables only, and its pedestal", () => {
    for (const pair of fixture.pairs) {
      if (!pair.table || pair.chi2 === undefined) continue;
      const [r, c] = pair.shape;
      expect(pair.yates_correction).toBe(r === 2 && c === 2);
      const chi2 = phikChi2(pair.table);
      expect(Math.abs(chi2 - pair.chi2), `${pair.x} × ${pair.y}`).toBeLessThanOrEqual(
        CHI2_REL * pair.chi2,
      );
      expect(pair.pedestal).toBe((r - 1) * (c - 1));
      expect(pair.chi2_max).toBe(pair.n * Math.min(r - 1, c - 1));
    }
  });

  it.each([true, false])("matches phik per table (noise correction %s)", (noiseCorrection) => {
    for (const pair of fixture.pairs) {
      const key = noiseCorrection ? "noise_correction_true" : "noise_correction_false";
      const expected = pair.phik[key];
      if (!pair.table) {
        expect(expected).toBeNull();
        continue;
      }
      const actual = phikFromTable(pair.table, { noiseCorrection });
      if (expected === null) expect(actual).toBeNaN();
      else expectClose(actual, expected, PHIK_ABS, `${pair.x} × ${pair.y}`);
    }
  });

  it.each([true, false])(
    "matches phik_matrix entry by entry (noise correction %s)",
    (noiseCorrection) => {
      const expected = fixture.results.find((r) => r.noise_correction === noiseCorrection)?.matrix;
      if (!expected)
        throw new Error(`fixture ${name}: no matrix for noise_correction=${noiseCorrection}`);
      const result = phikMatrix(columns, { noiseCorrection });
      expect(result.names).toEqual(expected.columns);
      expect(result.dropped).toEqual(fixture.dropped_columns.map((d) => d.column));
      expected.values.forEach((row, i) => {
        row.forEach((v, j) => {
          const actual = result.matrix[i]?.[j];
          if (v === null) expect(actual, `[${i}][${j}]`).toBeNull();
          else expectClose(actual ?? Number.NaN, v, PHIK_ABS, `[${i}][${j}]`);
        });
      });
    },
  );

  it("reproduces phik's binned bivariate normal and calibrated χ² curve", () => {
    for (const pair of fixture.pairs) {
      const detail = pair.detail;
      if (!detail) continue;
      const [r, c] = pair.shape;
      const grid = phikReferenceGrid(r, c);
      expect(grid.xEdges).toEqual(detail.theory_grid_x_edges);
      expect(grid.yEdges).toEqual(detail.theory_grid_y_edges);
      expectGridClose(grid.cells(0), detail.theory_p_rho0, CELL_ABS, "p0");
      expectGridClose(grid.cells(1), detail.theory_p_rho1, CELL_ABS, "p1");
      // X(1) divides by cells as small as 1e-9 (10 × 10), which turns phik's 1e-16 absolute
      // error per cell into about 1e-8 relative; the exact product cells used here for
      // rho = 0 are closer to the true value, so X(1) and what scales with it get 1e-7.
      const x1 = grid.chi2PerRecord(1);
      expectClose(x1, detail.theory_X1, MODEL_REL * detail.theory_X1, "X(1)");
      for (const model of Object.values(detail.chi2_model)) {
        const scale = (pair.n * Math.min(r - 1, c - 1) - model.pedestal) / (pair.n * x1);
        expectClose(scale, model.scale, MODEL_REL * model.scale, "scale");
        if (model.theory_p_at_phik) {
          expectGridClose(grid.cells(model.phik), model.theory_p_at_phik, CELL_ABS, "p at φK");
        }
        for (const { rho, chi2 } of model.curve) {
          const modelled = model.pedestal + pair.n * grid.chi2PerRecord(rho) * scale;
          expectClose(modelled, chi2, MODEL_REL * Math.max(1, chi2), `χ²_model(${rho})`);
        }
      }
    }
  });
});
