import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PgCluster, startPgCluster } from "../../../test/pg-cluster.js";
import type { Dialect } from "../dialect.js";
import { DuckDBEngine } from "../duckdb/engine.js";
import type { Engine, SqlValue } from "../engine.js";
import { quoteLiteral } from "../sql.js";
import { postgresDialect as pg } from "./dialect.js";
import { PostgresEngine } from "./engine.js";

describe("the PostgreSQL dialect's SQL", () => {
  it("writes each method as PostgreSQL SQL", () => {
    expect(pg.daysBetween("a", "b")).toBe("(CAST(b AS date) - CAST(a AS date))");
    expect(pg.isoWeekday("d")).toBe("CAST(EXTRACT(ISODOW FROM d) AS integer)");
    expect(pg.dateText("d")).toBe("to_char(d, 'YYYY-MM-DD')");
    expect(pg.percentileCont("0.5", "x")).toBe(
      "percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(x AS double precision))",
    );
    expect(pg.fullMatch("t", "[a-z]+")).toBe("(t ~ '^([a-z]+)$')");
    expect(pg.firstBy(["k1", "k2"], "v")).toBe(
      "(array_agg(v ORDER BY k1, k2) FILTER (WHERE v IS NOT NULL))[1]",
    );
    expect(pg.secondSmallest("v")).toBe(
      "(array_agg(v ORDER BY v) FILTER (WHERE v IS NOT NULL))[2]",
    );
    expect(pg.roundMoney("s")).toBe("CAST(round(CAST(s AS numeric), 6) AS double precision)");
    expect([pg.doubleType, pg.textType]).toEqual(["double precision", "text"]);
  });

  it("guards every cast behind a CASE that hands it valid text only", () => {
    expect(pg.tryTimestamp("t")).toMatchInlineSnapshot(
      `"CAST(CASE WHEN t ~ '^(([0-9]{4}-((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))|([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[048]|[2468][048]|[13579][26])00)-02-29)([ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]+)?)?)?)$' THEN CASE WHEN t LIKE '0000%' THEN '0001' || substr(regexp_replace(t, '([.][0-9]{6})[0-9]+$', '\\1'), 5) || ' BC' ELSE regexp_replace(t, '([.][0-9]{6})[0-9]+$', '\\1') END END AS timestamp)"`,
    );
    expect(pg.tryDouble("t")).toMatchInlineSnapshot(
      `"CAST(CASE WHEN t ~ '^([+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?)$' THEN CASE WHEN jsonb_path_exists(to_jsonb(CAST(t AS text)), '$.double()', '{}', true) THEN t WHEN CASE WHEN length(ltrim(coalesce(substring(t from '[eE][+-]?([0-9]+)$'), ''), '0')) > 9 THEN (t ~ '[eE]-') ELSE (CASE WHEN (t ~ '[eE]-') THEN -1 ELSE 1 END) * CAST('0' || ltrim(coalesce(substring(t from '[eE][+-]?([0-9]+)$'), ''), '0') AS bigint) + CASE WHEN ltrim(substring(t from '^[+-]?([0-9]*)'), '0') <> '' THEN length(ltrim(substring(t from '^[+-]?([0-9]*)'), '0')) - 1 ELSE length(ltrim(coalesce(substring(t from '[.]([0-9]*)'), ''), '0')) - length(coalesce(substring(t from '[.]([0-9]*)'), '')) - 1 END < 0 END THEN CASE WHEN t LIKE '-%' THEN '-0' ELSE '0' END END END AS double precision)"`,
    );
  });
});

const TEXTS = [
  "2024-06-01",
  "2024-02-29",
  "2023-02-29",
  "2024-02-30",
  "1900-02-29",
  "2000-02-29",
  "0000-02-29",
  "0000-01-01",
  "2024-13-01",
  "2024-00-10",
  "2024-04-31",
  "2024-06-01T10:00",
  "2024-06-01 10:00:59",
  "2024-06-01 10:00:00.5",
  "2024-06-01 10:00:00.9999999",
  "2024-06-01 24:00",
  "2024-06-01 24:00:00",
  "2024-06-01 24:30",
  "2024-06-01 23:60",
  "2024-06-01 23:59:60",
  "2024-06-01 10:00+03",
  "2024-06-01 10:00:00Z",
  "1e400",
  "-1e400",
  "1e-400",
  "-1e-400",
  "1e-320",
  "1.7976931348623157e308",
  "1.7976931348623159e308",
  `0.${"0".repeat(400)}1`,
  `1${"0".repeat(400)}e-100`,
  "1e99999999999999999999",
  "1e-99999999999999999999",
  "-0",
  "+.5e1",
  "5.",
  "00012.50",
  " 7 ",
  "7",
  "NaN",
  "inf",
  "0x10",
  "1,5",
  "abc",
  "",
  null,
];

/** Each input through an expression, as the engine returns it; timestamps as epoch µs. */
async function evaluate(engine: Engine, expr: (d: Dialect, text: string) => string) {
  const rows = await engine.all(
    `SELECT id, ${expr(engine.dialect, "t")} AS v FROM inputs ORDER BY id`,
  );
  return rows.map((r) => r.v);
}

/** An instant as text, exact to the microsecond (years before 1 overflow a JS number). */
const epochMicros = (d: Dialect, ts: string) =>
  d.name === "duckdb"
    ? `CAST(epoch_us(${ts}) AS VARCHAR)`
    : `CAST(CAST(EXTRACT(EPOCH FROM ${ts}) * 1000000 AS bigint) AS text)`;

const cluster = await startPgCluster();

