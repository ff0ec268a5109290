import { describe, expect, it } from "vitest";
import { inEveryDialect } from "./dialects.test-helpers.js";
import { everyBuilder } from "./every-builder.test-helpers.js";

/**
 * Every builder of src/queries as each dialect renders it (DuckDB, PostgreSQL, ClickHouse), with
 * the values it binds: a change to any statement shows here, dialect by dialect, for review (as
 * Evidence snapshots its SQL). The ClickHouse renderings are also parsed by ClickHouse itself
 * (clickhouse-parse.test.ts), and every engine runs them in the study tests.
 */
const rendered = (name: string) =>
  inEveryDialect((d) => {
    const built = everyBuilder(d)[name];
    if (built === undefined) throw new Error(`no builder ${name}`);
    return typeof built === "string"
      ? built.trim()
      : `${built.sql.trim()}\n-- bound: ${JSON.stringify(built.params)}`;
  });

/** The lines of builder `name` that differ from those of builder `base`, as each dialect renders them. */
const differing = (base: string, name: string) =>
  inEveryDialect((d) => {
    const before = String(everyBuilder(d)[base]).split("\n");
    const after = String(everyBuilder(d)[name]).split("\n");
    expect(after).toHaveLength(before.length);
    return after
      .filter((line, i) => line !== before[i])
      .map((line) => line.trim())
      .join("\n");
  });

