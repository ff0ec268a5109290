import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChdbForTest, openChdb } from "../../../test/chdb-engine.js";
import type { Dialect } from "../dialect.js";
import { DuckDBEngine } from "../duckdb/engine.js";
import type { Engine, SqlValue } from "../engine.js";
import { clickhouseDialect as ch } from "./dialect.js";

describe("the ClickHouse dialect's SQL", () => {
  it("writes each method as ClickHouse SQL", () => {
    expect(ch.daysBetween("a", "b")).toBe("dateDiff('day', toDate32(a), toDate32(b))");
    expect(ch.isoWeekday("d")).toBe("toDayOfWeek(d)");
    expect(ch.dateText("d")).toBe("toString(toDate32(d))");
    expect(ch.percentileCont("0.5", "x")).toBe(
      "quantileExactInclusive(0.5)(CAST(x AS Nullable(Float64)))",
    );
    expect(ch.fullMatch("t", "[a-z]+")).toBe("CAST(match(t, '^([a-z]+)$') AS Nullable(Bool))");
    expect(ch.firstBy(["k1", "k2"], "v")).toBe(
      "argMinIf(toNullable(v), tuple(isNull(k1), assumeNotNull(k1), isNull(k2), assumeNotNull(k2)), isNotNull(v))",
    );
    expect(ch.secondSmallest("v")).toBe("arrayElementOrNull(groupArraySorted(2)(v), 2)");
    expect([ch.doubleType, ch.textType]).toEqual(["Nullable(Float64)", "Nullable(String)"]);
  });

  it("guards every parse behind a pattern, with functions that never raise", () => {
    expect(ch.tryTimestamp("t")).toMatchInlineSnapshot(
      `"if(match(t, '^(([0-9]{4}-((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))|([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[048]|[2468][048]|[13579][26])00)-02-29)([ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]+)?)?)?)$') AND NOT startsWith(t, '0000'), if(length(t) = 16, toDateTime64OrNull(concat(replaceOne(t, 'T', ' '), ':00'), 6, 'UTC'), toDateTime64OrNull(substring(replaceOne(t, 'T', ' '), 1, 26), 6, 'UTC')), NULL)"`,
    );
    expect(ch.tryDouble("t")).toMatchInlineSnapshot(
      `"if(match(t, '^([+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?)$') AND isFinite(toFloat64OrNull(t)), toFloat64OrNull(t), NULL)"`,
    );
    expect(ch.roundMoney("s")).toMatchInlineSnapshot(
      `"if(isFinite(if(abs((s * 1e6) - trunc((s * 1e6))) >= 0.5, trunc((s * 1e6)) + sign((s * 1e6)), trunc((s * 1e6))) / 1e6), if(abs((s * 1e6) - trunc((s * 1e6))) >= 0.5, trunc((s * 1e6)) + sign((s * 1e6)), trunc((s * 1e6))) / 1e6, s)"`,
    );
  });
});

/** Texts that trip parsers: calendars, times, ranges, signs, spaces, and what is no number. */
const TEXTS = [
  "2024-06-01",
  "2024-02-29",
  "2023-02-29",
  "2024-02-30",
  "1900-02-29",
  "2000-02-29",
  "0000-02-29",
  "0000-01-01",
  "0001-01-01",
  "1899-12-31 23:59:59",
  "2299-12-31 23:59:59.999999",
  "2300-01-01",
  "9999-12-31 23:59:59",
  "9999-12-31 24:00",
  "2024-13-01",
  "2024-00-10",
  "2024-04-31",
  "2024-06-01T10:00",
  "2024-06-01 10:00",
  "2024-06-01 10:00:59",
  "2024-06-01 10:00:00.5",
  "2024-06-01 10:00:00.9999999",
  "2024-06-01T10:00:00.123456789",
  "2024-06-01 24:00",
  "2024-06-01 24:00:00",
  "2024-12-31T24:00",
  "2024-06-01 24:30",
  "2024-06-01 23:60",
  "2024-06-01 23:59:60",
  "2024-06-01 10:00+03",
  "2024-06-01 10:00:00Z",
  "2024-6-1",
  "1e400",
  "-1e400",
  "1e-400",
  "-1e-400",
  "1e-320",
  "2.2250738585072011e-308",
  "1.7976931348623157e308",
  "1.7976931348623159e308",
  "9007199254740993",
  "0.30000000000000004441",
  `0.${"0".repeat(400)}1`,
  `1${"0".repeat(400)}e-100`,
  "1e99999999999999999999",
  "1e-99999999999999999999",
  "-0",
  "-0.0e5",
  "+.5e1",
  ".5",
  "5.",
  "00012.50",
  "1E5",
  " 7 ",
  "7",
  "NaN",
  "inf",
  "Infinity",
  "0x10",
  "1_000",
  "1,5",
  "abc",
  "",
  null,
];

