// Reference values computed by the `phik` package v0.12.5 itself (phik_matrix with bins=10,
// dropna=True; see test/fixtures/phik/SOURCE.md), reproduced through Encore's SQL path:
// tables exactly, φK to the 5e-5 that file recommends (phik's root is only within xtol = 1e-5).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDBEngine } from "../engine/duckdb/engine.js";
import { quoteIdent, quoteLiteral } from "../engine/sql.js";
import { contingencySql, type LevelSpec } from "../queries/correlation.js";
import { phikBinEdges } from "../stats/phik-binning.js";
import { correlationOf } from "./correlation.js";
import type { CorrelationFeature } from "./correlation-features.js";
import { pairKey, pairTables } from "./correlation-tables.js";

interface Fixture {
  interval_cols: string[];
  categorical_cols: string[];
  csv_columns: string[];
  dropped_columns: { column: string }[];
  results: {
    noise_correction: boolean;
    matrix: { columns: string[]; values: (number | null)[][] };
  }[];
  bin_edges: Record<string, { min: number; max: number; edges: number[] }>;
  pairs: { x: string; y: string; table?: number[][] }[];
}

const fixturePath = (file: string) =>
  fileURLToPath(new URL(`../../test/fixtures/phik/${file}`, import.meta.url));

const CASES = [
  { name: "e_user_table", target: "total_orders" },
  { name: "f_edge_cases", target: "x" },
];

describe.each(CASES)("φK through SQL reproduces phik on $name", ({ name, target }) => {
  const fixture = JSON.parse(readFileSync(fixturePath(`${name}.expected.json`), "utf8")) as Fixture;
  const kindOf = (column: string) =>
    fixture.interval_cols.includes(column) ? ("interval" as const) : ("categorical" as const);
  const features: CorrelationFeature[] = fixture.csv_columns.map((column) => ({
    name: column,
    kind: kindOf(column),
  }));
  let engine: DuckDBEngine;

  beforeAll(async () => {
    engine = await DuckDBEngine.open({ threads: 1 });
    const types = fixture.csv_columns.map(
      (c) => `${quoteLiteral(c)}: ${quoteLiteral(kindOf(c) === "interval" ? "DOUBLE" : "VARCHAR")}`,
    );
    await engine.run(`CREATE TABLE ${quoteIdent(name)} AS SELECT * FROM read_csv(
      ${quoteLiteral(fixturePath(`${name}.csv`))}, header = true, columns = {${types.join(", ")}})`);
  });
  afterAll(() => engine.close());

  it("bins in SQL into exactly phik's contingency tables", async () => {
    const kept = features.filter((f) => fixture.results[0]?.matrix.columns.includes(f.name));
    const specs = kept.map((f): LevelSpec => {
      if (f.kind === "categorical") return { kind: "categorical", column: f.name };
      const bins = fixture.bin_edges[f.name];
      const edges = phikBinEdges(bins?.min ?? 0, bins?.max ?? 0);
      expect(edges).toEqual(bins?.edges);
      return { kind: "interval", column: f.name, edges };
    });
    const query = contingencySql(engine.dialect, name, specs);
    const tables = pairTables(await engine.all(query.sql, query.params), specs.length);
    const names = kept.map((f) => f.name);
    let compared = 0;
    for (const pair of fixture.pairs) {
      if (!pair.table) continue;
      const key = pairKey(names.indexOf(pair.x), names.indexOf(pair.y));
      expect(tables.get(key), `${pair.x} × ${pair.y}`).toEqual(pair.table);
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });

  it("gives phik's matrix with the noise correction, dropping constant columns", async () => {
    const section = await correlationOf(engine, name, features, target);
    const want = fixture.results.find((r) => r.noise_correction)?.matrix;
    expect(section?.features).toEqual(want?.columns);
    expect(fixture.csv_columns.filter((c) => !section?.features.includes(c))).toEqual(
      fixture.dropped_columns.map((d) => d.column),
    );
    want?.values.forEach((line, i) => {
      line.forEach((value, j) => {
        const got = section?.phik.matrix[i]?.[j];
        if (value === null) expect(got).toBeNull();
        else expect(Math.abs((got ?? Number.NaN) - value)).toBeLessThanOrEqual(5e-5);
      });
    });
  });
});
