import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { duckdbDialect, MULTIBYTE_SPACES } from "./dialect.js";
import { DuckDBEngine } from "./engine.js";

let engine: DuckDBEngine;
beforeAll(async () => {
  engine = await DuckDBEngine.open({ threads: 1 });
});
afterAll(() => engine.close());

/** The dialect's trim and DuckDB's trim() of each value, side by side. */
async function bothTrims(values: readonly (string | null)[]): Promise<[unknown, unknown][]> {
  await engine.run("DROP TABLE IF EXISTS texts");
  await engine.run("CREATE TABLE texts (i INTEGER, v VARCHAR)");
  for (const [i, v] of values.entries()) {
    await engine.run("INSERT INTO texts VALUES ($1, $2)", [i, v]);
  }
  const rows = await engine.all(
    `SELECT ${duckdbDialect.trim("v")} AS fast, trim(v) AS slow FROM texts ORDER BY i`,
  );
  return rows.map((r) => [r.fast, r.slow]);
}

describe("the DuckDB dialect's trim", () => {
  it("knows every code point trim() removes: ' ' and the multi-byte spaces it lists", async () => {
    // Every code point but the surrogates, which are no characters (a letter stands in).
    const [row] = await engine.all(`
      SELECT string_agg(CAST(cp AS VARCHAR), ',' ORDER BY cp) AS cps
      FROM (
        SELECT cp, CASE WHEN cp BETWEEN 55296 AND 57343 THEN 'y' ELSE chr(cp) END AS c
        FROM (SELECT CAST(range AS INTEGER) AS cp FROM range(1, 1114112)) AS r
      ) AS chars
      WHERE trim('x' || c) = 'x' OR trim(c || 'x') = 'x'`);
    expect(String(row?.cps).split(",").map(Number)).toEqual([0x20, ...MULTIBYTE_SPACES]);
  });

  it("gives trim()'s answer at the edges: every space, tabs, letters, NULL and the empty string", async () => {
    const spaces = [" ", ...MULTIBYTE_SPACES.map((cp) => String.fromCodePoint(cp))];
    const values: (string | null)[] = [
      null,
      "",
      "x",
      "rub",
      "\tx\t",
      "x\n",
      "é",
      "xé",
      "éx",
      "x\u0301",
      "x😀",
      "~x!",
      ...spaces.flatMap((s) => [s, `${s}x`, `x${s}`, `${s}x${s}`, `xé${s}`, `${s}${s}`]),
    ];
    const pairs = await bothTrims(values);
    expect(pairs.filter(([fast, slow]) => fast !== slow)).toEqual([]);
    expect(pairs.length).toBe(values.length);
  });

  it("gives trim()'s answer on random text of letters, spaces, tabs and other scripts", async () => {
    const alphabet = ["a", "1", "-", " ", "\t", "é", "ж", "😀", "\u00a0", "\u2003", "\u3000"];
    const text = fc
      .array(fc.constantFrom(...alphabet), { maxLength: 6 })
      .map((chars) => chars.join(""));
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 30 }), async (values) => {
        const pairs = await bothTrims(values);
        expect(pairs.filter(([fast, slow]) => fast !== slow)).toEqual([]);
      }),
      { numRuns: 25, seed: 7 },
    );
  });
});