describe.skipIf(cluster === null)(
  "the PostgreSQL dialect on a real server agrees with DuckDB",
  () => {
    let postgres: PostgresEngine;
    let duckdb: DuckDBEngine;

    beforeAll(async () => {
      duckdb = await DuckDBEngine.open();
      postgres = await PostgresEngine.connect({
        connectionString: (cluster as PgCluster).url,
        readOnly: false,
      });
      const rows = TEXTS.map((_, i) => `($${2 * i + 1}, $${2 * i + 2})`).join(", ");
      const params: SqlValue[] = TEXTS.flatMap((t, i) => [i, t]);
      for (const engine of [duckdb, postgres]) {
        await engine.run(
          `CREATE TEMPORARY TABLE inputs (id INTEGER, t ${engine.dialect.textType})`,
        );
        await engine.run(`INSERT INTO inputs VALUES ${rows}`, params);
      }
    });
    afterAll(async () => {
      await postgres?.close();
      await duckdb?.close();
      await cluster?.stop();
    });

    const agree = async (
      expr: (d: Dialect, text: string) => string,
      fromDuckdb = (v: unknown) => v,
    ) => {
      const expected = (await evaluate(duckdb, expr)).map(fromDuckdb);
      expect(await evaluate(postgres, expr)).toEqual(expected);
      return expected;
    };

    it("tryTimestamp: the same instants, and NULL for the same texts", async () => {
      const parsed = await agree((d, t) => epochMicros(d, d.tryTimestamp(t)));
      expect(TEXTS.filter((_, i) => parsed[i] !== null)).toEqual([
        "2024-06-01",
        "2024-02-29",
        "2000-02-29",
        "0000-02-29",
        "0000-01-01",
        "2024-06-01T10:00",
        "2024-06-01 10:00:59",
        "2024-06-01 10:00:00.5",
        "2024-06-01 10:00:00.9999999",
      ]);
    });

    it("tryDouble: the same numbers (signed zeros and underflow included), NULL past the range", async () => {
      const parsed = await agree((d, t) => d.tryDouble(t));
      expect(Object.is(parsed[TEXTS.indexOf("-0")], -0)).toBe(true);
      expect(parsed[TEXTS.indexOf("1e400")]).toBeNull();
      expect(parsed[TEXTS.indexOf("1e-400")]).toBe(0);
    });

    it("never raises when PostgreSQL folds a constant input at plan time", async () => {
      for (const t of TEXTS) {
        const literal = t === null ? "CAST(NULL AS text)" : quoteLiteral(t);
        const [bound] = await postgres.all(
          `SELECT ${epochMicros(pg, pg.tryTimestamp("$1::text"))} AS ts, ${pg.tryDouble("$1::text")} AS x`,
          [t],
        );
        const [folded] = await postgres.all(
          `SELECT ${epochMicros(pg, pg.tryTimestamp(literal))} AS ts, ${pg.tryDouble(literal)} AS x`,
        );
        expect(folded).toEqual(bound);
      }
    });

    it("fullMatch: whole-text matches only", async () => {
      await agree((d, t) => d.fullMatch(t, "[0-9]+|a.c"));
    });

    it("dateText, isoWeekday and daysBetween on the parsed dates", async () => {
      // Years before 1 are left out: PostgreSQL's to_char has no year 0 to print 1 BC as.
      const date = (d: Dialect, t: string) =>
        `CAST(CASE WHEN t NOT LIKE '0000%' THEN ${d.tryTimestamp(t)} END AS DATE)`;
      await agree((d, t) => d.dateText(date(d, t)));
      await agree((d, t) => d.isoWeekday(date(d, t)));
      await agree((d, t) => d.daysBetween(`DATE '2024-01-01'`, date(d, t)));
      await agree((d, t) => d.daysBetween(`TIMESTAMP '2024-06-01 23:59:59'`, d.tryTimestamp(t)));
    });

    it("the aggregates: percentileCont, firstBy, secondSmallest", async () => {
      const groups = [
        `SELECT 1 AS g, 3 AS k1, 1 AS k2, 'c' AS v UNION ALL SELECT 1, 1, NULL, 'b'`,
        `UNION ALL SELECT 1, 1, 0, 'a' UNION ALL SELECT 1, 0, 0, NULL`,
        `UNION ALL SELECT 2, 5, 5, 'z'`,
      ].join(" ");
      const sql = (d: Dialect) =>
        `SELECT g, ${d.percentileCont("0.25", "k1")} AS p, ${d.firstBy(["k1", "k2"], "v")} AS f,
        ${d.secondSmallest("k1")} AS s, ${d.secondSmallest("v")} AS sv
      FROM (${groups}) AS x GROUP BY g ORDER BY g`;
      const expected = await duckdb.all(sql(duckdb.dialect));
      expect(await postgres.all(sql(pg))).toEqual(expected);
      expect(expected).toEqual([
        { g: 1, p: 0.75, f: "a", s: 1, sv: "b" },
        { g: 2, p: 5, f: "z", s: null, sv: null },
      ]);
    });

    it("roundMoney: the same millionth of a rouble in both engines", async () => {
      const values = ["0.1 + 0.2", "4523.1234565", "-12.0000004", "1e9 / 3", "2.5e-7"];
      const sql = (d: typeof duckdb.dialect) =>
        values
          .map((v, i) => `SELECT ${i} AS i, ${d.roundMoney(`CAST(${v} AS ${d.doubleType})`)} AS r`)
          .join(" UNION ALL ");
      const fromDuck = await duckdb.all(`${sql(duckdb.dialect)} ORDER BY i`);
      const fromPg = await postgres.all(`${sql(postgres.dialect)} ORDER BY i`);
      expect(fromPg).toEqual(fromDuck);
      expect(fromDuck.map((r) => r.r)).toEqual([0.3, 4523.123457, -12, 333333333.333333, 0]);
    });
  },
);
