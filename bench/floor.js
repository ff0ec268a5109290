// The floor: one hand-written DuckDB script that does the core of the study and nothing else,
// as fast as DuckDB does it on this machine (threads = 2). Encore's times are read as ratios to
// it. node bench/floor.js ORDERS_FILE RATES_FILE → one JSON line with its time and peak RSS.
//
// It reads the orders, drops rows with a missing user_id or timestamp or a negative or
// non-finite revenue, converts revenue at the rate of the order's date (an equality join on a
// daily rate table), aggregates per user (count, revenue sum and mean, tickets, the first
// order's five attributes by min_by on (order_ts, order_id), the two earliest dates for the
// days to the second order, mean days between orders), then P90 of order counts, the shares
// 2+/5+, the segments and each dimension's top 15 values with their repeat rates. No ledger, no
// rejects, no copies or conflicts, no checks of §2: a fraction of Encore's work.
import { cpuUsage, resourceUsage } from "node:process";
import { DuckDBInstance } from "@duckdb/node-api";

const [orders, rates] = process.argv.slice(2);
const literal = (s) => `'${s.replaceAll("'", "''")}'`;
const read = orders.endsWith(".parquet")
  ? `read_parquet(${literal(orders)})`
  : `read_csv(${literal(orders)}, header = true, all_varchar = true)`;

const start = performance.now();
const instance = await DuckDBInstance.create(":memory:", { threads: "2", memory_limit: "2GB" });
const db = await instance.connect();
const run = (sql) => db.run(sql);
const all = async (sql) => (await db.runAndReadAll(sql)).getRowObjects();

// One pass over the file to bound the daily rate table by the orders' dates.
await run(`CREATE VIEW src AS SELECT * FROM ${read}`);
await run(`CREATE TABLE r AS SELECT CAST(date AS DATE) AS d, lower(currency_code) AS currency,
  CAST(rate AS DOUBLE) / CAST(nominal AS DOUBLE) AS rate FROM read_csv(${literal(rates)}, header = true)`);
await run(`CREATE TABLE daily AS
WITH span AS (SELECT min(CAST(TRY_CAST(order_ts AS TIMESTAMP) AS DATE)) AS lo,
    max(CAST(TRY_CAST(order_ts AS TIMESTAMP) AS DATE)) AS hi FROM src),
  days AS (SELECT CAST(unnest(generate_series(lo, hi, INTERVAL 1 DAY)) AS DATE) AS d FROM span)
SELECT days.d, c.currency,
  (SELECT rate FROM r WHERE r.currency = c.currency AND r.d <= days.d ORDER BY r.d DESC LIMIT 1) AS rate
FROM days CROSS JOIN (SELECT DISTINCT currency FROM r) AS c`);
// The per-user table straight from the file: read, drop, convert and aggregate in one query.
await run(`CREATE TABLE u AS
SELECT user_id, count(*) AS orders, sum(revenue_rub) AS revenue, avg(revenue_rub) AS avg_revenue,
  sum(tickets) AS tickets,
  min_by(device, (order_ts, order_id)) AS device, min_by(event_type, (order_ts, order_id)) AS event_type,
  min_by(region, (order_ts, order_id)) AS region, min_by(city, (order_ts, order_id)) AS city,
  min_by(service, (order_ts, order_id)) AS service,
  date_diff('day', min(dt), (min(dt, 2))[2]) AS days_to_second,
  CASE WHEN count(*) > 1 THEN date_diff('day', min(dt), max(dt)) / (count(*) - 1) END AS avg_gap
FROM (
  SELECT o.*, CAST(o.order_ts AS DATE) AS dt,
    CASE WHEN o.currency = 'rub' THEN o.revenue ELSE o.revenue * daily.rate END AS revenue_rub
  FROM (
    SELECT trim(CAST(user_id AS VARCHAR)) AS user_id, CAST(order_id AS VARCHAR) AS order_id,
      TRY_CAST(order_ts AS TIMESTAMP) AS order_ts, TRY_CAST(revenue AS DOUBLE) AS revenue,
      coalesce(lower(trim(CAST(currency_code AS VARCHAR))), 'rub') AS currency,
      coalesce(TRY_CAST(tickets_count AS DOUBLE), 1) AS tickets,
      CAST(device_type_canonical AS VARCHAR) AS device, CAST(event_type_main AS VARCHAR) AS event_type,
      CAST(region_name AS VARCHAR) AS region, CAST(city_name AS VARCHAR) AS city,
      CAST(service_name AS VARCHAR) AS service
    FROM src
  ) AS o
  LEFT JOIN daily ON daily.d = CAST(o.order_ts AS DATE) AND daily.currency = o.currency
  WHERE o.user_id IS NOT NULL AND o.user_id <> '' AND o.order_ts IS NOT NULL
    AND o.revenue IS NOT NULL AND isfinite(o.revenue) AND o.revenue >= 0
) AS o
GROUP BY user_id`);
const [{ p }] = await all("SELECT quantile_cont(orders, 0.9) AS p FROM u");
await run(`CREATE VIEW k AS SELECT * FROM u WHERE orders <= ${Number(p)}`);
await all(`SELECT avg(CASE WHEN orders >= 2 THEN 1.0 ELSE 0 END) AS share2,
  avg(CASE WHEN orders >= 5 THEN 1.0 ELSE 0 END) AS share5 FROM k`);
await all(`SELECT CASE WHEN orders = 1 THEN '1' WHEN orders <= 4 THEN '2-4' ELSE '5+' END AS segment,
  count(*), sum(orders), sum(revenue), avg(avg_revenue), median(avg_revenue) FROM k GROUP BY 1`);
for (const dim of ["device", "event_type", "region", "city", "service"]) {
  await all(`SELECT ${dim}, count(*) AS users, avg(CASE WHEN orders >= 2 THEN 1.0 ELSE 0 END) AS rate
    FROM k GROUP BY 1 ORDER BY users DESC LIMIT 15`);
}
const { user, system } = cpuUsage();
process.stdout.write(
  `${JSON.stringify({
    seconds: (performance.now() - start) / 1000,
    cpu: (user + system) / 1e6,
    peak_rss_mb: resourceUsage().maxRSS / 1024,
  })}\n`,
);