describe("the SQL of every builder, in every dialect", () => {
  it("checkedOrdersSql, ids in text: only the order id is read otherwise than typed ids", () => {
    expect(differing("checkedOrdersSql", "checkedOrdersSql_textIds")).toMatchInlineSnapshot(`
      {
        "clickhouse": "NULLIF(trim(r."order_id"), '') AS x_order_id,",
        "duckdb": "NULLIF(CASE WHEN ord(r."order_id") BETWEEN 33 AND 126 AND NOT suffix(r."order_id", ' ') AND (strlen(r."order_id") = length(r."order_id") OR NOT (suffix(r."order_id", chr(160)) OR suffix(r."order_id", chr(5760)) OR suffix(r."order_id", chr(8192)) OR suffix(r."order_id", chr(8193)) OR suffix(r."order_id", chr(8194)) OR suffix(r."order_id", chr(8195)) OR suffix(r."order_id", chr(8196)) OR suffix(r."order_id", chr(8197)) OR suffix(r."order_id", chr(8198)) OR suffix(r."order_id", chr(8199)) OR suffix(r."order_id", chr(8200)) OR suffix(r."order_id", chr(8201)) OR suffix(r."order_id", chr(8202)) OR suffix(r."order_id", chr(8239)) OR suffix(r."order_id", chr(8287)) OR suffix(r."order_id", chr(12288)))) THEN r."order_id" ELSE trim(r."order_id") END, '') AS x_order_id,",
        "postgres": "NULLIF(trim(r."order_id"), '') AS x_order_id,",
      }
    `);
  });

  it("checkedOrdersSql, ids in text that are all integers: the order id is cast", () => {
    expect(differing("checkedOrdersSql", "checkedOrdersSql_integerIds")).toMatchInlineSnapshot(`
      {
        "clickhouse": "CAST(r."order_id" AS BIGINT) AS x_order_id,",
        "duckdb": "CAST(r."order_id" AS BIGINT) AS x_order_id,",
        "postgres": "CAST(r."order_id" AS BIGINT) AS x_order_id,",
      }
    `);
  });

  it("nonIntegerOrderIdSql", () => {
    expect(rendered("nonIntegerOrderIdSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT 1 AS found FROM enc_raw AS r
      WHERE r."order_id" IS NOT NULL AND NOT CAST(match(r."order_id", '^(-?[1-9][0-9]{0,17}|0)$') AS Nullable(Bool))
      LIMIT 1",
        "duckdb": "SELECT 1 AS found FROM enc_raw AS r
      WHERE r."order_id" IS NOT NULL AND NOT regexp_full_match(r."order_id", '-?[1-9][0-9]{0,17}|0')
      LIMIT 1",
        "postgres": "SELECT 1 AS found FROM enc_raw AS r
      WHERE r."order_id" IS NOT NULL AND NOT (r."order_id" ~ '^(-?[1-9][0-9]{0,17}|0)$')
      LIMIT 1",
      }
    `);
  });

  it("checkedOrdersSql", () => {
    expect(rendered("checkedOrdersSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "WITH parsed AS (
      SELECT e_row, x_user_id AS e_user_id, x_order_id AS e_order_id, CASE WHEN x_order_ts IS NULL THEN CAST(CAST(CAST(x_order_dt AS TIMESTAMP) AS DATE) AS TIMESTAMP) ELSE n_order_ts END AS e_order_ts,
        CASE WHEN n_revenue >= 0 AND n_revenue < 1000000000000000 THEN n_revenue END AS e_revenue,
        CASE WHEN x_tickets_count IS NULL THEN 1 WHEN n_tickets_count >= 1 AND n_tickets_count <= 2147483647 AND n_tickets_count = floor(n_tickets_count) THEN CAST(n_tickets_count AS INTEGER) END AS e_tickets_count,
        x_currency_code AS e_currency_code,
        CASE WHEN n_days_since_prev = floor(n_days_since_prev) AND abs(n_days_since_prev) < 1e9 THEN CAST(n_days_since_prev AS INTEGER) END AS e_days_since_prev_source
      FROM (
        SELECT e_row, x_user_id, x_order_id, x_currency_code, x_order_ts, x_order_dt, x_tickets_count,
          if(match(x_order_ts, '^(([0-9]{4}-((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))|([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[048]|[2468][048]|[13579][26])00)-02-29)([ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]+)?)?)?)$') AND NOT startsWith(x_order_ts, '0000'), if(length(x_order_ts) = 16, toDateTime64OrNull(concat(replaceOne(x_order_ts, 'T', ' '), ':00'), 6, 'UTC'), toDateTime64OrNull(substring(replaceOne(x_order_ts, 'T', ' '), 1, 26), 6, 'UTC')), NULL) AS n_order_ts,
          if(match(x_revenue, '^([+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?)$') AND isFinite(toFloat64OrNull(x_revenue)), toFloat64OrNull(x_revenue), NULL) AS n_revenue,
          if(match(x_tickets_count, '^([+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?)$') AND isFinite(toFloat64OrNull(x_tickets_count)), toFloat64OrNull(x_tickets_count), NULL) AS n_tickets_count,
          if(match(x_days_since_prev, '^([+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?)$') AND isFinite(toFloat64OrNull(x_days_since_prev)), toFloat64OrNull(x_days_since_prev), NULL) AS n_days_since_prev
        FROM (
          SELECT r."__encore_row" AS e_row,
            NULLIF(trim(r."user_id"), '') AS x_user_id,
            r."order_id" AS x_order_id,
            coalesce(lower(NULLIF(trim(r."currency_code"), '')), 'rub') AS x_currency_code,
            NULLIF(trim(r."order_ts"), '') AS x_order_ts,
            r."order_dt" AS x_order_dt,
            NULLIF(trim(r."revenue"), '') AS x_revenue,
            NULLIF(trim(r."tickets_count"), '') AS x_tickets_count,
            NULLIF(trim(r."days_since_prev"), '') AS x_days_since_prev
          FROM enc_raw AS r
        ) AS texts
      ) AS numbers
      ),
      dated AS (
        SELECT *, CAST(e_order_ts AS DATE) AS e_order_dt FROM parsed
      ),
      converted AS (
        SELECT dated.*, fx.rate AS e_rate, fx.nominal AS e_nominal, k.currency_no AS e_currency_no
        FROM dated
        LEFT JOIN enc_rate_currencies AS k ON k.currency_code = dated.e_currency_code
        LEFT JOIN enc_rates_daily AS fx ON fx.currency_code = dated.e_currency_code
          AND fx.rate_date = dated.e_order_dt
      ),
      reasoned AS (
        SELECT *, CASE
          WHEN e_user_id IS NULL THEN 1
          WHEN e_order_id IS NULL THEN 2
          WHEN e_order_ts IS NULL THEN 3
          WHEN e_revenue IS NULL THEN 4
          WHEN e_tickets_count IS NULL THEN 5
          WHEN e_currency_code <> 'rub' AND e_currency_no IS NULL THEN 6
          WHEN e_currency_code <> 'rub' AND e_rate IS NULL THEN 7
        END AS e_reason1
        FROM converted
      )
      SELECT e_row AS "__encore_row",
        ids.user_no, e_order_id AS order_id, e_order_ts AS order_ts,
        e_revenue AS revenue, e_tickets_count AS tickets_count,
        CAST(CASE WHEN e_currency_code = 'rub' THEN 0 ELSE e_currency_no END AS SMALLINT) AS currency_no,
        CASE WHEN e_currency_code = 'rub' THEN e_revenue ELSE e_revenue * e_rate / e_nominal END
          AS revenue_rub,
        e_days_since_prev_source AS days_since_prev_source,
        CAST(e_reason1 AS SMALLINT) AS reason
      FROM reasoned LEFT JOIN enc_user_ids AS ids ON ids.user_id = reasoned.e_user_id",
        "duckdb": "WITH parsed AS (
      SELECT e_row, x_user_id AS e_user_id, x_order_id AS e_order_id, CASE WHEN x_order_ts IS NULL THEN CAST(CAST(CAST(x_order_dt AS TIMESTAMP) AS DATE) AS TIMESTAMP) ELSE n_order_ts END AS e_order_ts,
        CASE WHEN n_revenue >= 0 AND n_revenue < 1000000000000000 THEN n_revenue END AS e_revenue,
        CASE WHEN x_tickets_count IS NULL THEN 1 WHEN n_tickets_count >= 1 AND n_tickets_count <= 2147483647 AND n_tickets_count = floor(n_tickets_count) THEN CAST(n_tickets_count AS INTEGER) END AS e_tickets_count,
        x_currency_code AS e_currency_code,
        CASE WHEN n_days_since_prev = floor(n_days_since_prev) AND abs(n_days_since_prev) < 1e9 THEN CAST(n_days_since_prev AS INTEGER) END AS e_days_since_prev_source
      FROM (
        SELECT e_row, x_user_id, x_order_id, x_currency_code, x_order_ts, x_order_dt, x_tickets_count,
          CASE WHEN m_order_ts THEN TRY_CAST(x_order_ts AS TIMESTAMP) ELSE CASE WHEN regexp_full_match(x_order_ts, '[0-9]{4}-[0-9]{2}-[0-9]{2}([ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]+)?)?)?') THEN TRY_CAST(x_order_ts AS TIMESTAMP) END END AS n_order_ts,
          CASE WHEN m_revenue THEN CASE WHEN isfinite(TRY_CAST(x_revenue AS DOUBLE)) THEN TRY_CAST(x_revenue AS DOUBLE) END ELSE CASE WHEN regexp_full_match(x_revenue, '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?') THEN CASE WHEN isfinite(TRY_CAST(x_revenue AS DOUBLE)) THEN TRY_CAST(x_revenue AS DOUBLE) END END END AS n_revenue,
          CASE WHEN m_tickets_count THEN CASE WHEN isfinite(TRY_CAST(x_tickets_count AS DOUBLE)) THEN TRY_CAST(x_tickets_count AS DOUBLE) END ELSE CASE WHEN regexp_full_match(x_tickets_count, '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?') THEN CASE WHEN isfinite(TRY_CAST(x_tickets_count AS DOUBLE)) THEN TRY_CAST(x_tickets_count AS DOUBLE) END END END AS n_tickets_count,
          CASE WHEN m_days_since_prev THEN CASE WHEN isfinite(TRY_CAST(x_days_since_prev AS DOUBLE)) THEN TRY_CAST(x_days_since_prev AS DOUBLE) END ELSE CASE WHEN regexp_full_match(x_days_since_prev, '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?') THEN CASE WHEN isfinite(TRY_CAST(x_days_since_prev AS DOUBLE)) THEN TRY_CAST(x_days_since_prev AS DOUBLE) END END END AS n_days_since_prev
        FROM (
          SELECT r."__encore_row" AS e_row,
            NULLIF(CASE WHEN ord(r."user_id") BETWEEN 33 AND 126 AND NOT suffix(r."user_id", ' ') AND (strlen(r."user_id") = length(r."user_id") OR NOT (suffix(r."user_id", chr(160)) OR suffix(r."user_id", chr(5760)) OR suffix(r."user_id", chr(8192)) OR suffix(r."user_id", chr(8193)) OR suffix(r."user_id", chr(8194)) OR suffix(r."user_id", chr(8195)) OR suffix(r."user_id", chr(8196)) OR suffix(r."user_id", chr(8197)) OR suffix(r."user_id", chr(8198)) OR suffix(r."user_id", chr(8199)) OR suffix(r."user_id", chr(8200)) OR suffix(r."user_id", chr(8201)) OR suffix(r."user_id", chr(8202)) OR suffix(r."user_id", chr(8239)) OR suffix(r."user_id", chr(8287)) OR suffix(r."user_id", chr(12288)))) THEN r."user_id" ELSE trim(r."user_id") END, '') AS x_user_id,
            r."order_id" AS x_order_id,
            coalesce(lower(NULLIF(trim(r."currency_code"), '')), 'rub') AS x_currency_code,
            CASE WHEN r."__encore_match_order_ts" THEN r."order_ts" ELSE NULLIF(CASE WHEN ord(r."order_ts") BETWEEN 33 AND 126 AND NOT suffix(r."order_ts", ' ') AND (strlen(r."order_ts") = length(r."order_ts") OR NOT (suffix(r."order_ts", chr(160)) OR suffix(r."order_ts", chr(5760)) OR suffix(r."order_ts", chr(8192)) OR suffix(r."order_ts", chr(8193)) OR suffix(r."order_ts", chr(8194)) OR suffix(r."order_ts", chr(8195)) OR suffix(r."order_ts", chr(8196)) OR suffix(r."order_ts", chr(8197)) OR suffix(r."order_ts", chr(8198)) OR suffix(r."order_ts", chr(8199)) OR suffix(r."order_ts", chr(8200)) OR suffix(r."order_ts", chr(8201)) OR suffix(r."order_ts", chr(8202)) OR suffix(r."order_ts", chr(8239)) OR suffix(r."order_ts", chr(8287)) OR suffix(r."order_ts", chr(12288)))) THEN r."order_ts" ELSE trim(r."order_ts") END, '') END AS x_order_ts,
            r."order_dt" AS x_order_dt,
            CASE WHEN r."__encore_match_revenue" THEN r."revenue" ELSE NULLIF(CASE WHEN ord(r."revenue") BETWEEN 33 AND 126 AND NOT suffix(r."revenue", ' ') AND (strlen(r."revenue") = length(r."revenue") OR NOT (suffix(r."revenue", chr(160)) OR suffix(r."revenue", chr(5760)) OR suffix(r."revenue", chr(8192)) OR suffix(r."revenue", chr(8193)) OR suffix(r."revenue", chr(8194)) OR suffix(r."revenue", chr(8195)) OR suffix(r."revenue", chr(8196)) OR suffix(r."revenue", chr(8197)) OR suffix(r."revenue", chr(8198)) OR suffix(r."revenue", chr(8199)) OR suffix(r."revenue", chr(8200)) OR suffix(r."revenue", chr(8201)) OR suffix(r."revenue", chr(8202)) OR suffix(r."revenue", chr(8239)) OR suffix(r."revenue", chr(8287)) OR suffix(r."revenue", chr(12288)))) THEN r."revenue" ELSE trim(r."revenue") END, '') END AS x_revenue,
            CASE WHEN r."__encore_match_tickets_count" THEN r."tickets_count" ELSE NULLIF(CASE WHEN ord(r."tickets_count") BETWEEN 33 AND 126 AND NOT suffix(r."tickets_count", ' ') AND (strlen(r."tickets_count") = length(r."tickets_count") OR NOT (suffix(r."tickets_count", chr(160)) OR suffix(r."tickets_count", chr(5760)) OR suffix(r."tickets_count", chr(8192)) OR suffix(r."tickets_count", chr(8193)) OR suffix(r."tickets_count", chr(8194)) OR suffix(r."tickets_count", chr(8195)) OR suffix(r."tickets_count", chr(8196)) OR suffix(r."tickets_count", chr(8197)) OR suffix(r."tickets_count", chr(8198)) OR suffix(r."tickets_count", chr(8199)) OR suffix(r."tickets_count", chr(8200)) OR suffix(r."tickets_count", chr(8201)) OR suffix(r."tickets_count", chr(8202)) OR suffix(r."tickets_count", chr(8239)) OR suffix(r."tickets_count", chr(8287)) OR suffix(r."tickets_count", chr(12288)))) THEN r."tickets_count" ELSE trim(r."tickets_count") END, '') END AS x_tickets_count,
            CASE WHEN r."__encore_match_days_since_prev" THEN r."days_since_prev" ELSE NULLIF(CASE WHEN ord(r."days_since_prev") BETWEEN 33 AND 126 AND NOT suffix(r."days_since_prev", ' ') AND (strlen(r."days_since_prev") = length(r."days_since_prev") OR NOT (suffix(r."days_since_prev", chr(160)) OR suffix(r."days_since_prev", chr(5760)) OR suffix(r."days_since_prev", chr(8192)) OR suffix(r."days_since_prev", chr(8193)) OR suffix(r."days_since_prev", chr(8194)) OR suffix(r."days_since_prev", chr(8195)) OR suffix(r."days_since_prev", chr(8196)) OR suffix(r."days_since_prev", chr(8197)) OR suffix(r."days_since_prev", chr(8198)) OR suffix(r."days_since_prev", chr(8199)) OR suffix(r."days_since_prev", chr(8200)) OR suffix(r."days_since_prev", chr(8201)) OR suffix(r."days_since_prev", chr(8202)) OR suffix(r."days_since_prev", chr(8239)) OR suffix(r."days_since_prev", chr(8287)) OR suffix(r."days_since_prev", chr(12288)))) THEN r."days_since_prev" ELSE trim(r."days_since_prev") END, '') END AS x_days_since_prev,
            r."__encore_match_order_ts" AS m_order_ts,
            r."__encore_match_revenue" AS m_revenue,
            r."__encore_match_tickets_count" AS m_tickets_count,
            r."__encore_match_days_since_prev" AS m_days_since_prev
          FROM (
            SELECT r.*, regexp_full_match(r."order_ts", '[0-9]{4}-[0-9]{2}-[0-9]{2}([ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]+)?)?)?') AS "__encore_match_order_ts", regexp_full_match(r."revenue", '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?') AS "__encore_match_revenue", regexp_full_match(r."tickets_count", '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?') AS "__encore_match_tickets_count", regexp_full_match(r."days_since_prev", '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?') AS "__encore_match_days_since_prev"
            FROM enc_raw AS r
          ) AS r
        ) AS texts
      ) AS numbers
      ),
      dated AS (
        SELECT *, CAST(e_order_ts AS DATE) AS e_order_dt FROM parsed
      ),
      converted AS (
        SELECT dated.*, fx.rate AS e_rate, fx.nominal AS e_nominal, k.currency_no AS e_currency_no
        FROM dated
        LEFT JOIN enc_rate_currencies AS k ON k.currency_code = dated.e_currency_code
        LEFT JOIN enc_rates_daily AS fx ON fx.currency_code = dated.e_currency_code
          AND fx.rate_date = dated.e_order_dt
      ),
      reasoned AS (
        SELECT *, CASE
          WHEN e_user_id IS NULL THEN 1
          WHEN e_order_id IS NULL THEN 2
          WHEN e_order_ts IS NULL THEN 3
          WHEN e_revenue IS NULL THEN 4
          WHEN e_tickets_count IS NULL THEN 5
          WHEN e_currency_code <> 'rub' AND e_currency_no IS NULL THEN 6
          WHEN e_currency_code <> 'rub' AND e_rate IS NULL THEN 7
        END AS e_reason1
        FROM converted
      )
      SELECT e_row AS "__encore_row",
        ids.user_no, e_order_id AS order_id, e_order_ts AS order_ts,
        e_revenue AS revenue, e_tickets_count AS tickets_count,
        CAST(CASE WHEN e_currency_code = 'rub' THEN 0 ELSE e_currency_no END AS SMALLINT) AS currency_no,
        CASE WHEN e_currency_code = 'rub' THEN e_revenue ELSE e_revenue * e_rate / e_nominal END
          AS revenue_rub,
        e_days_since_prev_source AS days_since_prev_source,
        CAST(e_reason1 AS SMALLINT) AS reason
      FROM reasoned LEFT JOIN enc_user_ids AS ids ON ids.user_id = reasoned.e_user_id",
        "postgres": "WITH parsed AS (
      SELECT e_row, x_user_id AS e_user_id, x_order_id AS e_order_id, CASE WHEN x_order_ts IS NULL THEN CAST(CAST(CAST(x_order_dt AS TIMESTAMP) AS DATE) AS TIMESTAMP) ELSE n_order_ts END AS e_order_ts,
        CASE WHEN n_revenue >= 0 AND n_revenue < 1000000000000000 THEN n_revenue END AS e_revenue,
        CASE WHEN x_tickets_count IS NULL THEN 1 WHEN n_tickets_count >= 1 AND n_tickets_count <= 2147483647 AND n_tickets_count = floor(n_tickets_count) THEN CAST(n_tickets_count AS INTEGER) END AS e_tickets_count,
        x_currency_code AS e_currency_code,
        CASE WHEN n_days_since_prev = floor(n_days_since_prev) AND abs(n_days_since_prev) < 1e9 THEN CAST(n_days_since_prev AS INTEGER) END AS e_days_since_prev_source
      FROM (
        SELECT e_row, x_user_id, x_order_id, x_currency_code, x_order_ts, x_order_dt, x_tickets_count,
          CAST(CASE WHEN x_order_ts ~ '^(([0-9]{4}-((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))|([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[048]|[2468][048]|[13579][26])00)-02-29)([ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]+)?)?)?)$' THEN CASE WHEN x_order_ts LIKE '0000%' THEN '0001' || substr(regexp_replace(x_order_ts, '([.][0-9]{6})[0-9]+$', '\\1'), 5) || ' BC' ELSE regexp_replace(x_order_ts, '([.][0-9]{6})[0-9]+$', '\\1') END END AS timestamp) AS n_order_ts,
          CAST(CASE WHEN x_revenue ~ '^([+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?)$' THEN CASE WHEN jsonb_path_exists(to_jsonb(CAST(x_revenue AS text)), '$.double()', '{}', true) THEN x_revenue WHEN CASE WHEN length(ltrim(coalesce(substring(x_revenue from '[eE][+-]?([0-9]+)$'), ''), '0')) > 9 THEN (x_revenue ~ '[eE]-') ELSE (CASE WHEN (x_revenue ~ '[eE]-') THEN -1 ELSE 1 END) * CAST('0' || ltrim(coalesce(substring(x_revenue from '[eE][+-]?([0-9]+)$'), ''), '0') AS bigint) + CASE WHEN ltrim(substring(x_revenue from '^[+-]?([0-9]*)'), '0') <> '' THEN length(ltrim(substring(x_revenue from '^[+-]?([0-9]*)'), '0')) - 1 ELSE length(ltrim(coalesce(substring(x_revenue from '[.]([0-9]*)'), ''), '0')) - length(coalesce(substring(x_revenue from '[.]([0-9]*)'), '')) - 1 END < 0 END THEN CASE WHEN x_revenue LIKE '-%' THEN '-0' ELSE '0' END END END AS double precision) AS n_revenue,
          CAST(CASE WHEN x_tickets_count ~ '^([+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?)$' THEN CASE WHEN jsonb_path_exists(to_jsonb(CAST(x_tickets_count AS text)), '$.double()', '{}', true) THEN x_tickets_count WHEN CASE WHEN length(ltrim(coalesce(substring(x_tickets_count from '[eE][+-]?([0-9]+)$'), ''), '0')) > 9 THEN (x_tickets_count ~ '[eE]-') ELSE (CASE WHEN (x_tickets_count ~ '[eE]-') THEN -1 ELSE 1 END) * CAST('0' || ltrim(coalesce(substring(x_tickets_count from '[eE][+-]?([0-9]+)$'), ''), '0') AS bigint) + CASE WHEN ltrim(substring(x_tickets_count from '^[+-]?([0-9]*)'), '0') <> '' THEN length(ltrim(substring(x_tickets_count from '^[+-]?([0-9]*)'), '0')) - 1 ELSE length(ltrim(coalesce(substring(x_tickets_count from '[.]([0-9]*)'), ''), '0')) - length(coalesce(substring(x_tickets_count from '[.]([0-9]*)'), '')) - 1 END < 0 END THEN CASE WHEN x_tickets_count LIKE '-%' THEN '-0' ELSE '0' END END END AS double precision) AS n_tickets_count,
          CAST(CASE WHEN x_days_since_prev ~ '^([+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?)$' THEN CASE WHEN jsonb_path_exists(to_jsonb(CAST(x_days_since_prev AS text)), '$.double()', '{}', true) THEN x_days_since_prev WHEN CASE WHEN length(ltrim(coalesce(substring(x_days_since_prev from '[eE][+-]?([0-9]+)$'), ''), '0')) > 9 THEN (x_days_since_prev ~ '[eE]-') ELSE (CASE WHEN (x_days_since_prev ~ '[eE]-') THEN -1 ELSE 1 END) * CAST('0' || ltrim(coalesce(substring(x_days_since_prev from '[eE][+-]?([0-9]+)$'), ''), '0') AS bigint) + CASE WHEN ltrim(substring(x_days_since_prev from '^[+-]?([0-9]*)'), '0') <> '' THEN length(ltrim(substring(x_days_since_prev from '^[+-]?([0-9]*)'), '0')) - 1 ELSE length(ltrim(coalesce(substring(x_days_since_prev from '[.]([0-9]*)'), ''), '0')) - length(coalesce(substring(x_days_since_prev from '[.]([0-9]*)'), '')) - 1 END < 0 END THEN CASE WHEN x_days_since_prev LIKE '-%' THEN '-0' ELSE '0' END END END AS double precision) AS n_days_since_prev
        FROM (
          SELECT r."__encore_row" AS e_row,
            NULLIF(trim(r."user_id"), '') AS x_user_id,
            r."order_id" AS x_order_id,
            coalesce(lower(NULLIF(trim(r."currency_code"), '')), 'rub') AS x_currency_code,
            NULLIF(trim(r."order_ts"), '') AS x_order_ts,
            r."order_dt" AS x_order_dt,
            NULLIF(trim(r."revenue"), '') AS x_revenue,
            NULLIF(trim(r."tickets_count"), '') AS x_tickets_count,
            NULLIF(trim(r."days_since_prev"), '') AS x_days_since_prev
          FROM enc_raw AS r OFFSET 0
        ) AS texts OFFSET 0
      ) AS numbers
      ),
      dated AS (
        SELECT *, CAST(e_order_ts AS DATE) AS e_order_dt FROM parsed
      ),
      converted AS (
        SELECT dated.*, fx.rate AS e_rate, fx.nominal AS e_nominal, k.currency_no AS e_currency_no
        FROM dated
        LEFT JOIN enc_rate_currencies AS k ON k.currency_code = dated.e_currency_code
        LEFT JOIN enc_rates_daily AS fx ON fx.currency_code = dated.e_currency_code
          AND fx.rate_date = dated.e_order_dt
      ),
      reasoned AS (
        SELECT *, CASE
          WHEN e_user_id IS NULL THEN 1
          WHEN e_order_id IS NULL THEN 2
          WHEN e_order_ts IS NULL THEN 3
          WHEN e_revenue IS NULL THEN 4
          WHEN e_tickets_count IS NULL THEN 5
          WHEN e_currency_code <> 'rub' AND e_currency_no IS NULL THEN 6
          WHEN e_currency_code <> 'rub' AND e_rate IS NULL THEN 7
        END AS e_reason1
        FROM converted
      )
      SELECT e_row AS "__encore_row",
        ids.user_no, e_order_id AS order_id, e_order_ts AS order_ts,
        e_revenue AS revenue, e_tickets_count AS tickets_count,
        CAST(CASE WHEN e_currency_code = 'rub' THEN 0 ELSE e_currency_no END AS SMALLINT) AS currency_no,
        CASE WHEN e_currency_code = 'rub' THEN e_revenue ELSE e_revenue * e_rate / e_nominal END
          AS revenue_rub,
        e_days_since_prev_source AS days_since_prev_source,
        CAST(e_reason1 AS SMALLINT) AS reason
      FROM reasoned LEFT JOIN enc_user_ids AS ids ON ids.user_id = reasoned.e_user_id",
      }
    `);
  });

  it("repeatedOrderRowsSql", () => {
    expect(rendered("repeatedOrderRowsSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT row_no, order_id FROM (
        SELECT "__encore_row" AS row_no, order_id,
          lag(order_id) OVER (ORDER BY order_id) AS prev_id,
          lead(order_id) OVER (ORDER BY order_id) AS next_id
        FROM enc_checked WHERE reason IS NULL
      ) AS sorted
      WHERE order_id = prev_id OR order_id = next_id",
        "duckdb": "SELECT row_no, order_id FROM (
        SELECT "__encore_row" AS row_no, order_id,
          lag(order_id) OVER (ORDER BY order_id) AS prev_id,
          lead(order_id) OVER (ORDER BY order_id) AS next_id
        FROM enc_checked WHERE reason IS NULL
      ) AS sorted
      WHERE order_id = prev_id OR order_id = next_id",
        "postgres": "SELECT row_no, order_id FROM (
        SELECT "__encore_row" AS row_no, order_id,
          lag(order_id) OVER (ORDER BY order_id) AS prev_id,
          lead(order_id) OVER (ORDER BY order_id) AS next_id
        FROM enc_checked WHERE reason IS NULL
      ) AS sorted
      WHERE order_id = prev_id OR order_id = next_id",
      }
    `);
  });

  it("rawRowsKeptSql", () => {
    expect(rendered("rawRowsKeptSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT r.* FROM enc_raw AS r
      WHERE r."__encore_row" IN (
        SELECT row_no FROM enc_repeated_rows
        UNION ALL SELECT "__encore_row" FROM enc_checked WHERE reason IS NOT NULL
      )",
        "duckdb": "SELECT r.* FROM enc_raw AS r
      WHERE r."__encore_row" IN (
        SELECT row_no FROM enc_repeated_rows
        UNION ALL SELECT "__encore_row" FROM enc_checked WHERE reason IS NOT NULL
      )",
        "postgres": "SELECT r.* FROM enc_raw AS r
      WHERE r."__encore_row" IN (
        SELECT row_no FROM enc_repeated_rows
        UNION ALL SELECT "__encore_row" FROM enc_checked WHERE reason IS NOT NULL
      )",
      }
    `);
    expect(rendered("rawRowsKeptSql_repeatedOnly")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT r.* FROM enc_raw AS r
      WHERE r."__encore_row" IN (
        SELECT row_no FROM enc_repeated_rows
      )",
        "duckdb": "SELECT r.* FROM enc_raw AS r
      WHERE r."__encore_row" IN (
        SELECT row_no FROM enc_repeated_rows
      )",
        "postgres": "SELECT r.* FROM enc_raw AS r
      WHERE r."__encore_row" IN (
        SELECT row_no FROM enc_repeated_rows
      )",
      }
    `);
  });

  it("repeatedOrderReasonsSql", () => {
    expect(rendered("repeatedOrderReasonsSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "WITH candidates AS (
        SELECT s.row_no, s.order_id, r."user_id" AS c0, r."order_id" AS c1, r."revenue" AS c2
        FROM enc_repeated_rows AS s JOIN enc_raw_kept AS r ON r."__encore_row" = s.row_no
      ),
      copies AS (
        SELECT row_no, order_id,
          row_number() OVER (PARTITION BY c0, c1, c2 ORDER BY row_no) AS copy_no
        FROM candidates
      )
      SELECT row_no, CAST(CASE
          WHEN copy_no > 1 THEN 8
          WHEN sum(CASE WHEN copy_no = 1 THEN 1 ELSE 0 END) OVER (PARTITION BY order_id) > 1
            THEN 9
        END AS SMALLINT) AS reason
      FROM copies",
        "duckdb": "WITH candidates AS (
        SELECT s.row_no, s.order_id, r."user_id" AS c0, r."order_id" AS c1, r."revenue" AS c2
        FROM enc_repeated_rows AS s JOIN enc_raw_kept AS r ON r."__encore_row" = s.row_no
      ),
      copies AS (
        SELECT row_no, order_id,
          row_number() OVER (PARTITION BY c0, c1, c2 ORDER BY row_no) AS copy_no
        FROM candidates
      )
      SELECT row_no, CAST(CASE
          WHEN copy_no > 1 THEN 8
          WHEN sum(CASE WHEN copy_no = 1 THEN 1 ELSE 0 END) OVER (PARTITION BY order_id) > 1
            THEN 9
        END AS SMALLINT) AS reason
      FROM copies",
        "postgres": "WITH candidates AS (
        SELECT s.row_no, s.order_id, r."user_id" AS c0, r."order_id" AS c1, r."revenue" AS c2
        FROM enc_repeated_rows AS s JOIN enc_raw_kept AS r ON r."__encore_row" = s.row_no
      ),
      copies AS (
        SELECT row_no, order_id,
          row_number() OVER (PARTITION BY c0, c1, c2 ORDER BY row_no) AS copy_no
        FROM candidates
      )
      SELECT row_no, CAST(CASE
          WHEN copy_no > 1 THEN 8
          WHEN sum(CASE WHEN copy_no = 1 THEN 1 ELSE 0 END) OVER (PARTITION BY order_id) > 1
            THEN 9
        END AS SMALLINT) AS reason
      FROM copies",
      }
    `);
  });

  it("applyReasonsSql", () => {
    expect(rendered("applyReasonsSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "UPDATE enc_checked SET reason = f.reason
      FROM enc_reasons AS f
      WHERE enc_checked."__encore_row" = f.row_no AND f.reason IS NOT NULL",
        "duckdb": "UPDATE enc_checked SET reason = f.reason
      FROM enc_reasons AS f
      WHERE enc_checked."__encore_row" = f.row_no AND f.reason IS NOT NULL",
        "postgres": "UPDATE enc_checked SET reason = f.reason
      FROM enc_reasons AS f
      WHERE enc_checked."__encore_row" = f.row_no AND f.reason IS NOT NULL",
      }
    `);
  });

  it("checkedWithReasonsSql", () => {
    expect(rendered("checkedWithReasonsSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT c.* REPLACE (CAST(coalesce(f.reason, c.reason) AS SMALLINT) AS reason)
      FROM enc_checked AS c
      LEFT JOIN (SELECT row_no, reason FROM enc_reasons WHERE reason IS NOT NULL) AS f
        ON f.row_no = c."__encore_row"",
        "duckdb": "SELECT c.* REPLACE (CAST(coalesce(f.reason, c.reason) AS SMALLINT) AS reason)
      FROM enc_checked AS c
      LEFT JOIN (SELECT row_no, reason FROM enc_reasons WHERE reason IS NOT NULL) AS f
        ON f.row_no = c."__encore_row"",
        "postgres": "SELECT c.* REPLACE (CAST(coalesce(f.reason, c.reason) AS SMALLINT) AS reason)
      FROM enc_checked AS c
      LEFT JOIN (SELECT row_no, reason FROM enc_reasons WHERE reason IS NOT NULL) AS f
        ON f.row_no = c."__encore_row"",
      }
    `);
  });

  it("rejectsSql", () => {
    expect(rendered("rejectsSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT c."__encore_row" AS row_number, CASE c.reason WHEN 1 THEN 'missing_user_id' WHEN 2 THEN 'missing_order_id' WHEN 3 THEN 'bad_timestamp' WHEN 4 THEN 'bad_revenue' WHEN 5 THEN 'bad_tickets_count' WHEN 6 THEN 'unknown_currency' WHEN 7 THEN 'no_exchange_rate' WHEN 8 THEN 'duplicate_row' WHEN 9 THEN 'conflicting_order_id' END AS reason, r."user_id" AS "user_id", r."order_id" AS "order_id", r."revenue" AS "revenue"
      FROM enc_checked AS c JOIN enc_raw_kept AS r ON r."__encore_row" = c."__encore_row"
      WHERE c.reason IS NOT NULL",
        "duckdb": "SELECT c."__encore_row" AS row_number, CASE c.reason WHEN 1 THEN 'missing_user_id' WHEN 2 THEN 'missing_order_id' WHEN 3 THEN 'bad_timestamp' WHEN 4 THEN 'bad_revenue' WHEN 5 THEN 'bad_tickets_count' WHEN 6 THEN 'unknown_currency' WHEN 7 THEN 'no_exchange_rate' WHEN 8 THEN 'duplicate_row' WHEN 9 THEN 'conflicting_order_id' END AS reason, r."user_id" AS "user_id", r."order_id" AS "order_id", r."revenue" AS "revenue"
      FROM enc_checked AS c JOIN enc_raw_kept AS r ON r."__encore_row" = c."__encore_row"
      WHERE c.reason IS NOT NULL",
        "postgres": "SELECT c."__encore_row" AS row_number, CASE c.reason WHEN 1 THEN 'missing_user_id' WHEN 2 THEN 'missing_order_id' WHEN 3 THEN 'bad_timestamp' WHEN 4 THEN 'bad_revenue' WHEN 5 THEN 'bad_tickets_count' WHEN 6 THEN 'unknown_currency' WHEN 7 THEN 'no_exchange_rate' WHEN 8 THEN 'duplicate_row' WHEN 9 THEN 'conflicting_order_id' END AS reason, r."user_id" AS "user_id", r."order_id" AS "order_id", r."revenue" AS "revenue"
      FROM enc_checked AS c JOIN enc_raw_kept AS r ON r."__encore_row" = c."__encore_row"
      WHERE c.reason IS NOT NULL",
      }
    `);
  });

  it("featureRangesSql", () => {
    expect(rendered("featureRangesSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT count(*) AS users,
        min(CAST("total_orders" AS Nullable(Float64))) AS lo_0, max(CAST("total_orders" AS Nullable(Float64))) AS hi_0,
        count(DISTINCT "first_device") AS distinct_1
      FROM "enc_users"",
        "duckdb": "SELECT count(*) AS users,
        min(CAST("total_orders" AS DOUBLE)) AS lo_0, max(CAST("total_orders" AS DOUBLE)) AS hi_0,
        count(DISTINCT "first_device") AS distinct_1
      FROM "enc_users"",
        "postgres": "SELECT count(*) AS users,
        min(CAST("total_orders" AS double precision)) AS lo_0, max(CAST("total_orders" AS double precision)) AS hi_0,
        count(DISTINCT "first_device") AS distinct_1
      FROM "enc_users"",
      }
    `);
  });

  it("contingencySql", () => {
    expect(rendered("contingencySql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "WITH combos AS (
      WITH top_1 AS (
        SELECT v FROM (
          SELECT "first_device" AS v, row_number() OVER (ORDER BY count(*) DESC, "first_device") AS k
          FROM "enc_users" WHERE "first_device" IS NOT NULL GROUP BY "first_device"
        ) AS ranked WHERE k <= $3
      ),
      levels AS (
        SELECT CASE WHEN CAST("total_orders" AS Nullable(Float64)) IS NULL THEN NULL WHEN CAST("total_orders" AS Nullable(Float64)) > CAST($2 AS Nullable(Float64)) THEN 2 WHEN CAST("total_orders" AS Nullable(Float64)) > CAST($1 AS Nullable(Float64)) THEN 1 ELSE 0 END AS c_0,
        CASE WHEN "first_device" IS NULL THEN NULL WHEN "first_device" IN (SELECT v FROM top_1)
          THEN CAST("first_device" AS Nullable(String)) ELSE 'other' END AS c_1
        FROM "enc_users"
      )
      SELECT c_0, c_1, count(*) AS n FROM levels GROUP BY c_0, c_1
      )
      SELECT GROUPING(c_0) AS g_0, c_0, GROUPING(c_1) AS g_1, c_1, sum(n) AS n
      FROM combos
      GROUP BY GROUPING SETS ((c_0, c_1))
      -- bound: [1,2,3]",
        "duckdb": "WITH combos AS (
      WITH top_1 AS (
        SELECT v FROM (
          SELECT "first_device" AS v, row_number() OVER (ORDER BY count(*) DESC, "first_device") AS k
          FROM "enc_users" WHERE "first_device" IS NOT NULL GROUP BY "first_device"
        ) AS ranked WHERE k <= $3
      ),
      levels AS (
        SELECT CASE WHEN CAST("total_orders" AS DOUBLE) IS NULL THEN NULL WHEN CAST("total_orders" AS DOUBLE) > CAST($2 AS DOUBLE) THEN 2 WHEN CAST("total_orders" AS DOUBLE) > CAST($1 AS DOUBLE) THEN 1 ELSE 0 END AS c_0,
        CASE WHEN "first_device" IS NULL THEN NULL WHEN "first_device" IN (SELECT v FROM top_1)
          THEN CAST("first_device" AS VARCHAR) ELSE 'other' END AS c_1
        FROM "enc_users"
      )
      SELECT c_0, c_1, count(*) AS n FROM levels GROUP BY c_0, c_1
      )
      SELECT GROUPING(c_0) AS g_0, c_0, GROUPING(c_1) AS g_1, c_1, sum(n) AS n
      FROM combos
      GROUP BY GROUPING SETS ((c_0, c_1))
      -- bound: [1,2,3]",
        "postgres": "WITH combos AS (
      WITH top_1 AS (
        SELECT v FROM (
          SELECT "first_device" AS v, row_number() OVER (ORDER BY count(*) DESC, "first_device") AS k
          FROM "enc_users" WHERE "first_device" IS NOT NULL GROUP BY "first_device"
        ) AS ranked WHERE k <= $3
      ),
      levels AS (
        SELECT CASE WHEN CAST("total_orders" AS double precision) IS NULL THEN NULL WHEN CAST("total_orders" AS double precision) > CAST($2 AS double precision) THEN 2 WHEN CAST("total_orders" AS double precision) > CAST($1 AS double precision) THEN 1 ELSE 0 END AS c_0,
        CASE WHEN "first_device" IS NULL THEN NULL WHEN "first_device" IN (SELECT v FROM top_1)
          THEN CAST("first_device" AS text) ELSE 'other' END AS c_1
        FROM "enc_users"
      )
      SELECT c_0, c_1, count(*) AS n FROM levels GROUP BY c_0, c_1
      )
      SELECT GROUPING(c_0) AS g_0, c_0, GROUPING(c_1) AS g_1, c_1, sum(n) AS n
      FROM combos
      GROUP BY GROUPING SETS ((c_0, c_1))
      -- bound: [1,2,3]",
      }
    `);
  });

  it("levelValuesSql", () => {
    expect(rendered("levelValuesSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT k, CAST(v AS Nullable(String)) AS v FROM (
        SELECT v, k FROM (
          SELECT "first_device" AS v, row_number() OVER (ORDER BY count(*) DESC, "first_device") AS k
          FROM "enc_users" WHERE "first_device" IS NOT NULL GROUP BY "first_device"
        ) AS ranked WHERE k <= $1
      ) AS r ORDER BY k
      -- bound: [3]",
        "duckdb": "SELECT k, CAST(v AS VARCHAR) AS v FROM (
        SELECT v, k FROM (
          SELECT "first_device" AS v, row_number() OVER (ORDER BY count(*) DESC, "first_device") AS k
          FROM "enc_users" WHERE "first_device" IS NOT NULL GROUP BY "first_device"
        ) AS ranked WHERE k <= $1
      ) AS r ORDER BY k
      -- bound: [3]",
        "postgres": "SELECT k, CAST(v AS text) AS v FROM (
        SELECT v, k FROM (
          SELECT "first_device" AS v, row_number() OVER (ORDER BY count(*) DESC, "first_device") AS k
          FROM "enc_users" WHERE "first_device" IS NOT NULL GROUP BY "first_device"
        ) AS ranked WHERE k <= $1
      ) AS r ORDER BY k
      -- bound: [3]",
      }
    `);
  });

  it("levelKeysSql", () => {
    expect(rendered("levelKeysSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "WITH r_1 AS (
        SELECT v, k FROM (
          SELECT "first_device" AS v, row_number() OVER (ORDER BY count(*) DESC, "first_device") AS k
          FROM "enc_users" WHERE "first_device" IS NOT NULL GROUP BY "first_device"
        ) AS ranked WHERE k <= $3
      ),
      r_2 AS (
        SELECT v, k FROM (
          SELECT "first_order_weekday" AS v, row_number() OVER (ORDER BY count(*) DESC, "first_order_weekday") AS k
          FROM "enc_users" WHERE "first_order_weekday" IS NOT NULL GROUP BY "first_order_weekday"
        ) AS ranked
      )
      SELECT key, count(*) AS n FROM (
        SELECT CAST(CASE WHEN CAST(u."total_orders" AS Nullable(Float64)) IS NULL THEN 3 WHEN CAST(u."total_orders" AS Nullable(Float64)) > CAST($2 AS Nullable(Float64)) THEN 2 WHEN CAST(u."total_orders" AS Nullable(Float64)) > CAST($1 AS Nullable(Float64)) THEN 1 ELSE 0 END AS BIGINT) + 4 * (CAST(CASE WHEN u."first_device" IS NULL THEN 4 ELSE coalesce(r_1.k, 0) END AS BIGINT) + 5 * (CAST(CASE WHEN u."first_order_weekday" IS NULL THEN 8 ELSE coalesce(r_2.k, 0) END AS BIGINT))) AS key
        FROM "enc_users" AS u
        LEFT JOIN r_1 ON r_1.v = u."first_device"
        LEFT JOIN r_2 ON r_2.v = u."first_order_weekday"
      ) AS keyed GROUP BY key
      -- bound: [1,2,3]",
        "duckdb": "WITH r_1 AS (
        SELECT v, k FROM (
          SELECT "first_device" AS v, row_number() OVER (ORDER BY count(*) DESC, "first_device") AS k
          FROM "enc_users" WHERE "first_device" IS NOT NULL GROUP BY "first_device"
        ) AS ranked WHERE k <= $3
      ),
      r_2 AS (
        SELECT v, k FROM (
          SELECT "first_order_weekday" AS v, row_number() OVER (ORDER BY count(*) DESC, "first_order_weekday") AS k
          FROM "enc_users" WHERE "first_order_weekday" IS NOT NULL GROUP BY "first_order_weekday"
        ) AS ranked
      )
      SELECT key, count(*) AS n FROM (
        SELECT CAST(CASE WHEN CAST(u."total_orders" AS DOUBLE) IS NULL THEN 3 WHEN CAST(u."total_orders" AS DOUBLE) > CAST($2 AS DOUBLE) THEN 2 WHEN CAST(u."total_orders" AS DOUBLE) > CAST($1 AS DOUBLE) THEN 1 ELSE 0 END AS BIGINT) + 4 * (CAST(CASE WHEN u."first_device" IS NULL THEN 4 ELSE coalesce(r_1.k, 0) END AS BIGINT) + 5 * (CAST(CASE WHEN u."first_order_weekday" IS NULL THEN 8 ELSE coalesce(r_2.k, 0) END AS BIGINT))) AS key
        FROM "enc_users" AS u
        LEFT JOIN r_1 ON r_1.v = u."first_device"
        LEFT JOIN r_2 ON r_2.v = u."first_order_weekday"
      ) AS keyed GROUP BY key
      -- bound: [1,2,3]",
        "postgres": "WITH r_1 AS (
        SELECT v, k FROM (
          SELECT "first_device" AS v, row_number() OVER (ORDER BY count(*) DESC, "first_device") AS k
          FROM "enc_users" WHERE "first_device" IS NOT NULL GROUP BY "first_device"
        ) AS ranked WHERE k <= $3
      ),
      r_2 AS (
        SELECT v, k FROM (
          SELECT "first_order_weekday" AS v, row_number() OVER (ORDER BY count(*) DESC, "first_order_weekday") AS k
          FROM "enc_users" WHERE "first_order_weekday" IS NOT NULL GROUP BY "first_order_weekday"
        ) AS ranked
      )
      SELECT key, count(*) AS n FROM (
        SELECT CAST(CASE WHEN CAST(u."total_orders" AS double precision) IS NULL THEN 3 WHEN CAST(u."total_orders" AS double precision) > CAST($2 AS double precision) THEN 2 WHEN CAST(u."total_orders" AS double precision) > CAST($1 AS double precision) THEN 1 ELSE 0 END AS BIGINT) + 4 * (CAST(CASE WHEN u."first_device" IS NULL THEN 4 ELSE coalesce(r_1.k, 0) END AS BIGINT) + 5 * (CAST(CASE WHEN u."first_order_weekday" IS NULL THEN 8 ELSE coalesce(r_2.k, 0) END AS BIGINT))) AS key
        FROM "enc_users" AS u
        LEFT JOIN r_1 ON r_1.v = u."first_device"
        LEFT JOIN r_2 ON r_2.v = u."first_order_weekday"
      ) AS keyed GROUP BY key
      -- bound: [1,2,3]",
      }
    `);
  });

  it("levelCombosSql", () => {
    expect(rendered("levelCombosSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "WITH top_1 AS (
        SELECT v FROM (
          SELECT "first_device" AS v, row_number() OVER (ORDER BY count(*) DESC, "first_device") AS k
          FROM "enc_users" WHERE "first_device" IS NOT NULL GROUP BY "first_device"
        ) AS ranked WHERE k <= $3
      ),
      levels AS (
        SELECT CASE WHEN CAST("total_orders" AS Nullable(Float64)) IS NULL THEN NULL WHEN CAST("total_orders" AS Nullable(Float64)) > CAST($2 AS Nullable(Float64)) THEN 2 WHEN CAST("total_orders" AS Nullable(Float64)) > CAST($1 AS Nullable(Float64)) THEN 1 ELSE 0 END AS c_0,
        CASE WHEN "first_device" IS NULL THEN NULL WHEN "first_device" IN (SELECT v FROM top_1)
          THEN CAST("first_device" AS Nullable(String)) ELSE 'other' END AS c_1
        FROM "enc_users"
      )
      SELECT c_0, c_1, count(*) AS n FROM levels GROUP BY c_0, c_1
      -- bound: [1,2,3]",
        "duckdb": "WITH top_1 AS (
        SELECT v FROM (
          SELECT "first_device" AS v, row_number() OVER (ORDER BY count(*) DESC, "first_device") AS k
          FROM "enc_users" WHERE "first_device" IS NOT NULL GROUP BY "first_device"
        ) AS ranked WHERE k <= $3
      ),
      levels AS (
        SELECT CASE WHEN CAST("total_orders" AS DOUBLE) IS NULL THEN NULL WHEN CAST("total_orders" AS DOUBLE) > CAST($2 AS DOUBLE) THEN 2 WHEN CAST("total_orders" AS DOUBLE) > CAST($1 AS DOUBLE) THEN 1 ELSE 0 END AS c_0,
        CASE WHEN "first_device" IS NULL THEN NULL WHEN "first_device" IN (SELECT v FROM top_1)
          THEN CAST("first_device" AS VARCHAR) ELSE 'other' END AS c_1
        FROM "enc_users"
      )
      SELECT c_0, c_1, count(*) AS n FROM levels GROUP BY c_0, c_1
      -- bound: [1,2,3]",
        "postgres": "WITH top_1 AS (
        SELECT v FROM (
          SELECT "first_device" AS v, row_number() OVER (ORDER BY count(*) DESC, "first_device") AS k
          FROM "enc_users" WHERE "first_device" IS NOT NULL GROUP BY "first_device"
        ) AS ranked WHERE k <= $3
      ),
      levels AS (
        SELECT CASE WHEN CAST("total_orders" AS double precision) IS NULL THEN NULL WHEN CAST("total_orders" AS double precision) > CAST($2 AS double precision) THEN 2 WHEN CAST("total_orders" AS double precision) > CAST($1 AS double precision) THEN 1 ELSE 0 END AS c_0,
        CASE WHEN "first_device" IS NULL THEN NULL WHEN "first_device" IN (SELECT v FROM top_1)
          THEN CAST("first_device" AS text) ELSE 'other' END AS c_1
        FROM "enc_users"
      )
      SELECT c_0, c_1, count(*) AS n FROM levels GROUP BY c_0, c_1
      -- bound: [1,2,3]",
      }
    `);
  });

  it("pairCountsSql", () => {
    expect(rendered("pairCountsSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT GROUPING(c_0) AS g_0, c_0, GROUPING(c_1) AS g_1, c_1, GROUPING(c_2) AS g_2, c_2, sum(n) AS n
      FROM enc_level_combos
      GROUP BY GROUPING SETS ((c_0, c_1), (c_1, c_2))",
        "duckdb": "SELECT GROUPING(c_0) AS g_0, c_0, GROUPING(c_1) AS g_1, c_1, GROUPING(c_2) AS g_2, c_2, sum(n) AS n
      FROM enc_level_combos
      GROUP BY GROUPING SETS ((c_0, c_1), (c_1, c_2))",
        "postgres": "SELECT GROUPING(c_0) AS g_0, c_0, GROUPING(c_1) AS g_1, c_1, GROUPING(c_2) AS g_2, c_2, sum(n) AS n
      FROM enc_level_combos
      GROUP BY GROUPING SETS ((c_0, c_1), (c_1, c_2))",
      }
    `);
  });

  it("spearmanSql", () => {
    expect(rendered("spearmanSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT 0 AS k, rho, users FROM (SELECT corr(xr.rx, p.ry) AS rho, count(*) AS users
      FROM (
        SELECT x, (CAST(rank() OVER (ORDER BY y) AS Nullable(Float64)) + CAST(count(*) OVER (ORDER BY y) AS Nullable(Float64))) / 2 AS ry
        FROM (
          SELECT CAST("total_orders" AS Nullable(Float64)) AS x, CAST("avg_revenue_rub" AS Nullable(Float64)) AS y
          FROM "enc_users" WHERE "total_orders" IS NOT NULL AND "avg_revenue_rub" IS NOT NULL
        ) AS pairs
      ) AS p
      JOIN (
        SELECT x, CAST(sum(c) OVER (ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - c AS Nullable(Float64)) + CAST(c + 1 AS Nullable(Float64)) / 2 AS rx
        FROM (
          SELECT x, count(*) AS c FROM (
          SELECT CAST("total_orders" AS Nullable(Float64)) AS x, CAST("avg_revenue_rub" AS Nullable(Float64)) AS y
          FROM "enc_users" WHERE "total_orders" IS NOT NULL AND "avg_revenue_rub" IS NOT NULL
          ) AS pairs GROUP BY x
        ) AS counted
      ) AS xr ON xr.x = p.x) AS s0
      ORDER BY k",
        "duckdb": "SELECT 0 AS k, rho, users FROM (SELECT corr(xr.rx, p.ry) AS rho, count(*) AS users
      FROM (
        SELECT x, (CAST(rank() OVER (ORDER BY y) AS DOUBLE) + CAST(count(*) OVER (ORDER BY y) AS DOUBLE)) / 2 AS ry
        FROM (
          SELECT CAST("total_orders" AS DOUBLE) AS x, CAST("avg_revenue_rub" AS DOUBLE) AS y
          FROM "enc_users" WHERE "total_orders" IS NOT NULL AND "avg_revenue_rub" IS NOT NULL
        ) AS pairs
      ) AS p
      JOIN (
        SELECT x, CAST(sum(c) OVER (ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - c AS DOUBLE) + CAST(c + 1 AS DOUBLE) / 2 AS rx
        FROM (
          SELECT x, count(*) AS c FROM (
          SELECT CAST("total_orders" AS DOUBLE) AS x, CAST("avg_revenue_rub" AS DOUBLE) AS y
          FROM "enc_users" WHERE "total_orders" IS NOT NULL AND "avg_revenue_rub" IS NOT NULL
          ) AS pairs GROUP BY x
        ) AS counted
      ) AS xr ON xr.x = p.x) AS s0
      ORDER BY k",
        "postgres": "SELECT 0 AS k, rho, users FROM (SELECT corr(xr.rx, p.ry) AS rho, count(*) AS users
      FROM (
        SELECT x, (CAST(rank() OVER (ORDER BY y) AS double precision) + CAST(count(*) OVER (ORDER BY y) AS double precision)) / 2 AS ry
        FROM (
          SELECT CAST("total_orders" AS double precision) AS x, CAST("avg_revenue_rub" AS double precision) AS y
          FROM "enc_users" WHERE "total_orders" IS NOT NULL AND "avg_revenue_rub" IS NOT NULL
        ) AS pairs
      ) AS p
      JOIN (
        SELECT x, CAST(sum(c) OVER (ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - c AS double precision) + CAST(c + 1 AS double precision) / 2 AS rx
        FROM (
          SELECT x, count(*) AS c FROM (
          SELECT CAST("total_orders" AS double precision) AS x, CAST("avg_revenue_rub" AS double precision) AS y
          FROM "enc_users" WHERE "total_orders" IS NOT NULL AND "avg_revenue_rub" IS NOT NULL
          ) AS pairs GROUP BY x
        ) AS counted
      ) AS xr ON xr.x = p.x) AS s0
      ORDER BY k",
      }
    `);
  });

  it("entryPointCountsSql", () => {
    expect(rendered("entryPointCountsSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT "first_device" AS value, count(*) AS users,
        sum(CASE WHEN is_two THEN 1 ELSE 0 END) AS twos,
        sum(CASE WHEN is_five THEN 1 ELSE 0 END) AS fives
      FROM enc_users
      GROUP BY "first_device"",
        "duckdb": "SELECT "first_device" AS value, count(*) AS users,
        sum(CASE WHEN is_two THEN 1 ELSE 0 END) AS twos,
        sum(CASE WHEN is_five THEN 1 ELSE 0 END) AS fives
      FROM enc_users
      GROUP BY "first_device"",
        "postgres": "SELECT "first_device" AS value, count(*) AS users,
        sum(CASE WHEN is_two THEN 1 ELSE 0 END) AS twos,
        sum(CASE WHEN is_five THEN 1 ELSE 0 END) AS fives
      FROM enc_users
      GROUP BY "first_device"",
      }
    `);
  });

  it("integerOrderIdsSql", () => {
    expect(rendered("integerOrderIdsSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT count(*) AS n, sum(CASE WHEN CAST(match(order_id, '^(-?[0-9]{1,18})$') AS Nullable(Bool)) THEN 1 ELSE 0 END) AS integers FROM enc_checked WHERE reason IS NULL",
        "duckdb": "SELECT count(*) AS n, sum(CASE WHEN regexp_full_match(order_id, '-?[0-9]{1,18}') THEN 1 ELSE 0 END) AS integers FROM enc_checked WHERE reason IS NULL",
        "postgres": "SELECT count(*) AS n, sum(CASE WHEN (order_id ~ '^(-?[0-9]{1,18})$') THEN 1 ELSE 0 END) AS integers FROM enc_checked WHERE reason IS NULL",
      }
    `);
  });

  it("acceptedOrdersSql", () => {
    expect(rendered("acceptedOrdersSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT "__encore_row", user_no, order_id, order_ts, CAST(order_ts AS DATE) AS order_dt,
        revenue, currency_no, tickets_count, revenue_rub, days_since_prev_source
      FROM enc_checked
      WHERE reason IS NULL",
        "duckdb": "SELECT "__encore_row", user_no, order_id, order_ts, CAST(order_ts AS DATE) AS order_dt,
        revenue, currency_no, tickets_count, revenue_rub, days_since_prev_source
      FROM enc_checked
      WHERE reason IS NULL",
        "postgres": "SELECT "__encore_row", user_no, order_id, order_ts, CAST(order_ts AS DATE) AS order_dt,
        revenue, currency_no, tickets_count, revenue_rub, days_since_prev_source
      FROM enc_checked
      WHERE reason IS NULL",
      }
    `);
  });

  it("acceptedOrdersSqlWindowed", () => {
    expect(rendered("acceptedOrdersSqlWindowed")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT "__encore_row", user_no, order_id, order_ts, CAST(order_ts AS DATE) AS order_dt,
        revenue, currency_no, tickets_count, revenue_rub, days_since_prev_source
      FROM enc_checked
      WHERE reason IS NULL AND CAST(order_ts AS DATE) <= (SELECT data_end FROM enc_study_window)",
        "duckdb": "SELECT "__encore_row", user_no, order_id, order_ts, CAST(order_ts AS DATE) AS order_dt,
        revenue, currency_no, tickets_count, revenue_rub, days_since_prev_source
      FROM enc_checked
      WHERE reason IS NULL AND CAST(order_ts AS DATE) <= (SELECT data_end FROM enc_study_window)",
        "postgres": "SELECT "__encore_row", user_no, order_id, order_ts, CAST(order_ts AS DATE) AS order_dt,
        revenue, currency_no, tickets_count, revenue_rub, days_since_prev_source
      FROM enc_checked
      WHERE reason IS NULL AND CAST(order_ts AS DATE) <= (SELECT data_end FROM enc_study_window)",
      }
    `);
  });

  it("studyWindowSql", () => {
    expect(rendered("studyWindowSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT CAST(NULL AS DATE) AS data_end WHERE 1 = 0",
        "duckdb": "SELECT CAST(NULL AS DATE) AS data_end WHERE 1 = 0",
        "postgres": "SELECT CAST(NULL AS DATE) AS data_end WHERE 1 = 0",
      }
    `);
  });

  it("ordersAfterSql", () => {
    expect(rendered("ordersAfterSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT count(*) AS n FROM enc_checked WHERE reason IS NULL AND CAST(order_ts AS DATE) > CAST($1 AS DATE)
      -- bound: ["2024-12-31"]",
        "duckdb": "SELECT count(*) AS n FROM enc_checked WHERE reason IS NULL AND CAST(order_ts AS DATE) > CAST($1 AS DATE)
      -- bound: ["2024-12-31"]",
        "postgres": "SELECT count(*) AS n FROM enc_checked WHERE reason IS NULL AND CAST(order_ts AS DATE) > CAST($1 AS DATE)
      -- bound: ["2024-12-31"]",
      }
    `);
  });

  it("ordersPerDateSql", () => {
    expect(rendered("ordersPerDateSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT toString(toDate32(order_dt)) AS date, count(*) AS orders FROM enc_orders GROUP BY order_dt ORDER BY order_dt",
        "duckdb": "SELECT strftime(order_dt, '%Y-%m-%d') AS date, count(*) AS orders FROM enc_orders GROUP BY order_dt ORDER BY order_dt",
        "postgres": "SELECT to_char(order_dt, 'YYYY-MM-DD') AS date, count(*) AS orders FROM enc_orders GROUP BY order_dt ORDER BY order_dt",
      }
    `);
  });

  it("rowsBetweenSql", () => {
    expect(rendered("rowsBetweenSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT "__encore_row" AS row_number FROM enc_orders WHERE order_dt BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE) ORDER BY 1 LIMIT 11
      -- bound: ["2024-06-01","2024-06-30"]",
        "duckdb": "SELECT "__encore_row" AS row_number FROM enc_orders WHERE order_dt BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE) ORDER BY 1 LIMIT 11
      -- bound: ["2024-06-01","2024-06-30"]",
        "postgres": "SELECT "__encore_row" AS row_number FROM enc_orders WHERE order_dt BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE) ORDER BY 1 LIMIT 11
      -- bound: ["2024-06-01","2024-06-30"]",
      }
    `);
  });

  it("orderGapCountsSql", () => {
    expect(rendered("orderGapCountsSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT total_orders, days_since_prev, count(*) AS orders,
        countIf(days_since_prev_source IS DISTINCT FROM days_since_prev) AS mismatches
      FROM (
        SELECT count(*) OVER (PARTITION BY user_no ORDER BY order_ts, CAST(order_id AS BIGINT), length(order_id) ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS total_orders,
          dateDiff('day', toDate32(lag(order_dt) OVER (PARTITION BY user_no ORDER BY order_ts, CAST(order_id AS BIGINT), length(order_id))), toDate32(order_dt)) AS days_since_prev,
          days_since_prev_source
        FROM enc_orders
      ) AS gaps
      GROUP BY total_orders, days_since_prev",
        "duckdb": "SELECT total_orders, days_since_prev, count(*) AS orders,
        count(*) FILTER (WHERE days_since_prev_source IS DISTINCT FROM days_since_prev) AS mismatches
      FROM (
        SELECT count(*) OVER (PARTITION BY user_no ORDER BY order_ts, CAST(order_id AS BIGINT), length(order_id) ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS total_orders,
          date_diff('day', lag(order_dt) OVER (PARTITION BY user_no ORDER BY order_ts, CAST(order_id AS BIGINT), length(order_id)), order_dt) AS days_since_prev,
          days_since_prev_source
        FROM enc_orders
      ) AS gaps
      GROUP BY total_orders, days_since_prev",
        "postgres": "SELECT total_orders, days_since_prev, count(*) AS orders,
        count(*) FILTER (WHERE days_since_prev_source IS DISTINCT FROM days_since_prev) AS mismatches
      FROM (
        SELECT count(*) OVER (PARTITION BY user_no ORDER BY order_ts, CAST(order_id AS BIGINT), length(order_id) ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS total_orders,
          (CAST(order_dt AS date) - CAST(lag(order_dt) OVER (PARTITION BY user_no ORDER BY order_ts, CAST(order_id AS BIGINT), length(order_id)) AS date)) AS days_since_prev,
          days_since_prev_source
        FROM enc_orders
      ) AS gaps
      GROUP BY total_orders, days_since_prev",
      }
    `);
  });

  it("purchaseHistorySql", () => {
    expect(rendered("purchaseHistorySql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "WITH occasions AS (
        SELECT user_no, order_dt, count(*) AS day_orders, sum(revenue_rub) AS value
        FROM enc_orders
        WHERE order_dt <= CAST('2024-12-31' AS DATE)
        GROUP BY user_no, order_dt
      ),
      per_user AS (
        SELECT user_no, min(order_dt) AS first_dt, max(order_dt) AS last_dt, count(*) AS n,
          sum(day_orders) AS orders, sum(value) AS total_value,
          argMinIf(toNullable(value), tuple(isNull(order_dt), assumeNotNull(order_dt)), isNotNull(value)) AS first_value,
          count(CASE WHEN order_dt <= CAST('2024-09-30' AS DATE) THEN 1 END) AS n_cal,
          sum(CASE WHEN order_dt <= CAST('2024-09-30' AS DATE) THEN day_orders END) AS orders_cal,
          max(CASE WHEN order_dt <= CAST('2024-09-30' AS DATE) THEN order_dt END) AS last_cal_dt
        FROM occasions GROUP BY user_no
      )
      SELECT user_no,
        CAST(orders AS INTEGER) AS orders,
        CAST(CASE WHEN first_dt <= CAST('2024-09-30' AS DATE) THEN orders_cal END AS INTEGER) AS orders_cal,
        CAST(n - 1 AS INTEGER) AS x,
        CAST(dateDiff('day', toDate32(first_dt), toDate32(last_dt)) AS INTEGER) AS t_x,
        CAST(dateDiff('day', toDate32(first_dt), toDate32(CAST('2024-12-31' AS DATE))) AS INTEGER) AS t_age,
        CASE WHEN n > 1 THEN if(isFinite(if(abs(((total_value - first_value) / (n - 1) * 1e6) - trunc(((total_value - first_value) / (n - 1) * 1e6))) >= 0.5, trunc(((total_value - first_value) / (n - 1) * 1e6)) + sign(((total_value - first_value) / (n - 1) * 1e6)), trunc(((total_value - first_value) / (n - 1) * 1e6))) / 1e6), if(abs(((total_value - first_value) / (n - 1) * 1e6) - trunc(((total_value - first_value) / (n - 1) * 1e6))) >= 0.5, trunc(((total_value - first_value) / (n - 1) * 1e6)) + sign(((total_value - first_value) / (n - 1) * 1e6)), trunc(((total_value - first_value) / (n - 1) * 1e6))) / 1e6, (total_value - first_value) / (n - 1)) END AS m,
        CAST(CASE WHEN first_dt <= CAST('2024-09-30' AS DATE) THEN n_cal - 1 END AS INTEGER) AS x_cal,
        CAST(CASE WHEN first_dt <= CAST('2024-09-30' AS DATE) THEN dateDiff('day', toDate32(first_dt), toDate32(last_cal_dt)) END AS INTEGER) AS t_x_cal,
        CAST(CASE WHEN first_dt <= CAST('2024-09-30' AS DATE) THEN dateDiff('day', toDate32(first_dt), toDate32(CAST('2024-09-30' AS DATE))) END AS INTEGER) AS t_age_cal,
        CAST(CASE WHEN first_dt <= CAST('2024-09-30' AS DATE) THEN n - n_cal END AS INTEGER) AS x_holdout
      FROM per_user",
        "duckdb": "WITH occasions AS (
        SELECT user_no, order_dt, count(*) AS day_orders, sum(revenue_rub) AS value
        FROM enc_orders
        WHERE order_dt <= CAST('2024-12-31' AS DATE)
        GROUP BY user_no, order_dt
      ),
      per_user AS (
        SELECT user_no, min(order_dt) AS first_dt, max(order_dt) AS last_dt, count(*) AS n,
          sum(day_orders) AS orders, sum(value) AS total_value,
          arg_min(value, {'k0': order_dt}) AS first_value,
          count(CASE WHEN order_dt <= CAST('2024-09-30' AS DATE) THEN 1 END) AS n_cal,
          sum(CASE WHEN order_dt <= CAST('2024-09-30' AS DATE) THEN day_orders END) AS orders_cal,
          max(CASE WHEN order_dt <= CAST('2024-09-30' AS DATE) THEN order_dt END) AS last_cal_dt
        FROM occasions GROUP BY user_no
      )
      SELECT user_no,
        CAST(orders AS INTEGER) AS orders,
        CAST(CASE WHEN first_dt <= CAST('2024-09-30' AS DATE) THEN orders_cal END AS INTEGER) AS orders_cal,
        CAST(n - 1 AS INTEGER) AS x,
        CAST(date_diff('day', first_dt, last_dt) AS INTEGER) AS t_x,
        CAST(date_diff('day', first_dt, CAST('2024-12-31' AS DATE)) AS INTEGER) AS t_age,
        CASE WHEN n > 1 THEN round((total_value - first_value) / (n - 1), 6) END AS m,
        CAST(CASE WHEN first_dt <= CAST('2024-09-30' AS DATE) THEN n_cal - 1 END AS INTEGER) AS x_cal,
        CAST(CASE WHEN first_dt <= CAST('2024-09-30' AS DATE) THEN date_diff('day', first_dt, last_cal_dt) END AS INTEGER) AS t_x_cal,
        CAST(CASE WHEN first_dt <= CAST('2024-09-30' AS DATE) THEN date_diff('day', first_dt, CAST('2024-09-30' AS DATE)) END AS INTEGER) AS t_age_cal,
        CAST(CASE WHEN first_dt <= CAST('2024-09-30' AS DATE) THEN n - n_cal END AS INTEGER) AS x_holdout
      FROM per_user",
        "postgres": "WITH occasions AS (
        SELECT user_no, order_dt, count(*) AS day_orders, sum(revenue_rub) AS value
        FROM enc_orders
        WHERE order_dt <= CAST('2024-12-31' AS DATE)
        GROUP BY user_no, order_dt
      ),
      per_user AS (
        SELECT user_no, min(order_dt) AS first_dt, max(order_dt) AS last_dt, count(*) AS n,
          sum(day_orders) AS orders, sum(value) AS total_value,
          (array_agg(value ORDER BY order_dt) FILTER (WHERE value IS NOT NULL))[1] AS first_value,
          count(CASE WHEN order_dt <= CAST('2024-09-30' AS DATE) THEN 1 END) AS n_cal,
          sum(CASE WHEN order_dt <= CAST('2024-09-30' AS DATE) THEN day_orders END) AS orders_cal,
          max(CASE WHEN order_dt <= CAST('2024-09-30' AS DATE) THEN order_dt END) AS last_cal_dt
        FROM occasions GROUP BY user_no
      )
      SELECT user_no,
        CAST(orders AS INTEGER) AS orders,
        CAST(CASE WHEN first_dt <= CAST('2024-09-30' AS DATE) THEN orders_cal END AS INTEGER) AS orders_cal,
        CAST(n - 1 AS INTEGER) AS x,
        CAST((CAST(last_dt AS date) - CAST(first_dt AS date)) AS INTEGER) AS t_x,
        CAST((CAST(CAST('2024-12-31' AS DATE) AS date) - CAST(first_dt AS date)) AS INTEGER) AS t_age,
        CASE WHEN n > 1 THEN CAST(round(CAST((total_value - first_value) / (n - 1) AS numeric), 6) AS double precision) END AS m,
        CAST(CASE WHEN first_dt <= CAST('2024-09-30' AS DATE) THEN n_cal - 1 END AS INTEGER) AS x_cal,
        CAST(CASE WHEN first_dt <= CAST('2024-09-30' AS DATE) THEN (CAST(last_cal_dt AS date) - CAST(first_dt AS date)) END AS INTEGER) AS t_x_cal,
        CAST(CASE WHEN first_dt <= CAST('2024-09-30' AS DATE) THEN (CAST(CAST('2024-09-30' AS DATE) AS date) - CAST(first_dt AS date)) END AS INTEGER) AS t_age_cal,
        CAST(CASE WHEN first_dt <= CAST('2024-09-30' AS DATE) THEN n - n_cal END AS INTEGER) AS x_holdout
      FROM per_user",
      }
    `);
  });

  it("historyTriplesSql", () => {
    expect(rendered("historyTriplesSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT x, t_x, t_age, count(*) AS users
      FROM enc_history
      GROUP BY x, t_x, t_age
      ORDER BY x, t_x, t_age",
        "duckdb": "SELECT x, t_x, t_age, count(*) AS users
      FROM enc_history
      GROUP BY x, t_x, t_age
      ORDER BY x, t_x, t_age",
        "postgres": "SELECT x, t_x, t_age, count(*) AS users
      FROM enc_history
      GROUP BY x, t_x, t_age
      ORDER BY x, t_x, t_age",
      }
    `);
  });

  it("calibrationTriplesSql", () => {
    expect(rendered("calibrationTriplesSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT h.x_cal AS x, h.t_x_cal AS t_x, h.t_age_cal AS t_age, count(*) AS users,
        sum(CASE WHEN (p.user_id IS NOT NULL AND (CAST($1 AS Nullable(Float64)) IS NULL OR h.orders_cal <= CAST($1 AS Nullable(Float64)))) THEN 1 ELSE 0 END) AS checked_users,
        sum(CASE WHEN (p.user_id IS NOT NULL AND (CAST($1 AS Nullable(Float64)) IS NULL OR h.orders_cal <= CAST($1 AS Nullable(Float64)))) THEN h.x_holdout ELSE 0 END) AS holdout
      FROM enc_history AS h
      JOIN enc_user_ids AS ids ON ids.user_no = h.user_no
      LEFT JOIN (SELECT user_id FROM enc_population) AS p ON p.user_id = ids.user_id
      WHERE h.x_cal IS NOT NULL
      GROUP BY h.x_cal, h.t_x_cal, h.t_age_cal
      ORDER BY x, t_x, t_age
      -- bound: [50]",
        "duckdb": "SELECT h.x_cal AS x, h.t_x_cal AS t_x, h.t_age_cal AS t_age, count(*) AS users,
        sum(CASE WHEN (p.user_id IS NOT NULL AND (CAST($1 AS DOUBLE) IS NULL OR h.orders_cal <= CAST($1 AS DOUBLE))) THEN 1 ELSE 0 END) AS checked_users,
        sum(CASE WHEN (p.user_id IS NOT NULL AND (CAST($1 AS DOUBLE) IS NULL OR h.orders_cal <= CAST($1 AS DOUBLE))) THEN h.x_holdout ELSE 0 END) AS holdout
      FROM enc_history AS h
      JOIN enc_user_ids AS ids ON ids.user_no = h.user_no
      LEFT JOIN (SELECT user_id FROM enc_population) AS p ON p.user_id = ids.user_id
      WHERE h.x_cal IS NOT NULL
      GROUP BY h.x_cal, h.t_x_cal, h.t_age_cal
      ORDER BY x, t_x, t_age
      -- bound: [50]",
        "postgres": "SELECT h.x_cal AS x, h.t_x_cal AS t_x, h.t_age_cal AS t_age, count(*) AS users,
        sum(CASE WHEN (p.user_id IS NOT NULL AND (CAST($1 AS double precision) IS NULL OR h.orders_cal <= CAST($1 AS double precision))) THEN 1 ELSE 0 END) AS checked_users,
        sum(CASE WHEN (p.user_id IS NOT NULL AND (CAST($1 AS double precision) IS NULL OR h.orders_cal <= CAST($1 AS double precision))) THEN h.x_holdout ELSE 0 END) AS holdout
      FROM enc_history AS h
      JOIN enc_user_ids AS ids ON ids.user_no = h.user_no
      LEFT JOIN (SELECT user_id FROM enc_population) AS p ON p.user_id = ids.user_id
      WHERE h.x_cal IS NOT NULL
      GROUP BY h.x_cal, h.t_x_cal, h.t_age_cal
      ORDER BY x, t_x, t_age
      -- bound: [50]",
      }
    `);
  });

  it("spendSql", () => {
    expect(rendered("spendSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT x, m FROM enc_history WHERE x >= 1 AND m > 0 ORDER BY x, m",
        "duckdb": "SELECT x, m FROM enc_history WHERE x >= 1 AND m > 0 ORDER BY x, m",
        "postgres": "SELECT x, m FROM enc_history WHERE x >= 1 AND m > 0 ORDER BY x, m",
      }
    `);
  });

  it("userPredictionsSql", () => {
    expect(rendered("userPredictionsSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT user_id, orders, repeat_occasions, recency_days, age_days, p_alive,
        p_alive * expected_if_alive AS expected_orders, expected_order_value_rub,
        p_alive * clv_if_alive * expected_order_value_rub AS clv_rub
      FROM (
        SELECT ids.user_id, h.orders, h.x AS repeat_occasions, h.t_x AS recency_days, h.t_age AS age_days,
          CASE WHEN (ln(CAST(1 AS Nullable(Float64))) - ln(CAST(2 AS Nullable(Float64)) + h.x) + (CAST(0.5 AS Nullable(Float64)) + h.x) * (ln(CAST(10 AS Nullable(Float64)) + h.t_age) - ln(CAST(10 AS Nullable(Float64)) + h.t_x))) > 0 THEN exp(greatest(-(ln(CAST(1 AS Nullable(Float64))) - ln(CAST(2 AS Nullable(Float64)) + h.x) + (CAST(0.5 AS Nullable(Float64)) + h.x) * (ln(CAST(10 AS Nullable(Float64)) + h.t_age) - ln(CAST(10 AS Nullable(Float64)) + h.t_x))), -700)) / (1 + exp(greatest(-(ln(CAST(1 AS Nullable(Float64))) - ln(CAST(2 AS Nullable(Float64)) + h.x) + (CAST(0.5 AS Nullable(Float64)) + h.x) * (ln(CAST(10 AS Nullable(Float64)) + h.t_age) - ln(CAST(10 AS Nullable(Float64)) + h.t_x))), -700)))
          ELSE 1 / (1 + exp((ln(CAST(1 AS Nullable(Float64))) - ln(CAST(2 AS Nullable(Float64)) + h.x) + (CAST(0.5 AS Nullable(Float64)) + h.x) * (ln(CAST(10 AS Nullable(Float64)) + h.t_age) - ln(CAST(10 AS Nullable(Float64)) + h.t_x))))) END AS p_alive, e.expected_if_alive, e.clv_if_alive, CASE WHEN h.m IS NULL OR h.x = 0 THEN CAST(15 AS Nullable(Float64)) * CAST(6 AS Nullable(Float64)) / (CAST(4 AS Nullable(Float64)) - 1)
              ELSE (CAST(4 AS Nullable(Float64)) - 1) / (CAST(6 AS Nullable(Float64)) * h.x + CAST(4 AS Nullable(Float64)) - 1) * (CAST(15 AS Nullable(Float64)) * CAST(6 AS Nullable(Float64)) / (CAST(4 AS Nullable(Float64)) - 1)) + CAST(6 AS Nullable(Float64)) * h.x / (CAST(6 AS Nullable(Float64)) * h.x + CAST(4 AS Nullable(Float64)) - 1) * h.m END AS expected_order_value_rub
        FROM enc_history AS h
        JOIN enc_user_ids AS ids ON ids.user_no = h.user_no
        JOIN enc_pair_expectations AS e ON e.x = h.x AND e.t_age = h.t_age
      ) AS per_user",
        "duckdb": "SELECT user_id, orders, repeat_occasions, recency_days, age_days, p_alive,
        p_alive * expected_if_alive AS expected_orders, expected_order_value_rub,
        p_alive * clv_if_alive * expected_order_value_rub AS clv_rub
      FROM (
        SELECT ids.user_id, h.orders, h.x AS repeat_occasions, h.t_x AS recency_days, h.t_age AS age_days,
          CASE WHEN (ln(CAST(1 AS DOUBLE)) - ln(CAST(2 AS DOUBLE) + h.x) + (CAST(0.5 AS DOUBLE) + h.x) * (ln(CAST(10 AS DOUBLE) + h.t_age) - ln(CAST(10 AS DOUBLE) + h.t_x))) > 0 THEN exp(greatest(-(ln(CAST(1 AS DOUBLE)) - ln(CAST(2 AS DOUBLE) + h.x) + (CAST(0.5 AS DOUBLE) + h.x) * (ln(CAST(10 AS DOUBLE) + h.t_age) - ln(CAST(10 AS DOUBLE) + h.t_x))), -700)) / (1 + exp(greatest(-(ln(CAST(1 AS DOUBLE)) - ln(CAST(2 AS DOUBLE) + h.x) + (CAST(0.5 AS DOUBLE) + h.x) * (ln(CAST(10 AS DOUBLE) + h.t_age) - ln(CAST(10 AS DOUBLE) + h.t_x))), -700)))
          ELSE 1 / (1 + exp((ln(CAST(1 AS DOUBLE)) - ln(CAST(2 AS DOUBLE) + h.x) + (CAST(0.5 AS DOUBLE) + h.x) * (ln(CAST(10 AS DOUBLE) + h.t_age) - ln(CAST(10 AS DOUBLE) + h.t_x))))) END AS p_alive, e.expected_if_alive, e.clv_if_alive, CASE WHEN h.m IS NULL OR h.x = 0 THEN CAST(15 AS DOUBLE) * CAST(6 AS DOUBLE) / (CAST(4 AS DOUBLE) - 1)
              ELSE (CAST(4 AS DOUBLE) - 1) / (CAST(6 AS DOUBLE) * h.x + CAST(4 AS DOUBLE) - 1) * (CAST(15 AS DOUBLE) * CAST(6 AS DOUBLE) / (CAST(4 AS DOUBLE) - 1)) + CAST(6 AS DOUBLE) * h.x / (CAST(6 AS DOUBLE) * h.x + CAST(4 AS DOUBLE) - 1) * h.m END AS expected_order_value_rub
        FROM enc_history AS h
        JOIN enc_user_ids AS ids ON ids.user_no = h.user_no
        JOIN enc_pair_expectations AS e ON e.x = h.x AND e.t_age = h.t_age
      ) AS per_user",
        "postgres": "SELECT user_id, orders, repeat_occasions, recency_days, age_days, p_alive,
        p_alive * expected_if_alive AS expected_orders, expected_order_value_rub,
        p_alive * clv_if_alive * expected_order_value_rub AS clv_rub
      FROM (
        SELECT ids.user_id, h.orders, h.x AS repeat_occasions, h.t_x AS recency_days, h.t_age AS age_days,
          CASE WHEN (ln(CAST(1 AS double precision)) - ln(CAST(2 AS double precision) + h.x) + (CAST(0.5 AS double precision) + h.x) * (ln(CAST(10 AS double precision) + h.t_age) - ln(CAST(10 AS double precision) + h.t_x))) > 0 THEN exp(greatest(-(ln(CAST(1 AS double precision)) - ln(CAST(2 AS double precision) + h.x) + (CAST(0.5 AS double precision) + h.x) * (ln(CAST(10 AS double precision) + h.t_age) - ln(CAST(10 AS double precision) + h.t_x))), -700)) / (1 + exp(greatest(-(ln(CAST(1 AS double precision)) - ln(CAST(2 AS double precision) + h.x) + (CAST(0.5 AS double precision) + h.x) * (ln(CAST(10 AS double precision) + h.t_age) - ln(CAST(10 AS double precision) + h.t_x))), -700)))
          ELSE 1 / (1 + exp((ln(CAST(1 AS double precision)) - ln(CAST(2 AS double precision) + h.x) + (CAST(0.5 AS double precision) + h.x) * (ln(CAST(10 AS double precision) + h.t_age) - ln(CAST(10 AS double precision) + h.t_x))))) END AS p_alive, e.expected_if_alive, e.clv_if_alive, CASE WHEN h.m IS NULL OR h.x = 0 THEN CAST(15 AS double precision) * CAST(6 AS double precision) / (CAST(4 AS double precision) - 1)
              ELSE (CAST(4 AS double precision) - 1) / (CAST(6 AS double precision) * h.x + CAST(4 AS double precision) - 1) * (CAST(15 AS double precision) * CAST(6 AS double precision) / (CAST(4 AS double precision) - 1)) + CAST(6 AS double precision) * h.x / (CAST(6 AS double precision) * h.x + CAST(4 AS double precision) - 1) * h.m END AS expected_order_value_rub
        FROM enc_history AS h
        JOIN enc_user_ids AS ids ON ids.user_no = h.user_no
        JOIN enc_pair_expectations AS e ON e.x = h.x AND e.t_age = h.t_age
      ) AS per_user",
      }
    `);
  });

  it("runPredictionsSql", () => {
    expect(rendered("runPredictionsSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT user_id, repeat_occasions, recency_days, age_days, CAST(orders > 50 AS Nullable(Bool)) AS excluded_by_filter,
        p_alive, expected_orders, expected_order_value_rub, clv_rub
      FROM enc_model_predictions",
        "duckdb": "SELECT user_id, repeat_occasions, recency_days, age_days, (orders > 50) AS excluded_by_filter,
        p_alive, expected_orders, expected_order_value_rub, clv_rub
      FROM enc_model_predictions",
        "postgres": "SELECT user_id, repeat_occasions, recency_days, age_days, (orders > 50) AS excluded_by_filter,
        p_alive, expected_orders, expected_order_value_rub, clv_rub
      FROM enc_model_predictions",
      }
    `);
  });

  it("pairExpectationsShapeSql", () => {
    expect(rendered("pairExpectationsShapeSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT CAST(0 AS INTEGER) AS x, CAST(0 AS INTEGER) AS t_age, CAST(0 AS Nullable(Float64)) AS expected_if_alive, CAST(0 AS Nullable(Float64)) AS clv_if_alive WHERE 1 = 0",
        "duckdb": "SELECT CAST(0 AS INTEGER) AS x, CAST(0 AS INTEGER) AS t_age, CAST(0 AS DOUBLE) AS expected_if_alive, CAST(0 AS DOUBLE) AS clv_if_alive WHERE 1 = 0",
        "postgres": "SELECT CAST(0 AS INTEGER) AS x, CAST(0 AS INTEGER) AS t_age, CAST(0 AS double precision) AS expected_if_alive, CAST(0 AS double precision) AS clv_if_alive WHERE 1 = 0",
      }
    `);
  });

  it("predictedGroupingSetsSql", () => {
    expect(rendered("predictedGroupingSetsSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT GROUPING(u."segment") AS "g_segment", GROUPING(u."first_device") AS "g_first_device", CAST(u."segment" AS TEXT) AS "v_segment", CAST(u."first_device" AS TEXT) AS "v_first_device",
        count(*) AS users, sum(p.expected_orders) AS expected_orders,
        avg(p.p_alive) AS mean_p_alive, avg(p.clv_rub) AS mean_clv_rub
      FROM enc_r1_predictions AS p JOIN enc_r1_users_kept AS u ON u.user_id = p.user_id
      GROUP BY GROUPING SETS ((), (u."segment"), (u."first_device"))",
        "duckdb": "SELECT GROUPING(u."segment") AS "g_segment", GROUPING(u."first_device") AS "g_first_device", CAST(u."segment" AS TEXT) AS "v_segment", CAST(u."first_device" AS TEXT) AS "v_first_device",
        count(*) AS users, sum(p.expected_orders) AS expected_orders,
        avg(p.p_alive) AS mean_p_alive, avg(p.clv_rub) AS mean_clv_rub
      FROM enc_r1_predictions AS p JOIN enc_r1_users_kept AS u ON u.user_id = p.user_id
      GROUP BY GROUPING SETS ((), (u."segment"), (u."first_device"))",
        "postgres": "SELECT GROUPING(u."segment") AS "g_segment", GROUPING(u."first_device") AS "g_first_device", CAST(u."segment" AS TEXT) AS "v_segment", CAST(u."first_device" AS TEXT) AS "v_first_device",
        count(*) AS users, sum(p.expected_orders) AS expected_orders,
        avg(p.p_alive) AS mean_p_alive, avg(p.clv_rub) AS mean_clv_rub
      FROM enc_r1_predictions AS p JOIN enc_r1_users_kept AS u ON u.user_id = p.user_id
      GROUP BY GROUPING SETS ((), (u."segment"), (u."first_device"))",
      }
    `);
  });

  it("singleOrderPredictionsSql", () => {
    expect(rendered("singleOrderPredictionsSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT count(*) AS users, sum(p.expected_orders) AS expected_orders,
        avg(p.p_alive) AS mean_p_alive, avg(p.clv_rub) AS mean_clv_rub
      FROM enc_r1_predictions AS p JOIN enc_r1_users_kept AS u ON u.user_id = p.user_id
      WHERE u.total_orders = 1",
        "duckdb": "SELECT count(*) AS users, sum(p.expected_orders) AS expected_orders,
        avg(p.p_alive) AS mean_p_alive, avg(p.clv_rub) AS mean_clv_rub
      FROM enc_r1_predictions AS p JOIN enc_r1_users_kept AS u ON u.user_id = p.user_id
      WHERE u.total_orders = 1",
        "postgres": "SELECT count(*) AS users, sum(p.expected_orders) AS expected_orders,
        avg(p.p_alive) AS mean_p_alive, avg(p.clv_rub) AS mean_clv_rub
      FROM enc_r1_predictions AS p JOIN enc_r1_users_kept AS u ON u.user_id = p.user_id
      WHERE u.total_orders = 1",
      }
    `);
  });

  it("pAliveHistogramSql", () => {
    expect(rendered("pAliveHistogramSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT CASE WHEN p.p_alive >= 1 THEN 9 ELSE CAST(floor(p.p_alive * 10) AS INTEGER) END AS bin,
        count(*) AS users
      FROM enc_r1_predictions AS p JOIN enc_r1_users_kept AS u ON u.user_id = p.user_id
      WHERE u.total_orders = 1
      GROUP BY 1",
        "duckdb": "SELECT CASE WHEN p.p_alive >= 1 THEN 9 ELSE CAST(floor(p.p_alive * 10) AS INTEGER) END AS bin,
        count(*) AS users
      FROM enc_r1_predictions AS p JOIN enc_r1_users_kept AS u ON u.user_id = p.user_id
      WHERE u.total_orders = 1
      GROUP BY 1",
        "postgres": "SELECT CASE WHEN p.p_alive >= 1 THEN 9 ELSE CAST(floor(p.p_alive * 10) AS INTEGER) END AS bin,
        count(*) AS users
      FROM enc_r1_predictions AS p JOIN enc_r1_users_kept AS u ON u.user_id = p.user_id
      WHERE u.total_orders = 1
      GROUP BY 1",
      }
    `);
  });

  it("userGapCountsSql", () => {
    expect(rendered("userGapCountsSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT user_no, days_since_prev, count(*) AS orders
      FROM (
        SELECT user_no, dateDiff('day', toDate32(lag(order_dt) OVER (PARTITION BY user_no ORDER BY order_ts, CAST(order_id AS BIGINT), length(order_id))), toDate32(order_dt)) AS days_since_prev
        FROM enc_orders
      ) AS gaps
      GROUP BY user_no, days_since_prev",
        "duckdb": "SELECT user_no, days_since_prev, count(*) AS orders
      FROM (
        SELECT user_no, date_diff('day', lag(order_dt) OVER (PARTITION BY user_no ORDER BY order_ts, CAST(order_id AS BIGINT), length(order_id)), order_dt) AS days_since_prev
        FROM enc_orders
      ) AS gaps
      GROUP BY user_no, days_since_prev",
        "postgres": "SELECT user_no, days_since_prev, count(*) AS orders
      FROM (
        SELECT user_no, (CAST(order_dt AS date) - CAST(lag(order_dt) OVER (PARTITION BY user_no ORDER BY order_ts, CAST(order_id AS BIGINT), length(order_id)) AS date)) AS days_since_prev
        FROM enc_orders
      ) AS gaps
      GROUP BY user_no, days_since_prev",
      }
    `);
  });

  it("keptGapsSql", () => {
    expect(rendered("keptGapsSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT g.days_since_prev, g.orders
      FROM enc_user_gaps AS g
      JOIN enc_user_ids AS ids ON ids.user_no = g.user_no
      JOIN (SELECT user_id FROM enc_r1_users_kept) AS k ON k.user_id = ids.user_id",
        "duckdb": "SELECT g.days_since_prev, g.orders
      FROM enc_user_gaps AS g
      JOIN enc_user_ids AS ids ON ids.user_no = g.user_no
      JOIN (SELECT user_id FROM enc_r1_users_kept) AS k ON k.user_id = ids.user_id",
        "postgres": "SELECT g.days_since_prev, g.orders
      FROM enc_user_gaps AS g
      JOIN enc_user_ids AS ids ON ids.user_no = g.user_no
      JOIN (SELECT user_id FROM enc_r1_users_kept) AS k ON k.user_id = ids.user_id",
      }
    `);
  });

  it("keptGapsSqlEveryone", () => {
    expect(rendered("keptGapsSqlEveryone")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT days_since_prev, orders FROM enc_order_gaps WHERE total_orders <= 12",
        "duckdb": "SELECT days_since_prev, orders FROM enc_order_gaps WHERE total_orders <= 12",
        "postgres": "SELECT days_since_prev, orders FROM enc_order_gaps WHERE total_orders <= 12",
      }
    `);
  });

  it("keptUsersSql", () => {
    expect(rendered("keptUsersSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT * FROM enc_population WHERE total_orders <= 12",
        "duckdb": "SELECT * FROM enc_population WHERE total_orders <= 12",
        "postgres": "SELECT * FROM enc_population WHERE total_orders <= 12",
      }
    `);
  });

  it("aggUsersExportSql", () => {
    expect(rendered("aggUsersExportSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT *, CAST(total_orders > 12 AS Nullable(Bool)) AS excluded_by_filter FROM enc_users",
        "duckdb": "SELECT *, (total_orders > 12) AS excluded_by_filter FROM enc_users",
        "postgres": "SELECT *, (total_orders > 12) AS excluded_by_filter FROM enc_users",
      }
    `);
  });

  it("rankSumSql", () => {
    expect(rendered("rankSumSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT coalesce(sum(CASE WHEN in1 THEN 1 ELSE 0 END), 0) AS n1,
        coalesce(sum(CASE WHEN in1 THEN 0 ELSE 1 END), 0) AS n2,
        coalesce(sum(CASE WHEN in1 THEN (lo + hi) / 2 ELSE 0 END), 0) AS rank_sum1,
        coalesce(sum((hi - lo) * (hi - lo + 2)), 0) AS tie_term
      FROM (
        SELECT in1, CAST(rank() OVER (ORDER BY v) AS Nullable(Float64)) AS lo, CAST(count(*) OVER (ORDER BY v) AS Nullable(Float64)) AS hi
        FROM (
          SELECT avg_revenue_rub AS v, (is_two) AS in1
          FROM enc_users
          WHERE avg_revenue_rub IS NOT NULL AND ((is_two) OR (NOT is_two))
        ) AS rows_of_both
      ) AS ranked",
        "duckdb": "SELECT coalesce(sum(CASE WHEN in1 THEN 1 ELSE 0 END), 0) AS n1,
        coalesce(sum(CASE WHEN in1 THEN 0 ELSE 1 END), 0) AS n2,
        coalesce(sum(CASE WHEN in1 THEN (lo + hi) / 2 ELSE 0 END), 0) AS rank_sum1,
        coalesce(sum((hi - lo) * (hi - lo + 2)), 0) AS tie_term
      FROM (
        SELECT in1, CAST(rank() OVER (ORDER BY v) AS DOUBLE) AS lo, CAST(count(*) OVER (ORDER BY v) AS DOUBLE) AS hi
        FROM (
          SELECT avg_revenue_rub AS v, (is_two) AS in1
          FROM enc_users
          WHERE avg_revenue_rub IS NOT NULL AND ((is_two) OR (NOT is_two))
        ) AS rows_of_both
      ) AS ranked",
        "postgres": "SELECT coalesce(sum(CASE WHEN in1 THEN 1 ELSE 0 END), 0) AS n1,
        coalesce(sum(CASE WHEN in1 THEN 0 ELSE 1 END), 0) AS n2,
        coalesce(sum(CASE WHEN in1 THEN (lo + hi) / 2 ELSE 0 END), 0) AS rank_sum1,
        coalesce(sum((hi - lo) * (hi - lo + 2)), 0) AS tie_term
      FROM (
        SELECT in1, CAST(rank() OVER (ORDER BY v) AS double precision) AS lo, CAST(count(*) OVER (ORDER BY v) AS double precision) AS hi
        FROM (
          SELECT avg_revenue_rub AS v, (is_two) AS in1
          FROM enc_users
          WHERE avg_revenue_rub IS NOT NULL AND ((is_two) OR (NOT is_two))
        ) AS rows_of_both
      ) AS ranked",
      }
    `);
  });

  it("ratesSql", () => {
    expect(rendered("ratesSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT currency_code, rate_date, nominal, rate FROM (
      WITH parsed AS (
        SELECT r."__encore_row" AS row_no,
          CAST(if(match(NULLIF(trim(CAST(r."date" AS Nullable(String))), ''), '^(([0-9]{4}-((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))|([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[048]|[2468][048]|[13579][26])00)-02-29)([ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]+)?)?)?)$') AND NOT startsWith(NULLIF(trim(CAST(r."date" AS Nullable(String))), ''), '0000'), if(length(NULLIF(trim(CAST(r."date" AS Nullable(String))), '')) = 16, toDateTime64OrNull(concat(replaceOne(NULLIF(trim(CAST(r."date" AS Nullable(String))), ''), 'T', ' '), ':00'), 6, 'UTC'), toDateTime64OrNull(substring(replaceOne(NULLIF(trim(CAST(r."date" AS Nullable(String))), ''), 'T', ' '), 1, 26), 6, 'UTC')), NULL) AS DATE) AS rate_date,
          lower(NULLIF(trim(CAST(r."currency_code" AS Nullable(String))), '')) AS currency_code,
          if(match(NULLIF(trim(CAST(r."nominal" AS Nullable(String))), ''), '^([+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?)$') AND isFinite(toFloat64OrNull(NULLIF(trim(CAST(r."nominal" AS Nullable(String))), ''))), toFloat64OrNull(NULLIF(trim(CAST(r."nominal" AS Nullable(String))), '')), NULL) AS nominal,
          if(match(NULLIF(trim(CAST(r."rate" AS Nullable(String))), ''), '^([+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?)$') AND isFinite(toFloat64OrNull(NULLIF(trim(CAST(r."rate" AS Nullable(String))), ''))), toFloat64OrNull(NULLIF(trim(CAST(r."rate" AS Nullable(String))), '')), NULL) AS rate
        FROM enc_rates_raw AS r
      ),
      checked AS (
        SELECT *, CASE
          WHEN rate_date IS NULL THEN 'bad_date'
          WHEN currency_code IS NULL THEN 'missing_currency'
          WHEN currency_code = 'rub' THEN 'rouble'
          WHEN NOT (nominal > 0) OR nominal IS NULL THEN 'bad_nominal'
          WHEN NOT (rate > 0) OR rate IS NULL THEN 'bad_rate'
        END AS problem
        FROM parsed
      ),
      ranked AS (
        SELECT *, CASE WHEN problem IS NULL
          THEN row_number() OVER (PARTITION BY problem, currency_code, rate_date ORDER BY row_no DESC)
        END AS k
        FROM checked
      )
      SELECT row_no, rate_date, currency_code, nominal, rate,
        CASE WHEN k > 1 THEN 'superseded' ELSE problem END AS problem
      FROM ranked) AS c WHERE problem IS NULL",
        "duckdb": "SELECT currency_code, rate_date, nominal, rate FROM (
      WITH parsed AS (
        SELECT r."__encore_row" AS row_no,
          CAST(CASE WHEN regexp_full_match(NULLIF(trim(CAST(r."date" AS VARCHAR)), ''), '[0-9]{4}-[0-9]{2}-[0-9]{2}([ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]+)?)?)?') THEN TRY_CAST(NULLIF(trim(CAST(r."date" AS VARCHAR)), '') AS TIMESTAMP) END AS DATE) AS rate_date,
          lower(NULLIF(trim(CAST(r."currency_code" AS VARCHAR)), '')) AS currency_code,
          CASE WHEN regexp_full_match(NULLIF(trim(CAST(r."nominal" AS VARCHAR)), ''), '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?') THEN CASE WHEN isfinite(TRY_CAST(NULLIF(trim(CAST(r."nominal" AS VARCHAR)), '') AS DOUBLE)) THEN TRY_CAST(NULLIF(trim(CAST(r."nominal" AS VARCHAR)), '') AS DOUBLE) END END AS nominal,
          CASE WHEN regexp_full_match(NULLIF(trim(CAST(r."rate" AS VARCHAR)), ''), '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?') THEN CASE WHEN isfinite(TRY_CAST(NULLIF(trim(CAST(r."rate" AS VARCHAR)), '') AS DOUBLE)) THEN TRY_CAST(NULLIF(trim(CAST(r."rate" AS VARCHAR)), '') AS DOUBLE) END END AS rate
        FROM enc_rates_raw AS r
      ),
      checked AS (
        SELECT *, CASE
          WHEN rate_date IS NULL THEN 'bad_date'
          WHEN currency_code IS NULL THEN 'missing_currency'
          WHEN currency_code = 'rub' THEN 'rouble'
          WHEN NOT (nominal > 0) OR nominal IS NULL THEN 'bad_nominal'
          WHEN NOT (rate > 0) OR rate IS NULL THEN 'bad_rate'
        END AS problem
        FROM parsed
      ),
      ranked AS (
        SELECT *, CASE WHEN problem IS NULL
          THEN row_number() OVER (PARTITION BY problem, currency_code, rate_date ORDER BY row_no DESC)
        END AS k
        FROM checked
      )
      SELECT row_no, rate_date, currency_code, nominal, rate,
        CASE WHEN k > 1 THEN 'superseded' ELSE problem END AS problem
      FROM ranked) AS c WHERE problem IS NULL",
        "postgres": "SELECT currency_code, rate_date, nominal, rate FROM (
      WITH parsed AS (
        SELECT r."__encore_row" AS row_no,
          CAST(CAST(CASE WHEN NULLIF(trim(CAST(r."date" AS text)), '') ~ '^(([0-9]{4}-((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))|([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[048]|[2468][048]|[13579][26])00)-02-29)([ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]+)?)?)?)$' THEN CASE WHEN NULLIF(trim(CAST(r."date" AS text)), '') LIKE '0000%' THEN '0001' || substr(regexp_replace(NULLIF(trim(CAST(r."date" AS text)), ''), '([.][0-9]{6})[0-9]+$', '\\1'), 5) || ' BC' ELSE regexp_replace(NULLIF(trim(CAST(r."date" AS text)), ''), '([.][0-9]{6})[0-9]+$', '\\1') END END AS timestamp) AS DATE) AS rate_date,
          lower(NULLIF(trim(CAST(r."currency_code" AS text)), '')) AS currency_code,
          CAST(CASE WHEN NULLIF(trim(CAST(r."nominal" AS text)), '') ~ '^([+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?)$' THEN CASE WHEN jsonb_path_exists(to_jsonb(CAST(NULLIF(trim(CAST(r."nominal" AS text)), '') AS text)), '$.double()', '{}', true) THEN NULLIF(trim(CAST(r."nominal" AS text)), '') WHEN CASE WHEN length(ltrim(coalesce(substring(NULLIF(trim(CAST(r."nominal" AS text)), '') from '[eE][+-]?([0-9]+)$'), ''), '0')) > 9 THEN (NULLIF(trim(CAST(r."nominal" AS text)), '') ~ '[eE]-') ELSE (CASE WHEN (NULLIF(trim(CAST(r."nominal" AS text)), '') ~ '[eE]-') THEN -1 ELSE 1 END) * CAST('0' || ltrim(coalesce(substring(NULLIF(trim(CAST(r."nominal" AS text)), '') from '[eE][+-]?([0-9]+)$'), ''), '0') AS bigint) + CASE WHEN ltrim(substring(NULLIF(trim(CAST(r."nominal" AS text)), '') from '^[+-]?([0-9]*)'), '0') <> '' THEN length(ltrim(substring(NULLIF(trim(CAST(r."nominal" AS text)), '') from '^[+-]?([0-9]*)'), '0')) - 1 ELSE length(ltrim(coalesce(substring(NULLIF(trim(CAST(r."nominal" AS text)), '') from '[.]([0-9]*)'), ''), '0')) - length(coalesce(substring(NULLIF(trim(CAST(r."nominal" AS text)), '') from '[.]([0-9]*)'), '')) - 1 END < 0 END THEN CASE WHEN NULLIF(trim(CAST(r."nominal" AS text)), '') LIKE '-%' THEN '-0' ELSE '0' END END END AS double precision) AS nominal,
          CAST(CASE WHEN NULLIF(trim(CAST(r."rate" AS text)), '') ~ '^([+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?)$' THEN CASE WHEN jsonb_path_exists(to_jsonb(CAST(NULLIF(trim(CAST(r."rate" AS text)), '') AS text)), '$.double()', '{}', true) THEN NULLIF(trim(CAST(r."rate" AS text)), '') WHEN CASE WHEN length(ltrim(coalesce(substring(NULLIF(trim(CAST(r."rate" AS text)), '') from '[eE][+-]?([0-9]+)$'), ''), '0')) > 9 THEN (NULLIF(trim(CAST(r."rate" AS text)), '') ~ '[eE]-') ELSE (CASE WHEN (NULLIF(trim(CAST(r."rate" AS text)), '') ~ '[eE]-') THEN -1 ELSE 1 END) * CAST('0' || ltrim(coalesce(substring(NULLIF(trim(CAST(r."rate" AS text)), '') from '[eE][+-]?([0-9]+)$'), ''), '0') AS bigint) + CASE WHEN ltrim(substring(NULLIF(trim(CAST(r."rate" AS text)), '') from '^[+-]?([0-9]*)'), '0') <> '' THEN length(ltrim(substring(NULLIF(trim(CAST(r."rate" AS text)), '') from '^[+-]?([0-9]*)'), '0')) - 1 ELSE length(ltrim(coalesce(substring(NULLIF(trim(CAST(r."rate" AS text)), '') from '[.]([0-9]*)'), ''), '0')) - length(coalesce(substring(NULLIF(trim(CAST(r."rate" AS text)), '') from '[.]([0-9]*)'), '')) - 1 END < 0 END THEN CASE WHEN NULLIF(trim(CAST(r."rate" AS text)), '') LIKE '-%' THEN '-0' ELSE '0' END END END AS double precision) AS rate
        FROM enc_rates_raw AS r
      ),
      checked AS (
        SELECT *, CASE
          WHEN rate_date IS NULL THEN 'bad_date'
          WHEN currency_code IS NULL THEN 'missing_currency'
          WHEN currency_code = 'rub' THEN 'rouble'
          WHEN NOT (nominal > 0) OR nominal IS NULL THEN 'bad_nominal'
          WHEN NOT (rate > 0) OR rate IS NULL THEN 'bad_rate'
        END AS problem
        FROM parsed
      ),
      ranked AS (
        SELECT *, CASE WHEN problem IS NULL
          THEN row_number() OVER (PARTITION BY problem, currency_code, rate_date ORDER BY row_no DESC)
        END AS k
        FROM checked
      )
      SELECT row_no, rate_date, currency_code, nominal, rate,
        CASE WHEN k > 1 THEN 'superseded' ELSE problem END AS problem
      FROM ranked) AS c WHERE problem IS NULL",
      }
    `);
  });

  it("emptyRatesSql", () => {
    expect(rendered("emptyRatesSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT CAST(NULL AS Nullable(String)) AS currency_code, CAST(NULL AS DATE) AS rate_date, CAST(NULL AS Nullable(Float64)) AS nominal, CAST(NULL AS Nullable(Float64)) AS rate WHERE false",
        "duckdb": "SELECT CAST(NULL AS VARCHAR) AS currency_code, CAST(NULL AS DATE) AS rate_date, CAST(NULL AS DOUBLE) AS nominal, CAST(NULL AS DOUBLE) AS rate WHERE false",
        "postgres": "SELECT CAST(NULL AS text) AS currency_code, CAST(NULL AS DATE) AS rate_date, CAST(NULL AS double precision) AS nominal, CAST(NULL AS double precision) AS rate WHERE false",
      }
    `);
  });

  it("dailyRatesSql", () => {
    expect(rendered("dailyRatesSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "WITH order_days AS (
        SELECT DISTINCT currency_code, CAST(order_ts AS DATE) AS day
        FROM (
          SELECT e_currency_code AS currency_code, e_order_ts AS order_ts
          FROM (
      SELECT e_row, x_user_id AS e_user_id, x_order_id AS e_order_id, CASE WHEN x_order_ts IS NULL THEN CAST(CAST(CAST(x_order_dt AS TIMESTAMP) AS DATE) AS TIMESTAMP) ELSE n_order_ts END AS e_order_ts,
        CASE WHEN n_revenue >= 0 AND n_revenue < 1000000000000000 THEN n_revenue END AS e_revenue,
        CASE WHEN x_tickets_count IS NULL THEN 1 WHEN n_tickets_count >= 1 AND n_tickets_count <= 2147483647 AND n_tickets_count = floor(n_tickets_count) THEN CAST(n_tickets_count AS INTEGER) END AS e_tickets_count,
        x_currency_code AS e_currency_code,
        CASE WHEN n_days_since_prev = floor(n_days_since_prev) AND abs(n_days_since_prev) < 1e9 THEN CAST(n_days_since_prev AS INTEGER) END AS e_days_since_prev_source
      FROM (
        SELECT e_row, x_user_id, x_order_id, x_currency_code, x_order_ts, x_order_dt, x_tickets_count,
          if(match(x_order_ts, '^(([0-9]{4}-((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))|([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[048]|[2468][048]|[13579][26])00)-02-29)([ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]+)?)?)?)$') AND NOT startsWith(x_order_ts, '0000'), if(length(x_order_ts) = 16, toDateTime64OrNull(concat(replaceOne(x_order_ts, 'T', ' '), ':00'), 6, 'UTC'), toDateTime64OrNull(substring(replaceOne(x_order_ts, 'T', ' '), 1, 26), 6, 'UTC')), NULL) AS n_order_ts,
          if(match(x_revenue, '^([+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?)$') AND isFinite(toFloat64OrNull(x_revenue)), toFloat64OrNull(x_revenue), NULL) AS n_revenue,
          if(match(x_tickets_count, '^([+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?)$') AND isFinite(toFloat64OrNull(x_tickets_count)), toFloat64OrNull(x_tickets_count), NULL) AS n_tickets_count,
          if(match(x_days_since_prev, '^([+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?)$') AND isFinite(toFloat64OrNull(x_days_since_prev)), toFloat64OrNull(x_days_since_prev), NULL) AS n_days_since_prev
        FROM (
          SELECT r."__encore_row" AS e_row,
            NULLIF(trim(r."user_id"), '') AS x_user_id,
            r."order_id" AS x_order_id,
            coalesce(lower(NULLIF(trim(r."currency_code"), '')), 'rub') AS x_currency_code,
            NULLIF(trim(r."order_ts"), '') AS x_order_ts,
            r."order_dt" AS x_order_dt,
            NULLIF(trim(r."revenue"), '') AS x_revenue,
            NULLIF(trim(r."tickets_count"), '') AS x_tickets_count,
            NULLIF(trim(r."days_since_prev"), '') AS x_days_since_prev
          FROM enc_raw AS r WHERE (CAST(r."currency_code" AS Nullable(String)) IS NULL OR CAST(r."currency_code" AS Nullable(String)) <> 'rub') AND coalesce(lower(NULLIF(trim(r."currency_code"), '')), 'rub') <> 'rub'
        ) AS texts
      ) AS numbers) AS rows
        ) AS parsed
        WHERE currency_code <> 'rub' AND order_ts IS NOT NULL
      ),
      points AS (
        SELECT currency_code, day, CAST(NULL AS DATE) AS rate_date FROM order_days
        UNION ALL
        SELECT currency_code, rate_date AS day, rate_date FROM enc_rates
      ),
      marked AS (
        SELECT DISTINCT currency_code, day,
          max(rate_date) OVER (PARTITION BY currency_code ORDER BY day) AS rate_day
        FROM points
      )
      SELECT m.currency_code, m.day AS rate_date, r.rate, r.nominal
      FROM marked AS m
      JOIN enc_rates AS r ON r.currency_code = m.currency_code AND r.rate_date = m.rate_day",
        "duckdb": "WITH order_days AS (
        SELECT DISTINCT currency_code, CAST(order_ts AS DATE) AS day
        FROM (
          SELECT e_currency_code AS currency_code, e_order_ts AS order_ts
          FROM (
      SELECT e_row, x_user_id AS e_user_id, x_order_id AS e_order_id, CASE WHEN x_order_ts IS NULL THEN CAST(CAST(CAST(x_order_dt AS TIMESTAMP) AS DATE) AS TIMESTAMP) ELSE n_order_ts END AS e_order_ts,
        CASE WHEN n_revenue >= 0 AND n_revenue < 1000000000000000 THEN n_revenue END AS e_revenue,
        CASE WHEN x_tickets_count IS NULL THEN 1 WHEN n_tickets_count >= 1 AND n_tickets_count <= 2147483647 AND n_tickets_count = floor(n_tickets_count) THEN CAST(n_tickets_count AS INTEGER) END AS e_tickets_count,
        x_currency_code AS e_currency_code,
        CASE WHEN n_days_since_prev = floor(n_days_since_prev) AND abs(n_days_since_prev) < 1e9 THEN CAST(n_days_since_prev AS INTEGER) END AS e_days_since_prev_source
      FROM (
        SELECT e_row, x_user_id, x_order_id, x_currency_code, x_order_ts, x_order_dt, x_tickets_count,
          CASE WHEN m_order_ts THEN TRY_CAST(x_order_ts AS TIMESTAMP) ELSE CASE WHEN regexp_full_match(x_order_ts, '[0-9]{4}-[0-9]{2}-[0-9]{2}([ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]+)?)?)?') THEN TRY_CAST(x_order_ts AS TIMESTAMP) END END AS n_order_ts,
          CASE WHEN m_revenue THEN CASE WHEN isfinite(TRY_CAST(x_revenue AS DOUBLE)) THEN TRY_CAST(x_revenue AS DOUBLE) END ELSE CASE WHEN regexp_full_match(x_revenue, '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?') THEN CASE WHEN isfinite(TRY_CAST(x_revenue AS DOUBLE)) THEN TRY_CAST(x_revenue AS DOUBLE) END END END AS n_revenue,
          CASE WHEN m_tickets_count THEN CASE WHEN isfinite(TRY_CAST(x_tickets_count AS DOUBLE)) THEN TRY_CAST(x_tickets_count AS DOUBLE) END ELSE CASE WHEN regexp_full_match(x_tickets_count, '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?') THEN CASE WHEN isfinite(TRY_CAST(x_tickets_count AS DOUBLE)) THEN TRY_CAST(x_tickets_count AS DOUBLE) END END END AS n_tickets_count,
          CASE WHEN m_days_since_prev THEN CASE WHEN isfinite(TRY_CAST(x_days_since_prev AS DOUBLE)) THEN TRY_CAST(x_days_since_prev AS DOUBLE) END ELSE CASE WHEN regexp_full_match(x_days_since_prev, '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?') THEN CASE WHEN isfinite(TRY_CAST(x_days_since_prev AS DOUBLE)) THEN TRY_CAST(x_days_since_prev AS DOUBLE) END END END AS n_days_since_prev
        FROM (
          SELECT r."__encore_row" AS e_row,
            NULLIF(CASE WHEN ord(r."user_id") BETWEEN 33 AND 126 AND NOT suffix(r."user_id", ' ') AND (strlen(r."user_id") = length(r."user_id") OR NOT (suffix(r."user_id", chr(160)) OR suffix(r."user_id", chr(5760)) OR suffix(r."user_id", chr(8192)) OR suffix(r."user_id", chr(8193)) OR suffix(r."user_id", chr(8194)) OR suffix(r."user_id", chr(8195)) OR suffix(r."user_id", chr(8196)) OR suffix(r."user_id", chr(8197)) OR suffix(r."user_id", chr(8198)) OR suffix(r."user_id", chr(8199)) OR suffix(r."user_id", chr(8200)) OR suffix(r."user_id", chr(8201)) OR suffix(r."user_id", chr(8202)) OR suffix(r."user_id", chr(8239)) OR suffix(r."user_id", chr(8287)) OR suffix(r."user_id", chr(12288)))) THEN r."user_id" ELSE trim(r."user_id") END, '') AS x_user_id,
            r."order_id" AS x_order_id,
            coalesce(lower(NULLIF(trim(r."currency_code"), '')), 'rub') AS x_currency_code,
            CASE WHEN r."__encore_match_order_ts" THEN r."order_ts" ELSE NULLIF(CASE WHEN ord(r."order_ts") BETWEEN 33 AND 126 AND NOT suffix(r."order_ts", ' ') AND (strlen(r."order_ts") = length(r."order_ts") OR NOT (suffix(r."order_ts", chr(160)) OR suffix(r."order_ts", chr(5760)) OR suffix(r."order_ts", chr(8192)) OR suffix(r."order_ts", chr(8193)) OR suffix(r."order_ts", chr(8194)) OR suffix(r."order_ts", chr(8195)) OR suffix(r."order_ts", chr(8196)) OR suffix(r."order_ts", chr(8197)) OR suffix(r."order_ts", chr(8198)) OR suffix(r."order_ts", chr(8199)) OR suffix(r."order_ts", chr(8200)) OR suffix(r."order_ts", chr(8201)) OR suffix(r."order_ts", chr(8202)) OR suffix(r."order_ts", chr(8239)) OR suffix(r."order_ts", chr(8287)) OR suffix(r."order_ts", chr(12288)))) THEN r."order_ts" ELSE trim(r."order_ts") END, '') END AS x_order_ts,
            r."order_dt" AS x_order_dt,
            CASE WHEN r."__encore_match_revenue" THEN r."revenue" ELSE NULLIF(CASE WHEN ord(r."revenue") BETWEEN 33 AND 126 AND NOT suffix(r."revenue", ' ') AND (strlen(r."revenue") = length(r."revenue") OR NOT (suffix(r."revenue", chr(160)) OR suffix(r."revenue", chr(5760)) OR suffix(r."revenue", chr(8192)) OR suffix(r."revenue", chr(8193)) OR suffix(r."revenue", chr(8194)) OR suffix(r."revenue", chr(8195)) OR suffix(r."revenue", chr(8196)) OR suffix(r."revenue", chr(8197)) OR suffix(r."revenue", chr(8198)) OR suffix(r."revenue", chr(8199)) OR suffix(r."revenue", chr(8200)) OR suffix(r."revenue", chr(8201)) OR suffix(r."revenue", chr(8202)) OR suffix(r."revenue", chr(8239)) OR suffix(r."revenue", chr(8287)) OR suffix(r."revenue", chr(12288)))) THEN r."revenue" ELSE trim(r."revenue") END, '') END AS x_revenue,
            CASE WHEN r."__encore_match_tickets_count" THEN r."tickets_count" ELSE NULLIF(CASE WHEN ord(r."tickets_count") BETWEEN 33 AND 126 AND NOT suffix(r."tickets_count", ' ') AND (strlen(r."tickets_count") = length(r."tickets_count") OR NOT (suffix(r."tickets_count", chr(160)) OR suffix(r."tickets_count", chr(5760)) OR suffix(r."tickets_count", chr(8192)) OR suffix(r."tickets_count", chr(8193)) OR suffix(r."tickets_count", chr(8194)) OR suffix(r."tickets_count", chr(8195)) OR suffix(r."tickets_count", chr(8196)) OR suffix(r."tickets_count", chr(8197)) OR suffix(r."tickets_count", chr(8198)) OR suffix(r."tickets_count", chr(8199)) OR suffix(r."tickets_count", chr(8200)) OR suffix(r."tickets_count", chr(8201)) OR suffix(r."tickets_count", chr(8202)) OR suffix(r."tickets_count", chr(8239)) OR suffix(r."tickets_count", chr(8287)) OR suffix(r."tickets_count", chr(12288)))) THEN r."tickets_count" ELSE trim(r."tickets_count") END, '') END AS x_tickets_count,
            CASE WHEN r."__encore_match_days_since_prev" THEN r."days_since_prev" ELSE NULLIF(CASE WHEN ord(r."days_since_prev") BETWEEN 33 AND 126 AND NOT suffix(r."days_since_prev", ' ') AND (strlen(r."days_since_prev") = length(r."days_since_prev") OR NOT (suffix(r."days_since_prev", chr(160)) OR suffix(r."days_since_prev", chr(5760)) OR suffix(r."days_since_prev", chr(8192)) OR suffix(r."days_since_prev", chr(8193)) OR suffix(r."days_since_prev", chr(8194)) OR suffix(r."days_since_prev", chr(8195)) OR suffix(r."days_since_prev", chr(8196)) OR suffix(r."days_since_prev", chr(8197)) OR suffix(r."days_since_prev", chr(8198)) OR suffix(r."days_since_prev", chr(8199)) OR suffix(r."days_since_prev", chr(8200)) OR suffix(r."days_since_prev", chr(8201)) OR suffix(r."days_since_prev", chr(8202)) OR suffix(r."days_since_prev", chr(8239)) OR suffix(r."days_since_prev", chr(8287)) OR suffix(r."days_since_prev", chr(12288)))) THEN r."days_since_prev" ELSE trim(r."days_since_prev") END, '') END AS x_days_since_prev,
            r."__encore_match_order_ts" AS m_order_ts,
            r."__encore_match_revenue" AS m_revenue,
            r."__encore_match_tickets_count" AS m_tickets_count,
            r."__encore_match_days_since_prev" AS m_days_since_prev
          FROM (
            SELECT r.*, regexp_full_match(r."order_ts", '[0-9]{4}-[0-9]{2}-[0-9]{2}([ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]+)?)?)?') AS "__encore_match_order_ts", regexp_full_match(r."revenue", '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?') AS "__encore_match_revenue", regexp_full_match(r."tickets_count", '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?') AS "__encore_match_tickets_count", regexp_full_match(r."days_since_prev", '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?') AS "__encore_match_days_since_prev"
            FROM enc_raw AS r WHERE (CAST(r."currency_code" AS VARCHAR) IS NULL OR CAST(r."currency_code" AS VARCHAR) <> 'rub') AND coalesce(lower(NULLIF(trim(r."currency_code"), '')), 'rub') <> 'rub'
          ) AS r
        ) AS texts
      ) AS numbers) AS rows
        ) AS parsed
        WHERE currency_code <> 'rub' AND order_ts IS NOT NULL
      ),
      points AS (
        SELECT currency_code, day, CAST(NULL AS DATE) AS rate_date FROM order_days
        UNION ALL
        SELECT currency_code, rate_date AS day, rate_date FROM enc_rates
      ),
      marked AS (
        SELECT DISTINCT currency_code, day,
          max(rate_date) OVER (PARTITION BY currency_code ORDER BY day) AS rate_day
        FROM points
      )
      SELECT m.currency_code, m.day AS rate_date, r.rate, r.nominal
      FROM marked AS m
      JOIN enc_rates AS r ON r.currency_code = m.currency_code AND r.rate_date = m.rate_day",
        "postgres": "WITH order_days AS (
        SELECT DISTINCT currency_code, CAST(order_ts AS DATE) AS day
        FROM (
          SELECT e_currency_code AS currency_code, e_order_ts AS order_ts
          FROM (
      SELECT e_row, x_user_id AS e_user_id, x_order_id AS e_order_id, CASE WHEN x_order_ts IS NULL THEN CAST(CAST(CAST(x_order_dt AS TIMESTAMP) AS DATE) AS TIMESTAMP) ELSE n_order_ts END AS e_order_ts,
        CASE WHEN n_revenue >= 0 AND n_revenue < 1000000000000000 THEN n_revenue END AS e_revenue,
        CASE WHEN x_tickets_count IS NULL THEN 1 WHEN n_tickets_count >= 1 AND n_tickets_count <= 2147483647 AND n_tickets_count = floor(n_tickets_count) THEN CAST(n_tickets_count AS INTEGER) END AS e_tickets_count,
        x_currency_code AS e_currency_code,
        CASE WHEN n_days_since_prev = floor(n_days_since_prev) AND abs(n_days_since_prev) < 1e9 THEN CAST(n_days_since_prev AS INTEGER) END AS e_days_since_prev_source
      FROM (
        SELECT e_row, x_user_id, x_order_id, x_currency_code, x_order_ts, x_order_dt, x_tickets_count,
          CAST(CASE WHEN x_order_ts ~ '^(([0-9]{4}-((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))|([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[048]|[2468][048]|[13579][26])00)-02-29)([ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]+)?)?)?)$' THEN CASE WHEN x_order_ts LIKE '0000%' THEN '0001' || substr(regexp_replace(x_order_ts, '([.][0-9]{6})[0-9]+$', '\\1'), 5) || ' BC' ELSE regexp_replace(x_order_ts, '([.][0-9]{6})[0-9]+$', '\\1') END END AS timestamp) AS n_order_ts,
          CAST(CASE WHEN x_revenue ~ '^([+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?)$' THEN CASE WHEN jsonb_path_exists(to_jsonb(CAST(x_revenue AS text)), '$.double()', '{}', true) THEN x_revenue WHEN CASE WHEN length(ltrim(coalesce(substring(x_revenue from '[eE][+-]?([0-9]+)$'), ''), '0')) > 9 THEN (x_revenue ~ '[eE]-') ELSE (CASE WHEN (x_revenue ~ '[eE]-') THEN -1 ELSE 1 END) * CAST('0' || ltrim(coalesce(substring(x_revenue from '[eE][+-]?([0-9]+)$'), ''), '0') AS bigint) + CASE WHEN ltrim(substring(x_revenue from '^[+-]?([0-9]*)'), '0') <> '' THEN length(ltrim(substring(x_revenue from '^[+-]?([0-9]*)'), '0')) - 1 ELSE length(ltrim(coalesce(substring(x_revenue from '[.]([0-9]*)'), ''), '0')) - length(coalesce(substring(x_revenue from '[.]([0-9]*)'), '')) - 1 END < 0 END THEN CASE WHEN x_revenue LIKE '-%' THEN '-0' ELSE '0' END END END AS double precision) AS n_revenue,
          CAST(CASE WHEN x_tickets_count ~ '^([+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?)$' THEN CASE WHEN jsonb_path_exists(to_jsonb(CAST(x_tickets_count AS text)), '$.double()', '{}', true) THEN x_tickets_count WHEN CASE WHEN length(ltrim(coalesce(substring(x_tickets_count from '[eE][+-]?([0-9]+)$'), ''), '0')) > 9 THEN (x_tickets_count ~ '[eE]-') ELSE (CASE WHEN (x_tickets_count ~ '[eE]-') THEN -1 ELSE 1 END) * CAST('0' || ltrim(coalesce(substring(x_tickets_count from '[eE][+-]?([0-9]+)$'), ''), '0') AS bigint) + CASE WHEN ltrim(substring(x_tickets_count from '^[+-]?([0-9]*)'), '0') <> '' THEN length(ltrim(substring(x_tickets_count from '^[+-]?([0-9]*)'), '0')) - 1 ELSE length(ltrim(coalesce(substring(x_tickets_count from '[.]([0-9]*)'), ''), '0')) - length(coalesce(substring(x_tickets_count from '[.]([0-9]*)'), '')) - 1 END < 0 END THEN CASE WHEN x_tickets_count LIKE '-%' THEN '-0' ELSE '0' END END END AS double precision) AS n_tickets_count,
          CAST(CASE WHEN x_days_since_prev ~ '^([+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?)$' THEN CASE WHEN jsonb_path_exists(to_jsonb(CAST(x_days_since_prev AS text)), '$.double()', '{}', true) THEN x_days_since_prev WHEN CASE WHEN length(ltrim(coalesce(substring(x_days_since_prev from '[eE][+-]?([0-9]+)$'), ''), '0')) > 9 THEN (x_days_since_prev ~ '[eE]-') ELSE (CASE WHEN (x_days_since_prev ~ '[eE]-') THEN -1 ELSE 1 END) * CAST('0' || ltrim(coalesce(substring(x_days_since_prev from '[eE][+-]?([0-9]+)$'), ''), '0') AS bigint) + CASE WHEN ltrim(substring(x_days_since_prev from '^[+-]?([0-9]*)'), '0') <> '' THEN length(ltrim(substring(x_days_since_prev from '^[+-]?([0-9]*)'), '0')) - 1 ELSE length(ltrim(coalesce(substring(x_days_since_prev from '[.]([0-9]*)'), ''), '0')) - length(coalesce(substring(x_days_since_prev from '[.]([0-9]*)'), '')) - 1 END < 0 END THEN CASE WHEN x_days_since_prev LIKE '-%' THEN '-0' ELSE '0' END END END AS double precision) AS n_days_since_prev
        FROM (
          SELECT r."__encore_row" AS e_row,
            NULLIF(trim(r."user_id"), '') AS x_user_id,
            r."order_id" AS x_order_id,
            coalesce(lower(NULLIF(trim(r."currency_code"), '')), 'rub') AS x_currency_code,
            NULLIF(trim(r."order_ts"), '') AS x_order_ts,
            r."order_dt" AS x_order_dt,
            NULLIF(trim(r."revenue"), '') AS x_revenue,
            NULLIF(trim(r."tickets_count"), '') AS x_tickets_count,
            NULLIF(trim(r."days_since_prev"), '') AS x_days_since_prev
          FROM enc_raw AS r WHERE (CAST(r."currency_code" AS text) IS NULL OR CAST(r."currency_code" AS text) <> 'rub') AND coalesce(lower(NULLIF(trim(r."currency_code"), '')), 'rub') <> 'rub' OFFSET 0
        ) AS texts OFFSET 0
      ) AS numbers) AS rows
        ) AS parsed
        WHERE currency_code <> 'rub' AND order_ts IS NOT NULL
      ),
      points AS (
        SELECT currency_code, day, CAST(NULL AS DATE) AS rate_date FROM order_days
        UNION ALL
        SELECT currency_code, rate_date AS day, rate_date FROM enc_rates
      ),
      marked AS (
        SELECT DISTINCT currency_code, day,
          max(rate_date) OVER (PARTITION BY currency_code ORDER BY day) AS rate_day
        FROM points
      )
      SELECT m.currency_code, m.day AS rate_date, r.rate, r.nominal
      FROM marked AS m
      JOIN enc_rates AS r ON r.currency_code = m.currency_code AND r.rate_date = m.rate_day",
      }
    `);
  });

  it("rateProblemsSql", () => {
    expect(rendered("rateProblemsSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT currency_code, problem, count(*) AS n FROM (
      WITH parsed AS (
        SELECT r."__encore_row" AS row_no,
          CAST(if(match(NULLIF(trim(CAST(r."date" AS Nullable(String))), ''), '^(([0-9]{4}-((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))|([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[048]|[2468][048]|[13579][26])00)-02-29)([ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]+)?)?)?)$') AND NOT startsWith(NULLIF(trim(CAST(r."date" AS Nullable(String))), ''), '0000'), if(length(NULLIF(trim(CAST(r."date" AS Nullable(String))), '')) = 16, toDateTime64OrNull(concat(replaceOne(NULLIF(trim(CAST(r."date" AS Nullable(String))), ''), 'T', ' '), ':00'), 6, 'UTC'), toDateTime64OrNull(substring(replaceOne(NULLIF(trim(CAST(r."date" AS Nullable(String))), ''), 'T', ' '), 1, 26), 6, 'UTC')), NULL) AS DATE) AS rate_date,
          lower(NULLIF(trim(CAST(r."currency_code" AS Nullable(String))), '')) AS currency_code,
          if(match(NULLIF(trim(CAST(r."nominal" AS Nullable(String))), ''), '^([+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?)$') AND isFinite(toFloat64OrNull(NULLIF(trim(CAST(r."nominal" AS Nullable(String))), ''))), toFloat64OrNull(NULLIF(trim(CAST(r."nominal" AS Nullable(String))), '')), NULL) AS nominal,
          if(match(NULLIF(trim(CAST(r."rate" AS Nullable(String))), ''), '^([+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?)$') AND isFinite(toFloat64OrNull(NULLIF(trim(CAST(r."rate" AS Nullable(String))), ''))), toFloat64OrNull(NULLIF(trim(CAST(r."rate" AS Nullable(String))), '')), NULL) AS rate
        FROM enc_rates_raw AS r
      ),
      checked AS (
        SELECT *, CASE
          WHEN rate_date IS NULL THEN 'bad_date'
          WHEN currency_code IS NULL THEN 'missing_currency'
          WHEN currency_code = 'rub' THEN 'rouble'
          WHEN NOT (nominal > 0) OR nominal IS NULL THEN 'bad_nominal'
          WHEN NOT (rate > 0) OR rate IS NULL THEN 'bad_rate'
        END AS problem
        FROM parsed
      ),
      ranked AS (
        SELECT *, CASE WHEN problem IS NULL
          THEN row_number() OVER (PARTITION BY problem, currency_code, rate_date ORDER BY row_no DESC)
        END AS k
        FROM checked
      )
      SELECT row_no, rate_date, currency_code, nominal, rate,
        CASE WHEN k > 1 THEN 'superseded' ELSE problem END AS problem
      FROM ranked) AS c GROUP BY currency_code, problem ORDER BY currency_code, problem",
        "duckdb": "SELECT currency_code, problem, count(*) AS n FROM (
      WITH parsed AS (
        SELECT r."__encore_row" AS row_no,
          CAST(CASE WHEN regexp_full_match(NULLIF(trim(CAST(r."date" AS VARCHAR)), ''), '[0-9]{4}-[0-9]{2}-[0-9]{2}([ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]+)?)?)?') THEN TRY_CAST(NULLIF(trim(CAST(r."date" AS VARCHAR)), '') AS TIMESTAMP) END AS DATE) AS rate_date,
          lower(NULLIF(trim(CAST(r."currency_code" AS VARCHAR)), '')) AS currency_code,
          CASE WHEN regexp_full_match(NULLIF(trim(CAST(r."nominal" AS VARCHAR)), ''), '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?') THEN CASE WHEN isfinite(TRY_CAST(NULLIF(trim(CAST(r."nominal" AS VARCHAR)), '') AS DOUBLE)) THEN TRY_CAST(NULLIF(trim(CAST(r."nominal" AS VARCHAR)), '') AS DOUBLE) END END AS nominal,
          CASE WHEN regexp_full_match(NULLIF(trim(CAST(r."rate" AS VARCHAR)), ''), '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?') THEN CASE WHEN isfinite(TRY_CAST(NULLIF(trim(CAST(r."rate" AS VARCHAR)), '') AS DOUBLE)) THEN TRY_CAST(NULLIF(trim(CAST(r."rate" AS VARCHAR)), '') AS DOUBLE) END END AS rate
        FROM enc_rates_raw AS r
      ),
      checked AS (
        SELECT *, CASE
          WHEN rate_date IS NULL THEN 'bad_date'
          WHEN currency_code IS NULL THEN 'missing_currency'
          WHEN currency_code = 'rub' THEN 'rouble'
          WHEN NOT (nominal > 0) OR nominal IS NULL THEN 'bad_nominal'
          WHEN NOT (rate > 0) OR rate IS NULL THEN 'bad_rate'
        END AS problem
        FROM parsed
      ),
      ranked AS (
        SELECT *, CASE WHEN problem IS NULL
          THEN row_number() OVER (PARTITION BY problem, currency_code, rate_date ORDER BY row_no DESC)
        END AS k
        FROM checked
      )
      SELECT row_no, rate_date, currency_code, nominal, rate,
        CASE WHEN k > 1 THEN 'superseded' ELSE problem END AS problem
      FROM ranked) AS c GROUP BY currency_code, problem ORDER BY currency_code, problem",
        "postgres": "SELECT currency_code, problem, count(*) AS n FROM (
      WITH parsed AS (
        SELECT r."__encore_row" AS row_no,
          CAST(CAST(CASE WHEN NULLIF(trim(CAST(r."date" AS text)), '') ~ '^(([0-9]{4}-((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))|([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[048]|[2468][048]|[13579][26])00)-02-29)([ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]+)?)?)?)$' THEN CASE WHEN NULLIF(trim(CAST(r."date" AS text)), '') LIKE '0000%' THEN '0001' || substr(regexp_replace(NULLIF(trim(CAST(r."date" AS text)), ''), '([.][0-9]{6})[0-9]+$', '\\1'), 5) || ' BC' ELSE regexp_replace(NULLIF(trim(CAST(r."date" AS text)), ''), '([.][0-9]{6})[0-9]+$', '\\1') END END AS timestamp) AS DATE) AS rate_date,
          lower(NULLIF(trim(CAST(r."currency_code" AS text)), '')) AS currency_code,
          CAST(CASE WHEN NULLIF(trim(CAST(r."nominal" AS text)), '') ~ '^([+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?)$' THEN CASE WHEN jsonb_path_exists(to_jsonb(CAST(NULLIF(trim(CAST(r."nominal" AS text)), '') AS text)), '$.double()', '{}', true) THEN NULLIF(trim(CAST(r."nominal" AS text)), '') WHEN CASE WHEN length(ltrim(coalesce(substring(NULLIF(trim(CAST(r."nominal" AS text)), '') from '[eE][+-]?([0-9]+)$'), ''), '0')) > 9 THEN (NULLIF(trim(CAST(r."nominal" AS text)), '') ~ '[eE]-') ELSE (CASE WHEN (NULLIF(trim(CAST(r."nominal" AS text)), '') ~ '[eE]-') THEN -1 ELSE 1 END) * CAST('0' || ltrim(coalesce(substring(NULLIF(trim(CAST(r."nominal" AS text)), '') from '[eE][+-]?([0-9]+)$'), ''), '0') AS bigint) + CASE WHEN ltrim(substring(NULLIF(trim(CAST(r."nominal" AS text)), '') from '^[+-]?([0-9]*)'), '0') <> '' THEN length(ltrim(substring(NULLIF(trim(CAST(r."nominal" AS text)), '') from '^[+-]?([0-9]*)'), '0')) - 1 ELSE length(ltrim(coalesce(substring(NULLIF(trim(CAST(r."nominal" AS text)), '') from '[.]([0-9]*)'), ''), '0')) - length(coalesce(substring(NULLIF(trim(CAST(r."nominal" AS text)), '') from '[.]([0-9]*)'), '')) - 1 END < 0 END THEN CASE WHEN NULLIF(trim(CAST(r."nominal" AS text)), '') LIKE '-%' THEN '-0' ELSE '0' END END END AS double precision) AS nominal,
          CAST(CASE WHEN NULLIF(trim(CAST(r."rate" AS text)), '') ~ '^([+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?)$' THEN CASE WHEN jsonb_path_exists(to_jsonb(CAST(NULLIF(trim(CAST(r."rate" AS text)), '') AS text)), '$.double()', '{}', true) THEN NULLIF(trim(CAST(r."rate" AS text)), '') WHEN CASE WHEN length(ltrim(coalesce(substring(NULLIF(trim(CAST(r."rate" AS text)), '') from '[eE][+-]?([0-9]+)$'), ''), '0')) > 9 THEN (NULLIF(trim(CAST(r."rate" AS text)), '') ~ '[eE]-') ELSE (CASE WHEN (NULLIF(trim(CAST(r."rate" AS text)), '') ~ '[eE]-') THEN -1 ELSE 1 END) * CAST('0' || ltrim(coalesce(substring(NULLIF(trim(CAST(r."rate" AS text)), '') from '[eE][+-]?([0-9]+)$'), ''), '0') AS bigint) + CASE WHEN ltrim(substring(NULLIF(trim(CAST(r."rate" AS text)), '') from '^[+-]?([0-9]*)'), '0') <> '' THEN length(ltrim(substring(NULLIF(trim(CAST(r."rate" AS text)), '') from '^[+-]?([0-9]*)'), '0')) - 1 ELSE length(ltrim(coalesce(substring(NULLIF(trim(CAST(r."rate" AS text)), '') from '[.]([0-9]*)'), ''), '0')) - length(coalesce(substring(NULLIF(trim(CAST(r."rate" AS text)), '') from '[.]([0-9]*)'), '')) - 1 END < 0 END THEN CASE WHEN NULLIF(trim(CAST(r."rate" AS text)), '') LIKE '-%' THEN '-0' ELSE '0' END END END AS double precision) AS rate
        FROM enc_rates_raw AS r
      ),
      checked AS (
        SELECT *, CASE
          WHEN rate_date IS NULL THEN 'bad_date'
          WHEN currency_code IS NULL THEN 'missing_currency'
          WHEN currency_code = 'rub' THEN 'rouble'
          WHEN NOT (nominal > 0) OR nominal IS NULL THEN 'bad_nominal'
          WHEN NOT (rate > 0) OR rate IS NULL THEN 'bad_rate'
        END AS problem
        FROM parsed
      ),
      ranked AS (
        SELECT *, CASE WHEN problem IS NULL
          THEN row_number() OVER (PARTITION BY problem, currency_code, rate_date ORDER BY row_no DESC)
        END AS k
        FROM checked
      )
      SELECT row_no, rate_date, currency_code, nominal, rate,
        CASE WHEN k > 1 THEN 'superseded' ELSE problem END AS problem
      FROM ranked) AS c GROUP BY currency_code, problem ORDER BY currency_code, problem",
      }
    `);
  });

  it("conflictingRateDatesSql", () => {
    expect(rendered("conflictingRateDatesSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT currency_code, toString(toDate32(rate_date)) AS date
      FROM (
      WITH parsed AS (
        SELECT r."__encore_row" AS row_no,
          CAST(if(match(NULLIF(trim(CAST(r."date" AS Nullable(String))), ''), '^(([0-9]{4}-((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))|([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[048]|[2468][048]|[13579][26])00)-02-29)([ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]+)?)?)?)$') AND NOT startsWith(NULLIF(trim(CAST(r."date" AS Nullable(String))), ''), '0000'), if(length(NULLIF(trim(CAST(r."date" AS Nullable(String))), '')) = 16, toDateTime64OrNull(concat(replaceOne(NULLIF(trim(CAST(r."date" AS Nullable(String))), ''), 'T', ' '), ':00'), 6, 'UTC'), toDateTime64OrNull(substring(replaceOne(NULLIF(trim(CAST(r."date" AS Nullable(String))), ''), 'T', ' '), 1, 26), 6, 'UTC')), NULL) AS DATE) AS rate_date,
          lower(NULLIF(trim(CAST(r."currency_code" AS Nullable(String))), '')) AS currency_code,
          if(match(NULLIF(trim(CAST(r."nominal" AS Nullable(String))), ''), '^([+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?)$') AND isFinite(toFloat64OrNull(NULLIF(trim(CAST(r."nominal" AS Nullable(String))), ''))), toFloat64OrNull(NULLIF(trim(CAST(r."nominal" AS Nullable(String))), '')), NULL) AS nominal,
          if(match(NULLIF(trim(CAST(r."rate" AS Nullable(String))), ''), '^([+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?)$') AND isFinite(toFloat64OrNull(NULLIF(trim(CAST(r."rate" AS Nullable(String))), ''))), toFloat64OrNull(NULLIF(trim(CAST(r."rate" AS Nullable(String))), '')), NULL) AS rate
        FROM enc_rates_raw AS r
      ),
      checked AS (
        SELECT *, CASE
          WHEN rate_date IS NULL THEN 'bad_date'
          WHEN currency_code IS NULL THEN 'missing_currency'
          WHEN currency_code = 'rub' THEN 'rouble'
          WHEN NOT (nominal > 0) OR nominal IS NULL THEN 'bad_nominal'
          WHEN NOT (rate > 0) OR rate IS NULL THEN 'bad_rate'
        END AS problem
        FROM parsed
      ),
      ranked AS (
        SELECT *, CASE WHEN problem IS NULL
          THEN row_number() OVER (PARTITION BY problem, currency_code, rate_date ORDER BY row_no DESC)
        END AS k
        FROM checked
      )
      SELECT row_no, rate_date, currency_code, nominal, rate,
        CASE WHEN k > 1 THEN 'superseded' ELSE problem END AS problem
      FROM ranked) AS c
      WHERE problem IS NULL OR problem = 'superseded'
      GROUP BY currency_code, rate_date
      HAVING count(DISTINCT rate / nominal) > 1
      ORDER BY rate_date, currency_code",
        "duckdb": "SELECT currency_code, strftime(rate_date, '%Y-%m-%d') AS date
      FROM (
      WITH parsed AS (
        SELECT r."__encore_row" AS row_no,
          CAST(CASE WHEN regexp_full_match(NULLIF(trim(CAST(r."date" AS VARCHAR)), ''), '[0-9]{4}-[0-9]{2}-[0-9]{2}([ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]+)?)?)?') THEN TRY_CAST(NULLIF(trim(CAST(r."date" AS VARCHAR)), '') AS TIMESTAMP) END AS DATE) AS rate_date,
          lower(NULLIF(trim(CAST(r."currency_code" AS VARCHAR)), '')) AS currency_code,
          CASE WHEN regexp_full_match(NULLIF(trim(CAST(r."nominal" AS VARCHAR)), ''), '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?') THEN CASE WHEN isfinite(TRY_CAST(NULLIF(trim(CAST(r."nominal" AS VARCHAR)), '') AS DOUBLE)) THEN TRY_CAST(NULLIF(trim(CAST(r."nominal" AS VARCHAR)), '') AS DOUBLE) END END AS nominal,
          CASE WHEN regexp_full_match(NULLIF(trim(CAST(r."rate" AS VARCHAR)), ''), '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?') THEN CASE WHEN isfinite(TRY_CAST(NULLIF(trim(CAST(r."rate" AS VARCHAR)), '') AS DOUBLE)) THEN TRY_CAST(NULLIF(trim(CAST(r."rate" AS VARCHAR)), '') AS DOUBLE) END END AS rate
        FROM enc_rates_raw AS r
      ),
      checked AS (
        SELECT *, CASE
          WHEN rate_date IS NULL THEN 'bad_date'
          WHEN currency_code IS NULL THEN 'missing_currency'
          WHEN currency_code = 'rub' THEN 'rouble'
          WHEN NOT (nominal > 0) OR nominal IS NULL THEN 'bad_nominal'
          WHEN NOT (rate > 0) OR rate IS NULL THEN 'bad_rate'
        END AS problem
        FROM parsed
      ),
      ranked AS (
        SELECT *, CASE WHEN problem IS NULL
          THEN row_number() OVER (PARTITION BY problem, currency_code, rate_date ORDER BY row_no DESC)
        END AS k
        FROM checked
      )
      SELECT row_no, rate_date, currency_code, nominal, rate,
        CASE WHEN k > 1 THEN 'superseded' ELSE problem END AS problem
      FROM ranked) AS c
      WHERE problem IS NULL OR problem = 'superseded'
      GROUP BY currency_code, rate_date
      HAVING count(DISTINCT rate / nominal) > 1
      ORDER BY rate_date, currency_code",
        "postgres": "SELECT currency_code, to_char(rate_date, 'YYYY-MM-DD') AS date
      FROM (
      WITH parsed AS (
        SELECT r."__encore_row" AS row_no,
          CAST(CAST(CASE WHEN NULLIF(trim(CAST(r."date" AS text)), '') ~ '^(([0-9]{4}-((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))|([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[048]|[2468][048]|[13579][26])00)-02-29)([ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]+)?)?)?)$' THEN CASE WHEN NULLIF(trim(CAST(r."date" AS text)), '') LIKE '0000%' THEN '0001' || substr(regexp_replace(NULLIF(trim(CAST(r."date" AS text)), ''), '([.][0-9]{6})[0-9]+$', '\\1'), 5) || ' BC' ELSE regexp_replace(NULLIF(trim(CAST(r."date" AS text)), ''), '([.][0-9]{6})[0-9]+$', '\\1') END END AS timestamp) AS DATE) AS rate_date,
          lower(NULLIF(trim(CAST(r."currency_code" AS text)), '')) AS currency_code,
          CAST(CASE WHEN NULLIF(trim(CAST(r."nominal" AS text)), '') ~ '^([+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?)$' THEN CASE WHEN jsonb_path_exists(to_jsonb(CAST(NULLIF(trim(CAST(r."nominal" AS text)), '') AS text)), '$.double()', '{}', true) THEN NULLIF(trim(CAST(r."nominal" AS text)), '') WHEN CASE WHEN length(ltrim(coalesce(substring(NULLIF(trim(CAST(r."nominal" AS text)), '') from '[eE][+-]?([0-9]+)$'), ''), '0')) > 9 THEN (NULLIF(trim(CAST(r."nominal" AS text)), '') ~ '[eE]-') ELSE (CASE WHEN (NULLIF(trim(CAST(r."nominal" AS text)), '') ~ '[eE]-') THEN -1 ELSE 1 END) * CAST('0' || ltrim(coalesce(substring(NULLIF(trim(CAST(r."nominal" AS text)), '') from '[eE][+-]?([0-9]+)$'), ''), '0') AS bigint) + CASE WHEN ltrim(substring(NULLIF(trim(CAST(r."nominal" AS text)), '') from '^[+-]?([0-9]*)'), '0') <> '' THEN length(ltrim(substring(NULLIF(trim(CAST(r."nominal" AS text)), '') from '^[+-]?([0-9]*)'), '0')) - 1 ELSE length(ltrim(coalesce(substring(NULLIF(trim(CAST(r."nominal" AS text)), '') from '[.]([0-9]*)'), ''), '0')) - length(coalesce(substring(NULLIF(trim(CAST(r."nominal" AS text)), '') from '[.]([0-9]*)'), '')) - 1 END < 0 END THEN CASE WHEN NULLIF(trim(CAST(r."nominal" AS text)), '') LIKE '-%' THEN '-0' ELSE '0' END END END AS double precision) AS nominal,
          CAST(CASE WHEN NULLIF(trim(CAST(r."rate" AS text)), '') ~ '^([+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?)$' THEN CASE WHEN jsonb_path_exists(to_jsonb(CAST(NULLIF(trim(CAST(r."rate" AS text)), '') AS text)), '$.double()', '{}', true) THEN NULLIF(trim(CAST(r."rate" AS text)), '') WHEN CASE WHEN length(ltrim(coalesce(substring(NULLIF(trim(CAST(r."rate" AS text)), '') from '[eE][+-]?([0-9]+)$'), ''), '0')) > 9 THEN (NULLIF(trim(CAST(r."rate" AS text)), '') ~ '[eE]-') ELSE (CASE WHEN (NULLIF(trim(CAST(r."rate" AS text)), '') ~ '[eE]-') THEN -1 ELSE 1 END) * CAST('0' || ltrim(coalesce(substring(NULLIF(trim(CAST(r."rate" AS text)), '') from '[eE][+-]?([0-9]+)$'), ''), '0') AS bigint) + CASE WHEN ltrim(substring(NULLIF(trim(CAST(r."rate" AS text)), '') from '^[+-]?([0-9]*)'), '0') <> '' THEN length(ltrim(substring(NULLIF(trim(CAST(r."rate" AS text)), '') from '^[+-]?([0-9]*)'), '0')) - 1 ELSE length(ltrim(coalesce(substring(NULLIF(trim(CAST(r."rate" AS text)), '') from '[.]([0-9]*)'), ''), '0')) - length(coalesce(substring(NULLIF(trim(CAST(r."rate" AS text)), '') from '[.]([0-9]*)'), '')) - 1 END < 0 END THEN CASE WHEN NULLIF(trim(CAST(r."rate" AS text)), '') LIKE '-%' THEN '-0' ELSE '0' END END END AS double precision) AS rate
        FROM enc_rates_raw AS r
      ),
      checked AS (
        SELECT *, CASE
          WHEN rate_date IS NULL THEN 'bad_date'
          WHEN currency_code IS NULL THEN 'missing_currency'
          WHEN currency_code = 'rub' THEN 'rouble'
          WHEN NOT (nominal > 0) OR nominal IS NULL THEN 'bad_nominal'
          WHEN NOT (rate > 0) OR rate IS NULL THEN 'bad_rate'
        END AS problem
        FROM parsed
      ),
      ranked AS (
        SELECT *, CASE WHEN problem IS NULL
          THEN row_number() OVER (PARTITION BY problem, currency_code, rate_date ORDER BY row_no DESC)
        END AS k
        FROM checked
      )
      SELECT row_no, rate_date, currency_code, nominal, rate,
        CASE WHEN k > 1 THEN 'superseded' ELSE problem END AS problem
      FROM ranked) AS c
      WHERE problem IS NULL OR problem = 'superseded'
      GROUP BY currency_code, rate_date
      HAVING count(DISTINCT rate / nominal) > 1
      ORDER BY rate_date, currency_code",
      }
    `);
  });

  it("rateCurrenciesSql", () => {
    expect(rendered("rateCurrenciesSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT currency_code,
        CAST(row_number() OVER (ORDER BY currency_code) AS SMALLINT) AS currency_no
      FROM enc_rates GROUP BY currency_code",
        "duckdb": "SELECT currency_code,
        CAST(row_number() OVER (ORDER BY currency_code) AS SMALLINT) AS currency_no
      FROM enc_rates GROUP BY currency_code",
        "postgres": "SELECT currency_code,
        CAST(row_number() OVER (ORDER BY currency_code) AS SMALLINT) AS currency_no
      FROM enc_rates GROUP BY currency_code",
      }
    `);
  });

  it("orderCountDistributionSql", () => {
    expect(rendered("orderCountDistributionSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT total_orders, count(*) AS users FROM enc_users GROUP BY total_orders ORDER BY total_orders",
        "duckdb": "SELECT total_orders, count(*) AS users FROM enc_users GROUP BY total_orders ORDER BY total_orders",
        "postgres": "SELECT total_orders, count(*) AS users FROM enc_users GROUP BY total_orders ORDER BY total_orders",
      }
    `);
  });

  it("repeatWithinSql", () => {
    expect(rendered("repeatWithinSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT count(*) AS eligible_users,
        sum(CASE WHEN days_to_second_order <= $2 THEN 1 ELSE 0 END) AS repeaters
      FROM enc_users
      WHERE dateDiff('day', toDate32(first_order_dt), toDate32(CAST($1 AS DATE))) >= $2
      -- bound: ["2024-12-31",30]",
        "duckdb": "SELECT count(*) AS eligible_users,
        sum(CASE WHEN days_to_second_order <= $2 THEN 1 ELSE 0 END) AS repeaters
      FROM enc_users
      WHERE date_diff('day', first_order_dt, CAST($1 AS DATE)) >= $2
      -- bound: ["2024-12-31",30]",
        "postgres": "SELECT count(*) AS eligible_users,
        sum(CASE WHEN days_to_second_order <= $2 THEN 1 ELSE 0 END) AS repeaters
      FROM enc_users
      WHERE (CAST(CAST($1 AS DATE) AS date) - CAST(first_order_dt AS date)) >= $2
      -- bound: ["2024-12-31",30]",
      }
    `);
  });

  it("survivalCountsSql", () => {
    expect(rendered("survivalCountsSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT t AS time, sum(event) AS events, sum(1 - event) AS censored
      FROM (
        SELECT CASE WHEN is_two THEN days_to_second_order
          ELSE dateDiff('day', toDate32(first_order_dt), toDate32(CAST($1 AS DATE))) END AS t,
          CASE WHEN is_two THEN 1 ELSE 0 END AS event
        FROM enc_users
      ) AS s
      WHERE t >= 0
      GROUP BY t ORDER BY t
      -- bound: ["2024-12-31"]",
        "duckdb": "SELECT t AS time, sum(event) AS events, sum(1 - event) AS censored
      FROM (
        SELECT CASE WHEN is_two THEN days_to_second_order
          ELSE date_diff('day', first_order_dt, CAST($1 AS DATE)) END AS t,
          CASE WHEN is_two THEN 1 ELSE 0 END AS event
        FROM enc_users
      ) AS s
      WHERE t >= 0
      GROUP BY t ORDER BY t
      -- bound: ["2024-12-31"]",
        "postgres": "SELECT t AS time, sum(event) AS events, sum(1 - event) AS censored
      FROM (
        SELECT CASE WHEN is_two THEN days_to_second_order
          ELSE (CAST(CAST($1 AS DATE) AS date) - CAST(first_order_dt AS date)) END AS t,
          CASE WHEN is_two THEN 1 ELSE 0 END AS event
        FROM enc_users
      ) AS s
      WHERE t >= 0
      GROUP BY t ORDER BY t
      -- bound: ["2024-12-31"]",
      }
    `);
  });

  it("revenueBySegmentSql", () => {
    expect(rendered("revenueBySegmentSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT segment, count(*) AS users,
        avg(avg_revenue_rub) AS mean_avg_revenue_rub,
        quantileExactInclusive(0.5)(CAST(avg_revenue_rub AS Nullable(Float64))) AS median_avg_revenue_rub,
        avg(avg_tickets_count) AS mean_avg_tickets_count,
        quantileExactInclusive(0.5)(CAST(avg_tickets_count AS Nullable(Float64))) AS median_avg_tickets_count,
        sum(total_revenue_rub) AS revenue_rub
      FROM enc_users GROUP BY segment",
        "duckdb": "SELECT segment, count(*) AS users,
        avg(avg_revenue_rub) AS mean_avg_revenue_rub,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY avg_revenue_rub) AS median_avg_revenue_rub,
        avg(avg_tickets_count) AS mean_avg_tickets_count,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY avg_tickets_count) AS median_avg_tickets_count,
        sum(total_revenue_rub) AS revenue_rub
      FROM enc_users GROUP BY segment",
        "postgres": "SELECT segment, count(*) AS users,
        avg(avg_revenue_rub) AS mean_avg_revenue_rub,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(avg_revenue_rub AS double precision)) AS median_avg_revenue_rub,
        avg(avg_tickets_count) AS mean_avg_tickets_count,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(avg_tickets_count AS double precision)) AS median_avg_tickets_count,
        sum(total_revenue_rub) AS revenue_rub
      FROM enc_users GROUP BY segment",
      }
    `);
  });

  it("avgRevenueQuantileSql", () => {
    expect(rendered("avgRevenueQuantileSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT quantileExactInclusive(0.25)(CAST(avg_revenue_rub AS Nullable(Float64))) AS q FROM enc_users",
        "duckdb": "SELECT percentile_cont(0.25) WITHIN GROUP (ORDER BY avg_revenue_rub) AS q FROM enc_users",
        "postgres": "SELECT percentile_cont(0.25) WITHIN GROUP (ORDER BY CAST(avg_revenue_rub AS double precision)) AS q FROM enc_users",
      }
    `);
  });

  it("twoGroupHistogramSql", () => {
    expect(rendered("twoGroupHistogramSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT 1 AS bin, sum(CASE WHEN is_two THEN 1 ELSE 0 END) AS a,
        sum(CASE WHEN is_five THEN 1 ELSE 0 END) AS b
      FROM enc_users GROUP BY 1",
        "duckdb": "SELECT 1 AS bin, sum(CASE WHEN is_two THEN 1 ELSE 0 END) AS a,
        sum(CASE WHEN is_five THEN 1 ELSE 0 END) AS b
      FROM enc_users GROUP BY 1",
        "postgres": "SELECT 1 AS bin, sum(CASE WHEN is_two THEN 1 ELSE 0 END) AS a,
        sum(CASE WHEN is_five THEN 1 ELSE 0 END) AS b
      FROM enc_users GROUP BY 1",
      }
    `);
  });

  it("binnedUsersSql", () => {
    expect(rendered("binnedUsersSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT 1 AS bin, count(*) AS users,
        sum(CASE WHEN is_two THEN 1 ELSE 0 END) AS twos,
        sum(CASE WHEN is_five THEN 1 ELSE 0 END) AS fives
      FROM enc_users WHERE is_two GROUP BY 1",
        "duckdb": "SELECT 1 AS bin, count(*) AS users,
        sum(CASE WHEN is_two THEN 1 ELSE 0 END) AS twos,
        sum(CASE WHEN is_five THEN 1 ELSE 0 END) AS fives
      FROM enc_users WHERE is_two GROUP BY 1",
        "postgres": "SELECT 1 AS bin, count(*) AS users,
        sum(CASE WHEN is_two THEN 1 ELSE 0 END) AS twos,
        sum(CASE WHEN is_five THEN 1 ELSE 0 END) AS fives
      FROM enc_users WHERE is_two GROUP BY 1",
      }
    `);
  });

  it("segmentMeansSql", () => {
    expect(rendered("segmentMeansSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT segment, count(*) AS users,
        avg(avg_revenue_rub) AS mean_avg_revenue_rub,
        avg(avg_tickets_count) AS mean_avg_tickets_count,
        avg(avg_days_since_prev) AS mean_avg_days_since_prev
      FROM "enc_users"
      GROUP BY segment ORDER BY segment",
        "duckdb": "SELECT segment, count(*) AS users,
        avg(avg_revenue_rub) AS mean_avg_revenue_rub,
        avg(avg_tickets_count) AS mean_avg_tickets_count,
        avg(avg_days_since_prev) AS mean_avg_days_since_prev
      FROM "enc_users"
      GROUP BY segment ORDER BY segment",
        "postgres": "SELECT segment, count(*) AS users,
        avg(avg_revenue_rub) AS mean_avg_revenue_rub,
        avg(avg_tickets_count) AS mean_avg_tickets_count,
        avg(avg_days_since_prev) AS mean_avg_days_since_prev
      FROM "enc_users"
      GROUP BY segment ORDER BY segment",
      }
    `);
  });

  it("segmentTopValuesSql", () => {
    expect(rendered("segmentTopValuesSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT k, segment, value, users FROM (
        SELECT 0 AS k, segment, CAST("first_device" AS Nullable(String)) AS value, count(*) AS users,
          row_number() OVER (PARTITION BY segment ORDER BY count(*) DESC, "first_device") AS place
        FROM "enc_users" WHERE "first_device" IS NOT NULL
        GROUP BY segment, "first_device"
        UNION ALL
        SELECT 1 AS k, segment, CAST("first_city" AS Nullable(String)) AS value, count(*) AS users,
          row_number() OVER (PARTITION BY segment ORDER BY count(*) DESC, "first_city") AS place
        FROM "enc_users" WHERE "first_city" IS NOT NULL
        GROUP BY segment, "first_city"
      ) AS ranked
      WHERE place = 1
      ORDER BY k, segment",
        "duckdb": "SELECT k, segment, value, users FROM (
        SELECT 0 AS k, segment, CAST("first_device" AS VARCHAR) AS value, count(*) AS users,
          row_number() OVER (PARTITION BY segment ORDER BY count(*) DESC, "first_device") AS place
        FROM "enc_users" WHERE "first_device" IS NOT NULL
        GROUP BY segment, "first_device"
        UNION ALL
        SELECT 1 AS k, segment, CAST("first_city" AS VARCHAR) AS value, count(*) AS users,
          row_number() OVER (PARTITION BY segment ORDER BY count(*) DESC, "first_city") AS place
        FROM "enc_users" WHERE "first_city" IS NOT NULL
        GROUP BY segment, "first_city"
      ) AS ranked
      WHERE place = 1
      ORDER BY k, segment",
        "postgres": "SELECT k, segment, value, users FROM (
        SELECT 0 AS k, segment, CAST("first_device" AS text) AS value, count(*) AS users,
          row_number() OVER (PARTITION BY segment ORDER BY count(*) DESC, "first_device") AS place
        FROM "enc_users" WHERE "first_device" IS NOT NULL
        GROUP BY segment, "first_device"
        UNION ALL
        SELECT 1 AS k, segment, CAST("first_city" AS text) AS value, count(*) AS users,
          row_number() OVER (PARTITION BY segment ORDER BY count(*) DESC, "first_city") AS place
        FROM "enc_users" WHERE "first_city" IS NOT NULL
        GROUP BY segment, "first_city"
      ) AS ranked
      WHERE place = 1
      ORDER BY k, segment",
      }
    `);
  });

  it("ledgerSql", () => {
    expect(rendered("ledgerSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT CASE s.reason WHEN 1 THEN 'missing_user_id' WHEN 2 THEN 'missing_order_id' WHEN 3 THEN 'bad_timestamp' WHEN 4 THEN 'bad_revenue' WHEN 5 THEN 'bad_tickets_count' WHEN 6 THEN 'unknown_currency' WHEN 7 THEN 'no_exchange_rate' WHEN 8 THEN 'duplicate_row' WHEN 9 THEN 'conflicting_order_id' END AS reason,
        CASE WHEN s.currency_no = 0 THEN 'rub' ELSE k.currency_code END AS currency_code,
        s.n, s.revenue, s.revenue_rub, toString(toDate32(s.first_dt)) AS first_dt,
        toString(toDate32(s.last_dt)) AS last_dt
      FROM (
        SELECT reason, currency_no, count(*) AS n, sum(revenue) AS revenue,
          sum(revenue_rub) AS revenue_rub, min(order_ts) AS first_dt, max(order_ts) AS last_dt
        FROM enc_checked GROUP BY reason, currency_no
      ) AS s LEFT JOIN enc_rate_currencies AS k ON k.currency_no = s.currency_no
      ORDER BY s.reason, currency_code",
        "duckdb": "SELECT CASE s.reason WHEN 1 THEN 'missing_user_id' WHEN 2 THEN 'missing_order_id' WHEN 3 THEN 'bad_timestamp' WHEN 4 THEN 'bad_revenue' WHEN 5 THEN 'bad_tickets_count' WHEN 6 THEN 'unknown_currency' WHEN 7 THEN 'no_exchange_rate' WHEN 8 THEN 'duplicate_row' WHEN 9 THEN 'conflicting_order_id' END AS reason,
        CASE WHEN s.currency_no = 0 THEN 'rub' ELSE k.currency_code END AS currency_code,
        s.n, s.revenue, s.revenue_rub, strftime(s.first_dt, '%Y-%m-%d') AS first_dt,
        strftime(s.last_dt, '%Y-%m-%d') AS last_dt
      FROM (
        SELECT reason, currency_no, count(*) AS n, sum(revenue) AS revenue,
          sum(revenue_rub) AS revenue_rub, min(order_ts) AS first_dt, max(order_ts) AS last_dt
        FROM enc_checked GROUP BY reason, currency_no
      ) AS s LEFT JOIN enc_rate_currencies AS k ON k.currency_no = s.currency_no
      ORDER BY s.reason, currency_code",
        "postgres": "SELECT CASE s.reason WHEN 1 THEN 'missing_user_id' WHEN 2 THEN 'missing_order_id' WHEN 3 THEN 'bad_timestamp' WHEN 4 THEN 'bad_revenue' WHEN 5 THEN 'bad_tickets_count' WHEN 6 THEN 'unknown_currency' WHEN 7 THEN 'no_exchange_rate' WHEN 8 THEN 'duplicate_row' WHEN 9 THEN 'conflicting_order_id' END AS reason,
        CASE WHEN s.currency_no = 0 THEN 'rub' ELSE k.currency_code END AS currency_code,
        s.n, s.revenue, s.revenue_rub, to_char(s.first_dt, 'YYYY-MM-DD') AS first_dt,
        to_char(s.last_dt, 'YYYY-MM-DD') AS last_dt
      FROM (
        SELECT reason, currency_no, count(*) AS n, sum(revenue) AS revenue,
          sum(revenue_rub) AS revenue_rub, min(order_ts) AS first_dt, max(order_ts) AS last_dt
        FROM enc_checked GROUP BY reason, currency_no
      ) AS s LEFT JOIN enc_rate_currencies AS k ON k.currency_no = s.currency_no
      ORDER BY s.reason, currency_code",
      }
    `);
  });

  it("percentileSql", () => {
    expect(rendered("percentileSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT quantileExactInclusive(0.9)(CAST(total_orders AS Nullable(Float64))) AS p FROM enc_users",
        "duckdb": "SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY total_orders) AS p FROM enc_users",
        "postgres": "SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY CAST(total_orders AS double precision)) AS p FROM enc_users",
      }
    `);
  });

  it("headlineSql", () => {
    expect(rendered("headlineSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT count(*) AS users,
        coalesce(sum(total_orders), 0) AS orders,
        coalesce(sum(total_revenue_rub), 0) AS revenue_rub,
        avg(CASE WHEN is_two THEN 1.0 ELSE 0.0 END) AS share_2plus,
        avg(CASE WHEN is_five THEN 1.0 ELSE 0.0 END) AS share_5plus,
        avg(avg_revenue_rub) AS mean_avg_revenue_rub
      FROM enc_users WHERE (CAST($1 AS Nullable(Float64)) IS NULL OR total_orders <= CAST($1 AS Nullable(Float64)))
      -- bound: [12]",
        "duckdb": "SELECT count(*) AS users,
        coalesce(sum(total_orders), 0) AS orders,
        coalesce(sum(total_revenue_rub), 0) AS revenue_rub,
        avg(CASE WHEN is_two THEN 1.0 ELSE 0.0 END) AS share_2plus,
        avg(CASE WHEN is_five THEN 1.0 ELSE 0.0 END) AS share_5plus,
        avg(avg_revenue_rub) AS mean_avg_revenue_rub
      FROM enc_users WHERE (CAST($1 AS DOUBLE) IS NULL OR total_orders <= CAST($1 AS DOUBLE))
      -- bound: [12]",
        "postgres": "SELECT count(*) AS users,
        coalesce(sum(total_orders), 0) AS orders,
        coalesce(sum(total_revenue_rub), 0) AS revenue_rub,
        avg(CASE WHEN is_two THEN 1.0 ELSE 0.0 END) AS share_2plus,
        avg(CASE WHEN is_five THEN 1.0 ELSE 0.0 END) AS share_5plus,
        avg(avg_revenue_rub) AS mean_avg_revenue_rub
      FROM enc_users WHERE (CAST($1 AS double precision) IS NULL OR total_orders <= CAST($1 AS double precision))
      -- bound: [12]",
      }
    `);
  });

  it("removedSql", () => {
    expect(rendered("removedSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT count(*) AS users, coalesce(sum(total_orders), 0) AS orders,
        coalesce(sum(total_revenue_rub), 0) AS revenue_rub
      FROM enc_users WHERE total_orders > CAST($1 AS Nullable(Float64))
      -- bound: [12]",
        "duckdb": "SELECT count(*) AS users, coalesce(sum(total_orders), 0) AS orders,
        coalesce(sum(total_revenue_rub), 0) AS revenue_rub
      FROM enc_users WHERE total_orders > CAST($1 AS DOUBLE)
      -- bound: [12]",
        "postgres": "SELECT count(*) AS users, coalesce(sum(total_orders), 0) AS orders,
        coalesce(sum(total_revenue_rub), 0) AS revenue_rub
      FROM enc_users WHERE total_orders > CAST($1 AS double precision)
      -- bound: [12]",
      }
    `);
  });

  it("segmentsSql", () => {
    expect(rendered("segmentsSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT segment, count(*) AS users, sum(total_orders) AS orders, sum(total_revenue_rub) AS revenue_rub
      FROM enc_users WHERE (CAST($1 AS Nullable(Float64)) IS NULL OR total_orders <= CAST($1 AS Nullable(Float64)))
      GROUP BY segment ORDER BY segment
      -- bound: [null]",
        "duckdb": "SELECT segment, count(*) AS users, sum(total_orders) AS orders, sum(total_revenue_rub) AS revenue_rub
      FROM enc_users WHERE (CAST($1 AS DOUBLE) IS NULL OR total_orders <= CAST($1 AS DOUBLE))
      GROUP BY segment ORDER BY segment
      -- bound: [null]",
        "postgres": "SELECT segment, count(*) AS users, sum(total_orders) AS orders, sum(total_revenue_rub) AS revenue_rub
      FROM enc_users WHERE (CAST($1 AS double precision) IS NULL OR total_orders <= CAST($1 AS double precision))
      GROUP BY segment ORDER BY segment
      -- bound: [null]",
      }
    `);
  });

  it("populationSql", () => {
    expect(rendered("populationSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT * FROM enc_users
      WHERE (CAST($1 AS DATE) IS NULL OR first_order_dt >= CAST($1 AS DATE))
        AND (CAST($2 AS DATE) IS NULL OR first_order_dt <= CAST($2 AS DATE))
        AND "first_region" IN (CAST($3 AS Nullable(String)), CAST($4 AS Nullable(String)))
        AND segment = CAST($5 AS Nullable(String))
      -- bound: ["2024-06-01",null,"Москва","it's","5+"]",
        "duckdb": "SELECT * FROM enc_users
      WHERE (CAST($1 AS DATE) IS NULL OR first_order_dt >= CAST($1 AS DATE))
        AND (CAST($2 AS DATE) IS NULL OR first_order_dt <= CAST($2 AS DATE))
        AND "first_region" IN (CAST($3 AS VARCHAR), CAST($4 AS VARCHAR))
        AND segment = CAST($5 AS VARCHAR)
      -- bound: ["2024-06-01",null,"Москва","it's","5+"]",
        "postgres": "SELECT * FROM enc_users
      WHERE (CAST($1 AS DATE) IS NULL OR first_order_dt >= CAST($1 AS DATE))
        AND (CAST($2 AS DATE) IS NULL OR first_order_dt <= CAST($2 AS DATE))
        AND "first_region" IN (CAST($3 AS text), CAST($4 AS text))
        AND segment = CAST($5 AS text)
      -- bound: ["2024-06-01",null,"Москва","it's","5+"]",
      }
    `);
  });

  it("cohortCellsSql", () => {
    expect(rendered("cohortCellsSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT toString(toDate32(cohort)) AS cohort, k,
        sum(CASE WHEN orders > CASE WHEN k = 0 THEN 1 ELSE 0 END THEN 1 ELSE 0 END) AS active_users,
        sum(revenue_rub) AS revenue_rub
      FROM (
        SELECT cohort, user_no, k, count(*) AS orders, sum(revenue_rub) AS revenue_rub
        FROM (
          SELECT p.cohort, o.user_no, toInt32(dateDiff('month', toDate32(p.cohort), toDate32(o.order_dt))) AS k,
            o.revenue_rub
          FROM enc_orders AS o
          JOIN (
            SELECT ids.user_no, subtractDays(toDate32(u.first_order_dt), toDayOfMonth(toDate32(u.first_order_dt)) - 1) AS cohort
            FROM enc_users AS u JOIN enc_user_ids AS ids ON ids.user_id = u.user_id
          ) AS p ON p.user_no = o.user_no
          WHERE o.order_dt <= CAST($1 AS DATE)
        ) AS dated
        GROUP BY cohort, user_no, k
      ) AS per_user
      GROUP BY cohort, k
      ORDER BY cohort, k
      -- bound: ["2024-12-31"]",
        "duckdb": "SELECT strftime(cohort, '%Y-%m-%d') AS cohort, k,
        sum(CASE WHEN orders > CASE WHEN k = 0 THEN 1 ELSE 0 END THEN 1 ELSE 0 END) AS active_users,
        sum(revenue_rub) AS revenue_rub
      FROM (
        SELECT cohort, user_no, k, count(*) AS orders, sum(revenue_rub) AS revenue_rub
        FROM (
          SELECT p.cohort, o.user_no, CAST(date_diff('month', p.cohort, o.order_dt) AS INTEGER) AS k,
            o.revenue_rub
          FROM enc_orders AS o
          JOIN (
            SELECT ids.user_no, CAST(date_trunc('month', u.first_order_dt) AS DATE) AS cohort
            FROM enc_users AS u JOIN enc_user_ids AS ids ON ids.user_id = u.user_id
          ) AS p ON p.user_no = o.user_no
          WHERE o.order_dt <= CAST($1 AS DATE)
        ) AS dated
        GROUP BY cohort, user_no, k
      ) AS per_user
      GROUP BY cohort, k
      ORDER BY cohort, k
      -- bound: ["2024-12-31"]",
        "postgres": "SELECT to_char(cohort, 'YYYY-MM-DD') AS cohort, k,
        sum(CASE WHEN orders > CASE WHEN k = 0 THEN 1 ELSE 0 END THEN 1 ELSE 0 END) AS active_users,
        sum(revenue_rub) AS revenue_rub
      FROM (
        SELECT cohort, user_no, k, count(*) AS orders, sum(revenue_rub) AS revenue_rub
        FROM (
          SELECT p.cohort, o.user_no, CAST((EXTRACT(YEAR FROM o.order_dt) - EXTRACT(YEAR FROM p.cohort)) * 12 + EXTRACT(MONTH FROM o.order_dt) - EXTRACT(MONTH FROM p.cohort) AS integer) AS k,
            o.revenue_rub
          FROM enc_orders AS o
          JOIN (
            SELECT ids.user_no, CAST(date_trunc('month', CAST(u.first_order_dt AS timestamp)) AS date) AS cohort
            FROM enc_users AS u JOIN enc_user_ids AS ids ON ids.user_id = u.user_id
          ) AS p ON p.user_no = o.user_no
          WHERE o.order_dt <= CAST($1 AS DATE)
        ) AS dated
        GROUP BY cohort, user_no, k
      ) AS per_user
      GROUP BY cohort, k
      ORDER BY cohort, k
      -- bound: ["2024-12-31"]",
      }
    `);
  });

  it("cohortPeriodCellsSql", () => {
    expect(rendered("cohortPeriodCellsSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT toString(toDate32(cohort)) AS cohort, k,
        sum(CASE WHEN orders > CASE WHEN k = 0 THEN 1 ELSE 0 END THEN 1 ELSE 0 END) AS active_users,
        sum(revenue_rub) AS revenue_rub
      FROM (
        SELECT u.cohort, up.k, up.orders, up.revenue_rub
        FROM enc_user_periods AS up
        JOIN (
          SELECT user_id, subtractDays(toDate32(first_order_dt), toDayOfWeek(toDate32(first_order_dt)) - 1) AS cohort FROM enc_r1_users_kept
        ) AS u ON u.user_id = up.user_id
      ) AS per_user
      GROUP BY cohort, k
      ORDER BY cohort, k",
        "duckdb": "SELECT strftime(cohort, '%Y-%m-%d') AS cohort, k,
        sum(CASE WHEN orders > CASE WHEN k = 0 THEN 1 ELSE 0 END THEN 1 ELSE 0 END) AS active_users,
        sum(revenue_rub) AS revenue_rub
      FROM (
        SELECT u.cohort, up.k, up.orders, up.revenue_rub
        FROM enc_user_periods AS up
        JOIN (
          SELECT user_id, CAST(date_trunc('week', first_order_dt) AS DATE) AS cohort FROM enc_r1_users_kept
        ) AS u ON u.user_id = up.user_id
      ) AS per_user
      GROUP BY cohort, k
      ORDER BY cohort, k",
        "postgres": "SELECT to_char(cohort, 'YYYY-MM-DD') AS cohort, k,
        sum(CASE WHEN orders > CASE WHEN k = 0 THEN 1 ELSE 0 END THEN 1 ELSE 0 END) AS active_users,
        sum(revenue_rub) AS revenue_rub
      FROM (
        SELECT u.cohort, up.k, up.orders, up.revenue_rub
        FROM enc_user_periods AS up
        JOIN (
          SELECT user_id, CAST(date_trunc('week', CAST(first_order_dt AS timestamp)) AS date) AS cohort FROM enc_r1_users_kept
        ) AS u ON u.user_id = up.user_id
      ) AS per_user
      GROUP BY cohort, k
      ORDER BY cohort, k",
      }
    `);
  });

  it("userPeriodsSql", () => {
    expect(rendered("userPeriodsSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT user_id, k, count(*) AS orders, sum(revenue_rub) AS revenue_rub
      FROM (
        SELECT p.user_id, toInt32(intDiv(dateDiff('day', toDate32(p.cohort), toDate32(o.order_dt)), 7)) AS k, o.revenue_rub
        FROM enc_orders AS o
        JOIN (
          SELECT ids.user_no, u.user_id, subtractDays(toDate32(u.first_order_dt), toDayOfWeek(toDate32(u.first_order_dt)) - 1) AS cohort
          FROM enc_users AS u JOIN enc_user_ids AS ids ON ids.user_id = u.user_id
        ) AS p ON p.user_no = o.user_no
        WHERE o.order_dt <= CAST($1 AS DATE)
      ) AS dated
      GROUP BY user_id, k
      -- bound: ["2024-12-31"]",
        "duckdb": "SELECT user_id, k, count(*) AS orders, sum(revenue_rub) AS revenue_rub
      FROM (
        SELECT p.user_id, CAST(date_diff('day', p.cohort, o.order_dt) // 7 AS INTEGER) AS k, o.revenue_rub
        FROM enc_orders AS o
        JOIN (
          SELECT ids.user_no, u.user_id, CAST(date_trunc('week', u.first_order_dt) AS DATE) AS cohort
          FROM enc_users AS u JOIN enc_user_ids AS ids ON ids.user_id = u.user_id
        ) AS p ON p.user_no = o.user_no
        WHERE o.order_dt <= CAST($1 AS DATE)
      ) AS dated
      GROUP BY user_id, k
      -- bound: ["2024-12-31"]",
        "postgres": "SELECT user_id, k, count(*) AS orders, sum(revenue_rub) AS revenue_rub
      FROM (
        SELECT p.user_id, ((CAST(o.order_dt AS date) - CAST(p.cohort AS date)) / 7) AS k, o.revenue_rub
        FROM enc_orders AS o
        JOIN (
          SELECT ids.user_no, u.user_id, CAST(date_trunc('week', CAST(u.first_order_dt AS timestamp)) AS date) AS cohort
          FROM enc_users AS u JOIN enc_user_ids AS ids ON ids.user_id = u.user_id
        ) AS p ON p.user_no = o.user_no
        WHERE o.order_dt <= CAST($1 AS DATE)
      ) AS dated
      GROUP BY user_id, k
      -- bound: ["2024-12-31"]",
      }
    `);
  });

  it("cohortUsersSql", () => {
    expect(rendered("cohortUsersSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT toString(toDate32(cohort)) AS cohort, k_second, count(*) AS users,
        sum(first_order_revenue_rub) AS first_order_revenue_rub,
        sum(CASE WHEN dateDiff('day', toDate32(first_order_dt), toDate32(CAST($1 AS DATE))) >= 30 THEN 1 ELSE 0 END) AS eligible_30,
        sum(CASE WHEN dateDiff('day', toDate32(first_order_dt), toDate32(CAST($1 AS DATE))) >= 30 AND days_to_second_order <= 30 THEN 1 ELSE 0 END) AS repeaters_30,
        sum(CASE WHEN dateDiff('day', toDate32(first_order_dt), toDate32(CAST($1 AS DATE))) >= 60 THEN 1 ELSE 0 END) AS eligible_60,
        sum(CASE WHEN dateDiff('day', toDate32(first_order_dt), toDate32(CAST($1 AS DATE))) >= 60 AND days_to_second_order <= 60 THEN 1 ELSE 0 END) AS repeaters_60,
        sum(CASE WHEN dateDiff('day', toDate32(first_order_dt), toDate32(CAST($1 AS DATE))) >= 90 THEN 1 ELSE 0 END) AS eligible_90,
        sum(CASE WHEN dateDiff('day', toDate32(first_order_dt), toDate32(CAST($1 AS DATE))) >= 90 AND days_to_second_order <= 90 THEN 1 ELSE 0 END) AS repeaters_90
      FROM (
        SELECT c.*, CASE WHEN days_to_second_order IS NOT NULL
          AND addDays(toDate32(first_order_dt), toInt32(days_to_second_order)) <= CAST($1 AS DATE)
          THEN toInt32(intDiv(dateDiff('day', toDate32(cohort), toDate32(addDays(toDate32(first_order_dt), toInt32(days_to_second_order)))), 7)) END AS k_second
        FROM (
          SELECT first_order_dt, days_to_second_order, first_order_revenue_rub,
            subtractDays(toDate32(first_order_dt), toDayOfWeek(toDate32(first_order_dt)) - 1) AS cohort
          FROM enc_users
          WHERE first_order_dt <= CAST($1 AS DATE)
        ) AS c
      ) AS s
      GROUP BY cohort, k_second
      ORDER BY cohort, k_second
      -- bound: ["2024-12-31"]",
        "duckdb": "SELECT strftime(cohort, '%Y-%m-%d') AS cohort, k_second, count(*) AS users,
        sum(first_order_revenue_rub) AS first_order_revenue_rub,
        sum(CASE WHEN date_diff('day', first_order_dt, CAST($1 AS DATE)) >= 30 THEN 1 ELSE 0 END) AS eligible_30,
        sum(CASE WHEN date_diff('day', first_order_dt, CAST($1 AS DATE)) >= 30 AND days_to_second_order <= 30 THEN 1 ELSE 0 END) AS repeaters_30,
        sum(CASE WHEN date_diff('day', first_order_dt, CAST($1 AS DATE)) >= 60 THEN 1 ELSE 0 END) AS eligible_60,
        sum(CASE WHEN date_diff('day', first_order_dt, CAST($1 AS DATE)) >= 60 AND days_to_second_order <= 60 THEN 1 ELSE 0 END) AS repeaters_60,
        sum(CASE WHEN date_diff('day', first_order_dt, CAST($1 AS DATE)) >= 90 THEN 1 ELSE 0 END) AS eligible_90,
        sum(CASE WHEN date_diff('day', first_order_dt, CAST($1 AS DATE)) >= 90 AND days_to_second_order <= 90 THEN 1 ELSE 0 END) AS repeaters_90
      FROM (
        SELECT c.*, CASE WHEN days_to_second_order IS NOT NULL
          AND CAST(first_order_dt + CAST(days_to_second_order AS INTEGER) AS DATE) <= CAST($1 AS DATE)
          THEN CAST(date_diff('day', cohort, CAST(first_order_dt + CAST(days_to_second_order AS INTEGER) AS DATE)) // 7 AS INTEGER) END AS k_second
        FROM (
          SELECT first_order_dt, days_to_second_order, first_order_revenue_rub,
            CAST(date_trunc('week', first_order_dt) AS DATE) AS cohort
          FROM enc_users
          WHERE first_order_dt <= CAST($1 AS DATE)
        ) AS c
      ) AS s
      GROUP BY cohort, k_second
      ORDER BY cohort, k_second
      -- bound: ["2024-12-31"]",
        "postgres": "SELECT to_char(cohort, 'YYYY-MM-DD') AS cohort, k_second, count(*) AS users,
        sum(first_order_revenue_rub) AS first_order_revenue_rub,
        sum(CASE WHEN (CAST(CAST($1 AS DATE) AS date) - CAST(first_order_dt AS date)) >= 30 THEN 1 ELSE 0 END) AS eligible_30,
        sum(CASE WHEN (CAST(CAST($1 AS DATE) AS date) - CAST(first_order_dt AS date)) >= 30 AND days_to_second_order <= 30 THEN 1 ELSE 0 END) AS repeaters_30,
        sum(CASE WHEN (CAST(CAST($1 AS DATE) AS date) - CAST(first_order_dt AS date)) >= 60 THEN 1 ELSE 0 END) AS eligible_60,
        sum(CASE WHEN (CAST(CAST($1 AS DATE) AS date) - CAST(first_order_dt AS date)) >= 60 AND days_to_second_order <= 60 THEN 1 ELSE 0 END) AS repeaters_60,
        sum(CASE WHEN (CAST(CAST($1 AS DATE) AS date) - CAST(first_order_dt AS date)) >= 90 THEN 1 ELSE 0 END) AS eligible_90,
        sum(CASE WHEN (CAST(CAST($1 AS DATE) AS date) - CAST(first_order_dt AS date)) >= 90 AND days_to_second_order <= 90 THEN 1 ELSE 0 END) AS repeaters_90
      FROM (
        SELECT c.*, CASE WHEN days_to_second_order IS NOT NULL
          AND (CAST(first_order_dt AS date) + CAST(days_to_second_order AS integer)) <= CAST($1 AS DATE)
          THEN ((CAST((CAST(first_order_dt AS date) + CAST(days_to_second_order AS integer)) AS date) - CAST(cohort AS date)) / 7) END AS k_second
        FROM (
          SELECT first_order_dt, days_to_second_order, first_order_revenue_rub,
            CAST(date_trunc('week', CAST(first_order_dt AS timestamp)) AS date) AS cohort
          FROM enc_users
          WHERE first_order_dt <= CAST($1 AS DATE)
        ) AS c
      ) AS s
      GROUP BY cohort, k_second
      ORDER BY cohort, k_second
      -- bound: ["2024-12-31"]",
      }
    `);
  });

  it("comparedUsersSql", () => {
    expect(rendered("comparedUsersSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT *, CASE WHEN first_order_dt BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE) THEN 1 ELSE 2 END AS compared_period
      FROM enc_users
      WHERE first_order_dt BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE)
         OR first_order_dt BETWEEN CAST($3 AS DATE) AND CAST($4 AS DATE)
      -- bound: ["2024-06-01","2024-06-30","2024-07-01","2024-07-31"]",
        "duckdb": "SELECT *, CASE WHEN first_order_dt BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE) THEN 1 ELSE 2 END AS compared_period
      FROM enc_users
      WHERE first_order_dt BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE)
         OR first_order_dt BETWEEN CAST($3 AS DATE) AND CAST($4 AS DATE)
      -- bound: ["2024-06-01","2024-06-30","2024-07-01","2024-07-31"]",
        "postgres": "SELECT *, CASE WHEN first_order_dt BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE) THEN 1 ELSE 2 END AS compared_period
      FROM enc_users
      WHERE first_order_dt BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE)
         OR first_order_dt BETWEEN CAST($3 AS DATE) AND CAST($4 AS DATE)
      -- bound: ["2024-06-01","2024-06-30","2024-07-01","2024-07-31"]",
      }
    `);
  });

  it("firstOrderCheckSql", () => {
    expect(rendered("firstOrderCheckSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT compared_period, count(*) AS users, avg(first_order_revenue_rub) AS mean,
        quantileExactInclusive(0.5)(CAST(first_order_revenue_rub AS Nullable(Float64))) AS median
      FROM enc_compared
      GROUP BY compared_period
      ORDER BY compared_period",
        "duckdb": "SELECT compared_period, count(*) AS users, avg(first_order_revenue_rub) AS mean,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY first_order_revenue_rub) AS median
      FROM enc_compared
      GROUP BY compared_period
      ORDER BY compared_period",
        "postgres": "SELECT compared_period, count(*) AS users, avg(first_order_revenue_rub) AS mean,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(first_order_revenue_rub AS double precision)) AS median
      FROM enc_compared
      GROUP BY compared_period
      ORDER BY compared_period",
      }
    `);
  });

  it("entryMixSql", () => {
    expect(rendered("entryMixSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT compared_period, "first_device" AS value, count(*) AS users
      FROM enc_compared
      GROUP BY compared_period, "first_device"",
        "duckdb": "SELECT compared_period, "first_device" AS value, count(*) AS users
      FROM enc_compared
      GROUP BY compared_period, "first_device"",
        "postgres": "SELECT compared_period, "first_device" AS value, count(*) AS users
      FROM enc_compared
      GROUP BY compared_period, "first_device"",
      }
    `);
  });

  it("comparedRepeatSql", () => {
    expect(rendered("comparedRepeatSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT compared_period,
        sum(CASE WHEN dateDiff('day', toDate32(first_order_dt), toDate32(CAST($1 AS DATE))) >= 30 THEN 1 ELSE 0 END) AS eligible_30,
        sum(CASE WHEN dateDiff('day', toDate32(first_order_dt), toDate32(CAST($1 AS DATE))) >= 30 AND days_to_second_order <= 30 THEN 1 ELSE 0 END) AS repeaters_30,
        sum(CASE WHEN dateDiff('day', toDate32(first_order_dt), toDate32(CAST($1 AS DATE))) >= 60 THEN 1 ELSE 0 END) AS eligible_60,
        sum(CASE WHEN dateDiff('day', toDate32(first_order_dt), toDate32(CAST($1 AS DATE))) >= 60 AND days_to_second_order <= 60 THEN 1 ELSE 0 END) AS repeaters_60,
        sum(CASE WHEN dateDiff('day', toDate32(first_order_dt), toDate32(CAST($1 AS DATE))) >= 90 THEN 1 ELSE 0 END) AS eligible_90,
        sum(CASE WHEN dateDiff('day', toDate32(first_order_dt), toDate32(CAST($1 AS DATE))) >= 90 AND days_to_second_order <= 90 THEN 1 ELSE 0 END) AS repeaters_90
      FROM enc_compared
      GROUP BY compared_period
      ORDER BY compared_period
      -- bound: ["2024-12-31"]",
        "duckdb": "SELECT compared_period,
        sum(CASE WHEN date_diff('day', first_order_dt, CAST($1 AS DATE)) >= 30 THEN 1 ELSE 0 END) AS eligible_30,
        sum(CASE WHEN date_diff('day', first_order_dt, CAST($1 AS DATE)) >= 30 AND days_to_second_order <= 30 THEN 1 ELSE 0 END) AS repeaters_30,
        sum(CASE WHEN date_diff('day', first_order_dt, CAST($1 AS DATE)) >= 60 THEN 1 ELSE 0 END) AS eligible_60,
        sum(CASE WHEN date_diff('day', first_order_dt, CAST($1 AS DATE)) >= 60 AND days_to_second_order <= 60 THEN 1 ELSE 0 END) AS repeaters_60,
        sum(CASE WHEN date_diff('day', first_order_dt, CAST($1 AS DATE)) >= 90 THEN 1 ELSE 0 END) AS eligible_90,
        sum(CASE WHEN date_diff('day', first_order_dt, CAST($1 AS DATE)) >= 90 AND days_to_second_order <= 90 THEN 1 ELSE 0 END) AS repeaters_90
      FROM enc_compared
      GROUP BY compared_period
      ORDER BY compared_period
      -- bound: ["2024-12-31"]",
        "postgres": "SELECT compared_period,
        sum(CASE WHEN (CAST(CAST($1 AS DATE) AS date) - CAST(first_order_dt AS date)) >= 30 THEN 1 ELSE 0 END) AS eligible_30,
        sum(CASE WHEN (CAST(CAST($1 AS DATE) AS date) - CAST(first_order_dt AS date)) >= 30 AND days_to_second_order <= 30 THEN 1 ELSE 0 END) AS repeaters_30,
        sum(CASE WHEN (CAST(CAST($1 AS DATE) AS date) - CAST(first_order_dt AS date)) >= 60 THEN 1 ELSE 0 END) AS eligible_60,
        sum(CASE WHEN (CAST(CAST($1 AS DATE) AS date) - CAST(first_order_dt AS date)) >= 60 AND days_to_second_order <= 60 THEN 1 ELSE 0 END) AS repeaters_60,
        sum(CASE WHEN (CAST(CAST($1 AS DATE) AS date) - CAST(first_order_dt AS date)) >= 90 THEN 1 ELSE 0 END) AS eligible_90,
        sum(CASE WHEN (CAST(CAST($1 AS DATE) AS date) - CAST(first_order_dt AS date)) >= 90 AND days_to_second_order <= 90 THEN 1 ELSE 0 END) AS repeaters_90
      FROM enc_compared
      GROUP BY compared_period
      ORDER BY compared_period
      -- bound: ["2024-12-31"]",
      }
    `);
  });

  it("checkQuintilesSql", () => {
    expect(rendered("checkQuintilesSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT count(*) AS users, min(first_order_revenue_rub) AS q0, quantileExactInclusive(0.2)(CAST(first_order_revenue_rub AS Nullable(Float64))) AS q1, quantileExactInclusive(0.4)(CAST(first_order_revenue_rub AS Nullable(Float64))) AS q2, quantileExactInclusive(0.6)(CAST(first_order_revenue_rub AS Nullable(Float64))) AS q3, quantileExactInclusive(0.8)(CAST(first_order_revenue_rub AS Nullable(Float64))) AS q4, max(first_order_revenue_rub) AS q5 FROM enc_users WHERE dateDiff('day', toDate32(first_order_dt), toDate32(CAST($1 AS DATE))) >= 90
      -- bound: ["2024-12-31"]",
        "duckdb": "SELECT count(*) AS users, min(first_order_revenue_rub) AS q0, percentile_cont(0.2) WITHIN GROUP (ORDER BY first_order_revenue_rub) AS q1, percentile_cont(0.4) WITHIN GROUP (ORDER BY first_order_revenue_rub) AS q2, percentile_cont(0.6) WITHIN GROUP (ORDER BY first_order_revenue_rub) AS q3, percentile_cont(0.8) WITHIN GROUP (ORDER BY first_order_revenue_rub) AS q4, max(first_order_revenue_rub) AS q5 FROM enc_users WHERE date_diff('day', first_order_dt, CAST($1 AS DATE)) >= 90
      -- bound: ["2024-12-31"]",
        "postgres": "SELECT count(*) AS users, min(first_order_revenue_rub) AS q0, percentile_cont(0.2) WITHIN GROUP (ORDER BY CAST(first_order_revenue_rub AS double precision)) AS q1, percentile_cont(0.4) WITHIN GROUP (ORDER BY CAST(first_order_revenue_rub AS double precision)) AS q2, percentile_cont(0.6) WITHIN GROUP (ORDER BY CAST(first_order_revenue_rub AS double precision)) AS q3, percentile_cont(0.8) WITHIN GROUP (ORDER BY CAST(first_order_revenue_rub AS double precision)) AS q4, max(first_order_revenue_rub) AS q5 FROM enc_users WHERE (CAST(CAST($1 AS DATE) AS date) - CAST(first_order_dt AS date)) >= 90
      -- bound: ["2024-12-31"]",
      }
    `);
  });

  it("covariatePatternsSql", () => {
    expect(rendered("covariatePatternsSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT CASE d0 WHEN CAST($2 AS Nullable(String)) THEN 1 WHEN CAST($3 AS Nullable(String)) THEN 2 ELSE 0 END AS k0, check_bin, tickets_bin, count(*) AS users,
        sum(CASE WHEN days_to_second_order <= 90 THEN 1 ELSE 0 END) AS repeaters
      FROM (
        SELECT CASE WHEN "first_device" IN (CAST($2 AS Nullable(String)), CAST($3 AS Nullable(String))) THEN "first_device" ELSE 'other' END AS d0,
          CASE WHEN first_order_revenue_rub >= CAST($4 AS Nullable(Float64)) THEN 4 WHEN first_order_revenue_rub >= CAST($5 AS Nullable(Float64)) THEN 3 WHEN first_order_revenue_rub >= CAST($6 AS Nullable(Float64)) THEN 2 WHEN first_order_revenue_rub >= CAST($7 AS Nullable(Float64)) THEN 1 ELSE 0 END AS check_bin,
          CASE WHEN first_order_tickets >= CAST($8 AS Nullable(Float64)) THEN 3 WHEN first_order_tickets >= CAST($9 AS Nullable(Float64)) THEN 2 WHEN first_order_tickets >= CAST($10 AS Nullable(Float64)) THEN 1 ELSE 0 END AS tickets_bin,
          days_to_second_order
        FROM enc_users
        WHERE dateDiff('day', toDate32(first_order_dt), toDate32(CAST($1 AS DATE))) >= 90
      ) AS m
      GROUP BY d0, check_bin, tickets_bin
      ORDER BY d0, check_bin, tickets_bin
      -- bound: ["2024-12-31","mobile","desktop",400,300,200,100,5,3,2]",
        "duckdb": "SELECT CASE d0 WHEN CAST($2 AS VARCHAR) THEN 1 WHEN CAST($3 AS VARCHAR) THEN 2 ELSE 0 END AS k0, check_bin, tickets_bin, count(*) AS users,
        sum(CASE WHEN days_to_second_order <= 90 THEN 1 ELSE 0 END) AS repeaters
      FROM (
        SELECT CASE WHEN "first_device" IN (CAST($2 AS VARCHAR), CAST($3 AS VARCHAR)) THEN "first_device" ELSE 'other' END AS d0,
          CASE WHEN first_order_revenue_rub >= CAST($4 AS DOUBLE) THEN 4 WHEN first_order_revenue_rub >= CAST($5 AS DOUBLE) THEN 3 WHEN first_order_revenue_rub >= CAST($6 AS DOUBLE) THEN 2 WHEN first_order_revenue_rub >= CAST($7 AS DOUBLE) THEN 1 ELSE 0 END AS check_bin,
          CASE WHEN first_order_tickets >= CAST($8 AS DOUBLE) THEN 3 WHEN first_order_tickets >= CAST($9 AS DOUBLE) THEN 2 WHEN first_order_tickets >= CAST($10 AS DOUBLE) THEN 1 ELSE 0 END AS tickets_bin,
          days_to_second_order
        FROM enc_users
        WHERE date_diff('day', first_order_dt, CAST($1 AS DATE)) >= 90
      ) AS m
      GROUP BY d0, check_bin, tickets_bin
      ORDER BY d0, check_bin, tickets_bin
      -- bound: ["2024-12-31","mobile","desktop",400,300,200,100,5,3,2]",
        "postgres": "SELECT CASE d0 WHEN CAST($2 AS text) THEN 1 WHEN CAST($3 AS text) THEN 2 ELSE 0 END AS k0, check_bin, tickets_bin, count(*) AS users,
        sum(CASE WHEN days_to_second_order <= 90 THEN 1 ELSE 0 END) AS repeaters
      FROM (
        SELECT CASE WHEN "first_device" IN (CAST($2 AS text), CAST($3 AS text)) THEN "first_device" ELSE 'other' END AS d0,
          CASE WHEN first_order_revenue_rub >= CAST($4 AS double precision) THEN 4 WHEN first_order_revenue_rub >= CAST($5 AS double precision) THEN 3 WHEN first_order_revenue_rub >= CAST($6 AS double precision) THEN 2 WHEN first_order_revenue_rub >= CAST($7 AS double precision) THEN 1 ELSE 0 END AS check_bin,
          CASE WHEN first_order_tickets >= CAST($8 AS double precision) THEN 3 WHEN first_order_tickets >= CAST($9 AS double precision) THEN 2 WHEN first_order_tickets >= CAST($10 AS double precision) THEN 1 ELSE 0 END AS tickets_bin,
          days_to_second_order
        FROM enc_users
        WHERE (CAST(CAST($1 AS DATE) AS date) - CAST(first_order_dt AS date)) >= 90
      ) AS m
      GROUP BY d0, check_bin, tickets_bin
      ORDER BY d0, check_bin, tickets_bin
      -- bound: ["2024-12-31","mobile","desktop",400,300,200,100,5,3,2]",
      }
    `);
  });

  it("customerListSql", () => {
    expect(rendered("customerListSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT u.user_id, u.segment, toString(toDate32(u.first_order_dt)) AS first_order_dt,
        toString(toDate32(u.last_order_dt)) AS last_order_dt, u.total_orders, u.total_revenue_rub,
        dateDiff('day', toDate32(u.last_order_dt), toDate32(CAST($1 AS DATE))) AS days_since_last_order,
        p.p_alive, p.expected_orders, p.clv_rub, CAST($2 AS Nullable(String)) AS reason
      FROM enc_users AS u LEFT JOIN enc_predictions AS p ON p.user_id = u.user_id
      WHERE u.first_order_dt <= CAST($1 AS DATE) AND u.total_orders >= CAST($3 AS Nullable(Float64)) AND p.p_alive >= CAST($4 AS Nullable(Float64))
      -- bound: ["2024-12-31","5+ orders",5,0.5]",
        "duckdb": "SELECT u.user_id, u.segment, strftime(u.first_order_dt, '%Y-%m-%d') AS first_order_dt,
        strftime(u.last_order_dt, '%Y-%m-%d') AS last_order_dt, u.total_orders, u.total_revenue_rub,
        date_diff('day', u.last_order_dt, CAST($1 AS DATE)) AS days_since_last_order,
        p.p_alive, p.expected_orders, p.clv_rub, CAST($2 AS VARCHAR) AS reason
      FROM enc_users AS u LEFT JOIN enc_predictions AS p ON p.user_id = u.user_id
      WHERE u.first_order_dt <= CAST($1 AS DATE) AND u.total_orders >= CAST($3 AS DOUBLE) AND p.p_alive >= CAST($4 AS DOUBLE)
      -- bound: ["2024-12-31","5+ orders",5,0.5]",
        "postgres": "SELECT u.user_id, u.segment, to_char(u.first_order_dt, 'YYYY-MM-DD') AS first_order_dt,
        to_char(u.last_order_dt, 'YYYY-MM-DD') AS last_order_dt, u.total_orders, u.total_revenue_rub,
        (CAST(CAST($1 AS DATE) AS date) - CAST(u.last_order_dt AS date)) AS days_since_last_order,
        p.p_alive, p.expected_orders, p.clv_rub, CAST($2 AS text) AS reason
      FROM enc_users AS u LEFT JOIN enc_predictions AS p ON p.user_id = u.user_id
      WHERE u.first_order_dt <= CAST($1 AS DATE) AND u.total_orders >= CAST($3 AS double precision) AND p.p_alive >= CAST($4 AS double precision)
      -- bound: ["2024-12-31","5+ orders",5,0.5]",
      }
    `);
  });

  it("customerListSizesSql", () => {
    expect(rendered("customerListSizesSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT countIf(u.total_orders = 1 AND dateDiff('day', toDate32(u.first_order_dt), toDate32(CAST($1 AS DATE))) >= CAST($2 AS Nullable(Float64)) AND dateDiff('day', toDate32(u.first_order_dt), toDate32(CAST($1 AS DATE))) <= CAST($3 AS Nullable(Float64))) AS users_0, coalesce(sumIf(u.total_revenue_rub, u.total_orders = 1 AND dateDiff('day', toDate32(u.first_order_dt), toDate32(CAST($1 AS DATE))) >= CAST($2 AS Nullable(Float64)) AND dateDiff('day', toDate32(u.first_order_dt), toDate32(CAST($1 AS DATE))) <= CAST($3 AS Nullable(Float64))), 0) AS revenue_rub_0,
        countIf(u.total_orders >= CAST($4 AS Nullable(Float64)) AND p.p_alive < CAST($5 AS Nullable(Float64)) AND u.total_revenue_rub >= CAST($6 AS Nullable(Float64))) AS users_1, coalesce(sumIf(u.total_revenue_rub, u.total_orders >= CAST($4 AS Nullable(Float64)) AND p.p_alive < CAST($5 AS Nullable(Float64)) AND u.total_revenue_rub >= CAST($6 AS Nullable(Float64))), 0) AS revenue_rub_1
      FROM enc_users AS u LEFT JOIN enc_predictions AS p ON p.user_id = u.user_id
      WHERE u.first_order_dt <= CAST($1 AS DATE)
      -- bound: ["2024-12-31",1,10,2,0.3,5000]",
        "duckdb": "SELECT count(*) FILTER (WHERE u.total_orders = 1 AND date_diff('day', u.first_order_dt, CAST($1 AS DATE)) >= CAST($2 AS DOUBLE) AND date_diff('day', u.first_order_dt, CAST($1 AS DATE)) <= CAST($3 AS DOUBLE)) AS users_0, coalesce(sum(u.total_revenue_rub) FILTER (WHERE u.total_orders = 1 AND date_diff('day', u.first_order_dt, CAST($1 AS DATE)) >= CAST($2 AS DOUBLE) AND date_diff('day', u.first_order_dt, CAST($1 AS DATE)) <= CAST($3 AS DOUBLE)), 0) AS revenue_rub_0,
        count(*) FILTER (WHERE u.total_orders >= CAST($4 AS DOUBLE) AND p.p_alive < CAST($5 AS DOUBLE) AND u.total_revenue_rub >= CAST($6 AS DOUBLE)) AS users_1, coalesce(sum(u.total_revenue_rub) FILTER (WHERE u.total_orders >= CAST($4 AS DOUBLE) AND p.p_alive < CAST($5 AS DOUBLE) AND u.total_revenue_rub >= CAST($6 AS DOUBLE)), 0) AS revenue_rub_1
      FROM enc_users AS u LEFT JOIN enc_predictions AS p ON p.user_id = u.user_id
      WHERE u.first_order_dt <= CAST($1 AS DATE)
      -- bound: ["2024-12-31",1,10,2,0.3,5000]",
        "postgres": "SELECT count(*) FILTER (WHERE u.total_orders = 1 AND (CAST(CAST($1 AS DATE) AS date) - CAST(u.first_order_dt AS date)) >= CAST($2 AS double precision) AND (CAST(CAST($1 AS DATE) AS date) - CAST(u.first_order_dt AS date)) <= CAST($3 AS double precision)) AS users_0, coalesce(sum(u.total_revenue_rub) FILTER (WHERE u.total_orders = 1 AND (CAST(CAST($1 AS DATE) AS date) - CAST(u.first_order_dt AS date)) >= CAST($2 AS double precision) AND (CAST(CAST($1 AS DATE) AS date) - CAST(u.first_order_dt AS date)) <= CAST($3 AS double precision)), 0) AS revenue_rub_0,
        count(*) FILTER (WHERE u.total_orders >= CAST($4 AS double precision) AND p.p_alive < CAST($5 AS double precision) AND u.total_revenue_rub >= CAST($6 AS double precision)) AS users_1, coalesce(sum(u.total_revenue_rub) FILTER (WHERE u.total_orders >= CAST($4 AS double precision) AND p.p_alive < CAST($5 AS double precision) AND u.total_revenue_rub >= CAST($6 AS double precision)), 0) AS revenue_rub_1
      FROM enc_users AS u LEFT JOIN enc_predictions AS p ON p.user_id = u.user_id
      WHERE u.first_order_dt <= CAST($1 AS DATE)
      -- bound: ["2024-12-31",1,10,2,0.3,5000]",
      }
    `);
  });

  it("repeaterMedianRevenueSql", () => {
    expect(rendered("repeaterMedianRevenueSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT quantileExactInclusive(0.5)(CAST(total_revenue_rub AS Nullable(Float64))) AS median FROM enc_users WHERE total_orders >= 2",
        "duckdb": "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY total_revenue_rub) AS median FROM enc_users WHERE total_orders >= 2",
        "postgres": "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(total_revenue_rub AS double precision)) AS median FROM enc_users WHERE total_orders >= 2",
      }
    `);
  });

  it("daysSincePrevCheckSql", () => {
    expect(rendered("daysSincePrevCheckSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT sum(orders) AS compared, sum(mismatches) AS mismatches FROM enc_order_gaps",
        "duckdb": "SELECT sum(orders) AS compared, sum(mismatches) AS mismatches FROM enc_order_gaps",
        "postgres": "SELECT sum(orders) AS compared, sum(mismatches) AS mismatches FROM enc_order_gaps",
      }
    `);
  });

  it("weekdaySql", () => {
    expect(rendered("weekdaySql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT first_order_weekday AS weekday, count(*) AS users,
        sum(CASE WHEN is_two THEN 1 ELSE 0 END) AS twos
      FROM enc_users GROUP BY first_order_weekday",
        "duckdb": "SELECT first_order_weekday AS weekday, count(*) AS users,
        sum(CASE WHEN is_two THEN 1 ELSE 0 END) AS twos
      FROM enc_users GROUP BY first_order_weekday",
        "postgres": "SELECT first_order_weekday AS weekday, count(*) AS users,
        sum(CASE WHEN is_two THEN 1 ELSE 0 END) AS twos
      FROM enc_users GROUP BY first_order_weekday",
      }
    `);
  });

  it("daysSincePrevCountsSql", () => {
    expect(rendered("daysSincePrevCountsSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT days_since_prev AS value, sum(orders) AS count FROM enc_gaps
      WHERE days_since_prev IS NOT NULL GROUP BY days_since_prev ORDER BY days_since_prev",
        "duckdb": "SELECT days_since_prev AS value, sum(orders) AS count FROM enc_gaps
      WHERE days_since_prev IS NOT NULL GROUP BY days_since_prev ORDER BY days_since_prev",
        "postgres": "SELECT days_since_prev AS value, sum(orders) AS count FROM enc_gaps
      WHERE days_since_prev IS NOT NULL GROUP BY days_since_prev ORDER BY days_since_prev",
      }
    `);
  });

  it("daysToSecondCountsSql", () => {
    expect(rendered("daysToSecondCountsSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT days_to_second_order AS value, count(*) AS count FROM enc_users
      WHERE days_to_second_order IS NOT NULL GROUP BY days_to_second_order ORDER BY days_to_second_order",
        "duckdb": "SELECT days_to_second_order AS value, count(*) AS count FROM enc_users
      WHERE days_to_second_order IS NOT NULL GROUP BY days_to_second_order ORDER BY days_to_second_order",
        "postgres": "SELECT days_to_second_order AS value, count(*) AS count FROM enc_users
      WHERE days_to_second_order IS NOT NULL GROUP BY days_to_second_order ORDER BY days_to_second_order",
      }
    `);
  });

  it("intervalBySegmentSql", () => {
    expect(rendered("intervalBySegmentSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT segment, count(*) AS users, avg(avg_days_since_prev) AS mean,
        quantileExactInclusive(0.5)(CAST(avg_days_since_prev AS Nullable(Float64))) AS median
      FROM enc_users WHERE segment IN ('2-4', '5+') GROUP BY segment",
        "duckdb": "SELECT segment, count(*) AS users, avg(avg_days_since_prev) AS mean,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY avg_days_since_prev) AS median
      FROM enc_users WHERE segment IN ('2-4', '5+') GROUP BY segment",
        "postgres": "SELECT segment, count(*) AS users, avg(avg_days_since_prev) AS mean,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(avg_days_since_prev AS double precision)) AS median
      FROM enc_users WHERE segment IN ('2-4', '5+') GROUP BY segment",
      }
    `);
  });

  it("userIdsSql", () => {
    expect(rendered("userIdsSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT user_id, CAST(row_number() OVER () AS INTEGER) AS user_no
      FROM (SELECT DISTINCT NULLIF(trim(r."user_id"), '') AS user_id FROM enc_raw AS r) AS ids
      WHERE user_id IS NOT NULL",
        "duckdb": "SELECT user_id, CAST(row_number() OVER () AS INTEGER) AS user_no
      FROM (SELECT DISTINCT NULLIF(CASE WHEN ord(r."user_id") BETWEEN 33 AND 126 AND NOT suffix(r."user_id", ' ') AND (strlen(r."user_id") = length(r."user_id") OR NOT (suffix(r."user_id", chr(160)) OR suffix(r."user_id", chr(5760)) OR suffix(r."user_id", chr(8192)) OR suffix(r."user_id", chr(8193)) OR suffix(r."user_id", chr(8194)) OR suffix(r."user_id", chr(8195)) OR suffix(r."user_id", chr(8196)) OR suffix(r."user_id", chr(8197)) OR suffix(r."user_id", chr(8198)) OR suffix(r."user_id", chr(8199)) OR suffix(r."user_id", chr(8200)) OR suffix(r."user_id", chr(8201)) OR suffix(r."user_id", chr(8202)) OR suffix(r."user_id", chr(8239)) OR suffix(r."user_id", chr(8287)) OR suffix(r."user_id", chr(12288)))) THEN r."user_id" ELSE trim(r."user_id") END, '') AS user_id FROM enc_raw AS r) AS ids
      WHERE user_id IS NOT NULL",
        "postgres": "SELECT user_id, CAST(row_number() OVER () AS INTEGER) AS user_no
      FROM (SELECT DISTINCT NULLIF(trim(r."user_id"), '') AS user_id FROM enc_raw AS r) AS ids
      WHERE user_id IS NOT NULL",
      }
    `);
  });

  it("usersSql", () => {
    expect(rendered("usersSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "WITH per_user AS (
        SELECT user_no,
          argMinIf(toNullable("__encore_row"), tuple(isNull(order_ts), assumeNotNull(order_ts), isNull(CAST(order_id AS BIGINT)), assumeNotNull(CAST(order_id AS BIGINT)), isNull(length(order_id)), assumeNotNull(length(order_id))), isNotNull("__encore_row")) AS first_row,
          -- Order dates rise with order_ts, so the two smallest dates are those of the first two orders.
          arrayElementOrNull(groupArraySorted(2)(order_dt), 2) AS second_order_dt,
          min(order_dt) AS first_order_dt,
          max(order_dt) AS last_order_dt,
          count(*) AS total_orders,
          if(isFinite(if(abs((sum(revenue_rub) * 1e6) - trunc((sum(revenue_rub) * 1e6))) >= 0.5, trunc((sum(revenue_rub) * 1e6)) + sign((sum(revenue_rub) * 1e6)), trunc((sum(revenue_rub) * 1e6))) / 1e6), if(abs((sum(revenue_rub) * 1e6) - trunc((sum(revenue_rub) * 1e6))) >= 0.5, trunc((sum(revenue_rub) * 1e6)) + sign((sum(revenue_rub) * 1e6)), trunc((sum(revenue_rub) * 1e6))) / 1e6, sum(revenue_rub)) AS total_revenue_rub,
          if(isFinite(if(abs((avg(revenue_rub) * 1e6) - trunc((avg(revenue_rub) * 1e6))) >= 0.5, trunc((avg(revenue_rub) * 1e6)) + sign((avg(revenue_rub) * 1e6)), trunc((avg(revenue_rub) * 1e6))) / 1e6), if(abs((avg(revenue_rub) * 1e6) - trunc((avg(revenue_rub) * 1e6))) >= 0.5, trunc((avg(revenue_rub) * 1e6)) + sign((avg(revenue_rub) * 1e6)), trunc((avg(revenue_rub) * 1e6))) / 1e6, avg(revenue_rub)) AS avg_revenue_rub,
          sum(tickets_count) AS total_tickets,
          avg(CAST(tickets_count AS Nullable(Float64))) AS avg_tickets_count
        FROM enc_orders
        GROUP BY user_no
      )
      SELECT ids.user_id AS user_id, f.order_ts AS first_order_ts, u.first_order_dt, u.last_order_dt,
        coalesce(NULLIF(trim(r."device_type_canonical"), ''), 'unknown') AS "first_device", f.revenue_rub AS first_order_revenue_rub,
        f.tickets_count AS first_order_tickets,
        CAST(toDayOfWeek(u.first_order_dt) AS INTEGER) AS first_order_weekday,
        CAST(u.total_orders AS INTEGER) AS total_orders, u.total_revenue_rub, u.avg_revenue_rub,
        CAST(u.total_tickets AS BIGINT) AS total_tickets, u.avg_tickets_count,
        CASE WHEN u.total_orders > 1
          THEN CAST(dateDiff('day', toDate32(u.first_order_dt), toDate32(u.last_order_dt)) AS Nullable(Float64)) / (u.total_orders - 1)
        END AS avg_days_since_prev,
        CAST(dateDiff('day', toDate32(u.first_order_dt), toDate32(u.second_order_dt)) AS INTEGER) AS days_to_second_order,
        CAST(u.total_orders >= 2 AS Nullable(Bool)) AS is_two, CAST(u.total_orders >= 5 AS Nullable(Bool)) AS is_five,
        CASE WHEN u.total_orders = 1 THEN '1' WHEN u.total_orders <= 4 THEN '2-4' ELSE '5+' END AS segment
      FROM per_user AS u
      JOIN enc_user_ids AS ids ON ids.user_no = u.user_no
      JOIN enc_checked AS f ON f."__encore_row" = u.first_row
      JOIN enc_raw AS r ON r."__encore_row" = u.first_row",
        "duckdb": "WITH per_user AS (
        SELECT user_no,
          arg_min("__encore_row", {'k0': order_ts, 'k1': CAST(order_id AS BIGINT), 'k2': length(order_id)}) AS first_row,
          -- Order dates rise with order_ts, so the two smallest dates are those of the first two orders.
          (min(order_dt, 2))[2] AS second_order_dt,
          min(order_dt) AS first_order_dt,
          max(order_dt) AS last_order_dt,
          count(*) AS total_orders,
          round(sum(revenue_rub), 6) AS total_revenue_rub,
          round(avg(revenue_rub), 6) AS avg_revenue_rub,
          sum(tickets_count) AS total_tickets,
          avg(CAST(tickets_count AS DOUBLE)) AS avg_tickets_count
        FROM enc_orders
        GROUP BY user_no
      )
      SELECT ids.user_id AS user_id, f.order_ts AS first_order_ts, u.first_order_dt, u.last_order_dt,
        coalesce(NULLIF(trim(r."device_type_canonical"), ''), 'unknown') AS "first_device", f.revenue_rub AS first_order_revenue_rub,
        f.tickets_count AS first_order_tickets,
        CAST(isodow(u.first_order_dt) AS INTEGER) AS first_order_weekday,
        CAST(u.total_orders AS INTEGER) AS total_orders, u.total_revenue_rub, u.avg_revenue_rub,
        CAST(u.total_tickets AS BIGINT) AS total_tickets, u.avg_tickets_count,
        CASE WHEN u.total_orders > 1
          THEN CAST(date_diff('day', u.first_order_dt, u.last_order_dt) AS DOUBLE) / (u.total_orders - 1)
        END AS avg_days_since_prev,
        CAST(date_diff('day', u.first_order_dt, u.second_order_dt) AS INTEGER) AS days_to_second_order,
        (u.total_orders >= 2) AS is_two, (u.total_orders >= 5) AS is_five,
        CASE WHEN u.total_orders = 1 THEN '1' WHEN u.total_orders <= 4 THEN '2-4' ELSE '5+' END AS segment
      FROM per_user AS u
      JOIN enc_user_ids AS ids ON ids.user_no = u.user_no
      JOIN enc_checked AS f ON f."__encore_row" = u.first_row
      JOIN enc_raw AS r ON r."__encore_row" = u.first_row",
        "postgres": "WITH per_user AS (
        SELECT user_no,
          (array_agg("__encore_row" ORDER BY order_ts, CAST(order_id AS BIGINT), length(order_id)) FILTER (WHERE "__encore_row" IS NOT NULL))[1] AS first_row,
          -- Order dates rise with order_ts, so the two smallest dates are those of the first two orders.
          (array_agg(order_dt ORDER BY order_dt) FILTER (WHERE order_dt IS NOT NULL))[2] AS second_order_dt,
          min(order_dt) AS first_order_dt,
          max(order_dt) AS last_order_dt,
          count(*) AS total_orders,
          CAST(round(CAST(sum(revenue_rub) AS numeric), 6) AS double precision) AS total_revenue_rub,
          CAST(round(CAST(avg(revenue_rub) AS numeric), 6) AS double precision) AS avg_revenue_rub,
          sum(tickets_count) AS total_tickets,
          avg(CAST(tickets_count AS double precision)) AS avg_tickets_count
        FROM enc_orders
        GROUP BY user_no
      )
      SELECT ids.user_id AS user_id, f.order_ts AS first_order_ts, u.first_order_dt, u.last_order_dt,
        coalesce(NULLIF(trim(r."device_type_canonical"), ''), 'unknown') AS "first_device", f.revenue_rub AS first_order_revenue_rub,
        f.tickets_count AS first_order_tickets,
        CAST(CAST(EXTRACT(ISODOW FROM u.first_order_dt) AS integer) AS INTEGER) AS first_order_weekday,
        CAST(u.total_orders AS INTEGER) AS total_orders, u.total_revenue_rub, u.avg_revenue_rub,
        CAST(u.total_tickets AS BIGINT) AS total_tickets, u.avg_tickets_count,
        CASE WHEN u.total_orders > 1
          THEN CAST((CAST(u.last_order_dt AS date) - CAST(u.first_order_dt AS date)) AS double precision) / (u.total_orders - 1)
        END AS avg_days_since_prev,
        CAST((CAST(u.second_order_dt AS date) - CAST(u.first_order_dt AS date)) AS INTEGER) AS days_to_second_order,
        (u.total_orders >= 2) AS is_two, (u.total_orders >= 5) AS is_five,
        CASE WHEN u.total_orders = 1 THEN '1' WHEN u.total_orders <= 4 THEN '2-4' ELSE '5+' END AS segment
      FROM per_user AS u
      JOIN enc_user_ids AS ids ON ids.user_no = u.user_no
      JOIN enc_checked AS f ON f."__encore_row" = u.first_row
      JOIN enc_raw AS r ON r."__encore_row" = u.first_row",
      }
    `);
  });

  it("foreignCurrencyRowsSql", () => {
    expect(rendered("foreignCurrencyRowsSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT currency_code, count(*) AS n
      FROM (
        SELECT coalesce(lower(NULLIF(trim(r."currency_code"), '')), 'rub') AS currency_code FROM enc_raw AS r
        WHERE (CAST(r."currency_code" AS Nullable(String)) IS NULL OR CAST(r."currency_code" AS Nullable(String)) <> 'rub') AND coalesce(lower(NULLIF(trim(r."currency_code"), '')), 'rub') <> 'rub'
      ) AS c
      GROUP BY currency_code
      ORDER BY n DESC, currency_code",
        "duckdb": "SELECT currency_code, count(*) AS n
      FROM (
        SELECT coalesce(lower(NULLIF(trim(r."currency_code"), '')), 'rub') AS currency_code FROM enc_raw AS r
        WHERE (CAST(r."currency_code" AS VARCHAR) IS NULL OR CAST(r."currency_code" AS VARCHAR) <> 'rub') AND coalesce(lower(NULLIF(trim(r."currency_code"), '')), 'rub') <> 'rub'
      ) AS c
      GROUP BY currency_code
      ORDER BY n DESC, currency_code",
        "postgres": "SELECT currency_code, count(*) AS n
      FROM (
        SELECT coalesce(lower(NULLIF(trim(r."currency_code"), '')), 'rub') AS currency_code FROM enc_raw AS r
        WHERE (CAST(r."currency_code" AS text) IS NULL OR CAST(r."currency_code" AS text) <> 'rub') AND coalesce(lower(NULLIF(trim(r."currency_code"), '')), 'rub') <> 'rub'
      ) AS c
      GROUP BY currency_code
      ORDER BY n DESC, currency_code",
      }
    `);
  });

  it("tableExportSql", () => {
    expect(rendered("tableExportSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT * FROM enc_rejects",
        "duckdb": "SELECT * FROM enc_rejects",
        "postgres": "SELECT * FROM enc_rejects",
      }
    `);
  });

  it("rowCountSql", () => {
    expect(rendered("rowCountSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT count(*) AS n FROM enc_r1_list_champions",
        "duckdb": "SELECT count(*) AS n FROM enc_r1_list_champions",
        "postgres": "SELECT count(*) AS n FROM enc_r1_list_champions",
      }
    `);
  });

  it("parsedRowsSql", () => {
    expect(rendered("parsedRowsSql")).toMatchInlineSnapshot(`
      {
        "clickhouse": "SELECT e_row, x_user_id AS e_user_id, x_order_id AS e_order_id, CAST(CAST(n_order_ts AS DATE) AS TIMESTAMP) AS e_order_ts,
        CASE WHEN n_revenue >= 0 AND n_revenue < 1000000000000000 THEN n_revenue END AS e_revenue,
        CASE WHEN x_tickets_count IS NULL THEN 1 WHEN n_tickets_count >= 1 AND n_tickets_count <= 2147483647 AND n_tickets_count = floor(n_tickets_count) THEN CAST(n_tickets_count AS INTEGER) END AS e_tickets_count,
        x_currency_code AS e_currency_code,
        CAST(NULL AS INTEGER) AS e_days_since_prev_source
      FROM (
        SELECT e_row, x_user_id, x_order_id, x_currency_code, x_order_ts, x_order_dt, x_tickets_count,
          CAST(x_order_ts AS TIMESTAMP) AS n_order_ts,
          CAST(x_revenue AS Nullable(Float64)) AS n_revenue,
          CAST(x_tickets_count AS Nullable(Float64)) AS n_tickets_count,
          CAST(NULL AS Nullable(Float64)) AS n_days_since_prev
        FROM (
          SELECT r."__encore_row" AS e_row,
            CAST(r."user_id" AS Nullable(String)) AS x_user_id,
            r."order_id" AS x_order_id,
            'rub' AS x_currency_code,
            r."order_dt" AS x_order_ts,
            CAST(NULL AS Nullable(String)) AS x_order_dt,
            r."revenue" AS x_revenue,
            r."tickets_count" AS x_tickets_count,
            CAST(NULL AS Nullable(String)) AS x_days_since_prev
          FROM enc_raw AS r WHERE r."currency_code" <> 'rub'
        ) AS texts
      ) AS numbers",
        "duckdb": "SELECT e_row, x_user_id AS e_user_id, x_order_id AS e_order_id, CAST(CAST(n_order_ts AS DATE) AS TIMESTAMP) AS e_order_ts,
        CASE WHEN n_revenue >= 0 AND n_revenue < 1000000000000000 THEN n_revenue END AS e_revenue,
        CASE WHEN x_tickets_count IS NULL THEN 1 WHEN n_tickets_count >= 1 AND n_tickets_count <= 2147483647 AND n_tickets_count = floor(n_tickets_count) THEN CAST(n_tickets_count AS INTEGER) END AS e_tickets_count,
        x_currency_code AS e_currency_code,
        CAST(NULL AS INTEGER) AS e_days_since_prev_source
      FROM (
        SELECT e_row, x_user_id, x_order_id, x_currency_code, x_order_ts, x_order_dt, x_tickets_count,
          CAST(x_order_ts AS TIMESTAMP) AS n_order_ts,
          CAST(x_revenue AS DOUBLE) AS n_revenue,
          CAST(x_tickets_count AS DOUBLE) AS n_tickets_count,
          CAST(NULL AS DOUBLE) AS n_days_since_prev
        FROM (
          SELECT r."__encore_row" AS e_row,
            CAST(r."user_id" AS VARCHAR) AS x_user_id,
            r."order_id" AS x_order_id,
            'rub' AS x_currency_code,
            r."order_dt" AS x_order_ts,
            CAST(NULL AS VARCHAR) AS x_order_dt,
            r."revenue" AS x_revenue,
            r."tickets_count" AS x_tickets_count,
            CAST(NULL AS VARCHAR) AS x_days_since_prev
          FROM enc_raw AS r WHERE r."currency_code" <> 'rub'
        ) AS texts
      ) AS numbers",
        "postgres": "SELECT e_row, x_user_id AS e_user_id, x_order_id AS e_order_id, CAST(CAST(n_order_ts AS DATE) AS TIMESTAMP) AS e_order_ts,
        CASE WHEN n_revenue >= 0 AND n_revenue < 1000000000000000 THEN n_revenue END AS e_revenue,
        CASE WHEN x_tickets_count IS NULL THEN 1 WHEN n_tickets_count >= 1 AND n_tickets_count <= 2147483647 AND n_tickets_count = floor(n_tickets_count) THEN CAST(n_tickets_count AS INTEGER) END AS e_tickets_count,
        x_currency_code AS e_currency_code,
        CAST(NULL AS INTEGER) AS e_days_since_prev_source
      FROM (
        SELECT e_row, x_user_id, x_order_id, x_currency_code, x_order_ts, x_order_dt, x_tickets_count,
          CAST(x_order_ts AS TIMESTAMP) AS n_order_ts,
          CAST(x_revenue AS double precision) AS n_revenue,
          CAST(x_tickets_count AS double precision) AS n_tickets_count,
          CAST(NULL AS double precision) AS n_days_since_prev
        FROM (
          SELECT r."__encore_row" AS e_row,
            CAST(r."user_id" AS text) AS x_user_id,
            r."order_id" AS x_order_id,
            'rub' AS x_currency_code,
            r."order_dt" AS x_order_ts,
            CAST(NULL AS text) AS x_order_dt,
            r."revenue" AS x_revenue,
            r."tickets_count" AS x_tickets_count,
            CAST(NULL AS text) AS x_days_since_prev
          FROM enc_raw AS r WHERE r."currency_code" <> 'rub' OFFSET 0
        ) AS texts OFFSET 0
      ) AS numbers",
      }
    `);
  });
});