/** Instants outside ClickHouse's DateTime64 range (years 0001–9999) that DuckDB holds. */
const OUT_OF_RANGE = new Set(["0000-02-29", "0000-01-01"]);

async function evaluate(engine: Engine, expr: (d: Dialect, text: string) => string) {
  const rows = await engine.all(
    `SELECT id, ${expr(engine.dialect, "t")} AS v FROM inputs ORDER BY id`,
  );
  return rows.map((r) => r.v);
}

/** An instant as exact text: epoch microseconds. */
const epochMicros = (d: Dialect, ts: string) =>
  d.name === "duckdb"
    ? `CAST(epoch_us(${ts}) AS VARCHAR)`
    : `toString(toUnixTimestamp64Micro(${ts}))`;

describe("the ClickHouse dialect on chDB agrees with DuckDB", () => {
  let clickhouse: ChdbForTest;
  let duckdb: DuckDBEngine;

  beforeAll(async () => {
    duckdb = await DuckDBEngine.open();
    clickhouse = await openChdb();
    const rows = TEXTS.map((_, i) => `($${2 * i + 1}, $${2 * i + 2})`).join(", ");
    const params: SqlValue[] = TEXTS.flatMap((t, i) => [i, t]);
    for (const engine of [duckdb, clickhouse.engine]) {
      await engine.run(`CREATE TEMPORARY TABLE inputs (id INTEGER, t ${engine.dialect.textType})`);
      await engine.run(`INSERT INTO inputs VALUES ${rows}`, params);
    }
  });
  afterAll(async () => {
    await clickhouse?.close();
    await duckdb?.close();
  });

  const agree = async (expr: (d: Dialect, text: string) => string) => {
    const expected = await evaluate(duckdb, expr);
    expect(await evaluate(clickhouse.engine, expr)).toEqual(expected);
    return expected;
  };

  it("tryTimestamp: the same instants and the same NULLs (24:00 is none), but for year 0000", async () => {
    const expr = (d: Dialect, t: string) => epochMicros(d, d.tryTimestamp(t));
    const fromDuckdb = await evaluate(duckdb, expr);
    const fromClickhouse = await evaluate(clickhouse.engine, expr);
    expect(fromClickhouse).toEqual(
      fromDuckdb.map((v, i) => (OUT_OF_RANGE.has(TEXTS[i] as string) ? null : v)),
    );
    expect(TEXTS.filter((_, i) => fromClickhouse[i] !== null)).toEqual([
      "2024-06-01",
      "2024-02-29",
      "2000-02-29",
      "0001-01-01",
      "1899-12-31 23:59:59",
      "2299-12-31 23:59:59.999999",
      "2300-01-01",
      "9999-12-31 23:59:59",
      "2024-06-01T10:00",
      "2024-06-01 10:00",
      "2024-06-01 10:00:59",
      "2024-06-01 10:00:00.5",
      "2024-06-01 10:00:00.9999999",
      "2024-06-01T10:00:00.123456789",
    ]);
  });

  it("tryDouble: the same doubles, signed zeros and underflow included, NULL past the range", async () => {
    const parsed = await agree((d, t) => d.tryDouble(t));
    expect(Object.is(parsed[TEXTS.indexOf("-0")], -0)).toBe(true);
    expect(Object.is(parsed[TEXTS.indexOf("-1e-400")], -0)).toBe(true);
    expect(parsed[TEXTS.indexOf("1e400")]).toBeNull();
    expect(parsed[TEXTS.indexOf("9007199254740993")]).toBe(9007199254740992);
  });

  it("fullMatch: whole-text matches only", async () => {
    const matched = await agree((d, t) => d.fullMatch(t, "[0-9]+|a.c"));
    expect(matched[TEXTS.indexOf("7")]).toBe(true);
    expect(matched[TEXTS.indexOf(" 7 ")]).toBe(false);
  });

  it("periodStart, periodIndex and addDays: months and ISO weeks, across year ends", async () => {
    const inRange = "t NOT LIKE '0000%' AND t NOT LIKE '9999-12-31_24%' AND t < '9999'";
    const date = (d: Dialect, t: string) =>
      `CAST(CASE WHEN ${inRange} THEN ${d.tryTimestamp(t)} END AS ${d.name === "clickhouse" ? "Date32" : "DATE"})`;
    for (const period of ["month", "week"] as const) {
      await agree((d, t) => d.dateText(d.periodStart(date(d, t), period)));
      await agree((d, t) =>
        d.periodIndex(d.periodStart("DATE '1999-12-27'", period), date(d, t), period),
      );
    }
    await agree((d, t) => d.dateText(d.addDays(date(d, t), "45")));
  });

  it("dateText, isoWeekday and daysBetween on the parsed dates", async () => {
    // ClickHouse's DATE is Date (1970–2149), which pins what lies outside to its ends: Date32 holds
    // every date DuckDB's DATE holds from year 1 on (see the next test).
    const inRange = "t NOT LIKE '0000%'";
    const date = (d: Dialect, t: string) =>
      `CAST(CASE WHEN ${inRange} THEN ${d.tryTimestamp(t)} END AS ${d.name === "clickhouse" ? "Date32" : "DATE"})`;
    await agree((d, t) => d.dateText(date(d, t)));
    await agree((d, t) => d.isoWeekday(date(d, t)));
    await agree((d, t) => d.daysBetween(`DATE '2024-01-01'`, date(d, t)));
    await agree((d, t) =>
      d.daysBetween(
        `TIMESTAMP '2024-06-01 23:59:59'`,
        `CASE WHEN ${inRange} THEN ${d.tryTimestamp(t)} END`,
      ),
    );
  });

  it("a plain CAST AS DATE pins dates outside 1970–2149 to its ends in ClickHouse, so builders must use Date32", async () => {
    const [row] = await clickhouse.engine.all(
      "SELECT toString(CAST(toDate32('1969-12-31') AS DATE)) AS wrapped, toString(CAST(toDate32('1969-12-31') AS Date32)) AS kept",
    );
    expect(row).toEqual({ wrapped: "2149-06-06", kept: "1969-12-31" });
  });

  it("the aggregates: percentileCont, firstBy, secondSmallest, NULLs and empty groups", async () => {
    const rows = [
      [1, 3, 1, "c"],
      [1, 1, null, "b"],
      [1, 1, 0, "a"],
      [1, 0, 0, null],
      [2, 5, 5, "z"],
      [3, null, null, null],
      [4, 2, null, "q"],
      [4, 2, 7, "p"],
      [4, 2, 7, "p"],
      [4, 9, -1, "r"],
    ];
    const sql = (d: Dialect) =>
      `SELECT g, ${d.percentileCont("0.25", "k1")} AS p, ${d.percentileCont("0.5", "k2")} AS m,
        ${d.firstBy(["k1", "k2"], "v")} AS f, ${d.secondSmallest("k1")} AS s,
        ${d.secondSmallest("v")} AS sv
      FROM x GROUP BY g ORDER BY g`;
    const values = rows.map(
      (_, i) => `($${4 * i + 1}, $${4 * i + 2}, $${4 * i + 3}, $${4 * i + 4})`,
    );
    for (const engine of [duckdb, clickhouse.engine]) {
      const int = engine.dialect.name === "duckdb" ? "INTEGER" : "Nullable(Int32)";
      await engine.run(
        `CREATE TEMPORARY TABLE x (g ${int}, k1 ${int}, k2 ${int}, v ${engine.dialect.textType})`,
      );
      await engine.run(`INSERT INTO x VALUES ${values.join(", ")}`, rows.flat() as SqlValue[]);
    }
    const expected = await duckdb.all(sql(duckdb.dialect));
    expect(await clickhouse.engine.all(sql(ch))).toEqual(expected);
    expect(expected).toEqual([
      { g: 1, p: 0.75, m: 0, f: "a", s: 1, sv: "b" },
      { g: 2, p: 5, m: 5, f: "z", s: null, sv: null },
      { g: 3, p: null, m: null, f: null, s: null, sv: null },
      { g: 4, p: 2, m: 7, f: "p", s: 2, sv: "p" },
    ]);
  });

  it("roundMoney: DuckDB's rounding (halves away from zero, -0 kept, huge values as they are)", async () => {
    const values = [
      "0.1 + 0.2",
      "4523.1234565",
      "-12.0000004",
      "1e9 / 3",
      "2.5e-7",
      "-2.5e-7",
      "0.0000005",
      "-0.0000005",
      "1.0000005",
      "0.49999999999999994e-6",
      "-1e-9",
      "1e300",
      "-1e308",
      "123456789.1234565",
    ];
    const sql = (d: Dialect) =>
      values
        .map((v, i) => `SELECT ${i} AS i, ${d.roundMoney(`CAST(${v} AS ${d.doubleType})`)} AS r`)
        .join(" UNION ALL ");
    const fromDuck = await duckdb.all(`SELECT * FROM (${sql(duckdb.dialect)}) ORDER BY i`);
    const fromClickhouse = await clickhouse.engine.all(`SELECT * FROM (${sql(ch)}) ORDER BY i`);
    expect(fromClickhouse).toEqual(fromDuck);
    expect(Object.is(fromDuck[10]?.r, -0)).toBe(true);
    expect(fromDuck.slice(0, 5).map((r) => r.r)).toEqual([
      0.3, 4523.123457, -12, 333333333.333333, 0,
    ]);
  });
});
