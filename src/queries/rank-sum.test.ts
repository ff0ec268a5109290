import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DuckDBEngine } from "../engine/duckdb/engine.js";
import { mannWhitneyFromRankSum, mannWhitneyU } from "../stats/index.js";
import { rankSumSql } from "./rank-sum.js";

let engine: DuckDBEngine;
beforeAll(async () => {
  engine = await DuckDBEngine.open();
});
afterAll(() => engine.close());

it("sums ranks in SQL to the same Mann–Whitney test as the raw samples (ties included)", async () => {
  const sample = fc.array(
    fc.integer({ min: 0, max: 12 }).map((x) => x / 4),
    { minLength: 1, maxLength: 60 },
  );
  await fc.assert(
    fc.asyncProperty(sample, sample, async (x, y) => {
      const values = [
        ...x.map((v) => `(${v}, 1)`),
        ...y.map((v) => `(${v}, 2)`),
        "(NULL, 1)",
        "(7.0, 3)",
      ];
      await engine.run("DROP TABLE IF EXISTS s");
      await engine.run(`CREATE TABLE s AS SELECT * FROM (VALUES ${values.join(", ")}) t(v, g)`);
      const [row] = await engine.all(rankSumSql(engine.dialect, "s", "v", "g = 1", "g = 2"));
      const fromSql = mannWhitneyFromRankSum({
        n1: Number(row?.n1),
        n2: Number(row?.n2),
        rankSum1: Number(row?.rank_sum1),
        tieTerm: Number(row?.tie_term),
      });
      const direct = mannWhitneyU(x, y);
      expect(fromSql.u1).toBe(direct.u1);
      expect(fromSql.pValue).toBeCloseTo(direct.pValue, 12);
    }),
    { numRuns: 40, seed: 11 },
  );
});
