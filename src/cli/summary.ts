import type { AnalysisResults } from "../analysis/results.js";
import { currencyWords } from "../model/currencies.js";
import { formatCount, formatMoney, formatPercent } from "../text/format.js";

const count = (n: number) => formatCount(n, "en");
const pct = (x: number | null) => (x === null ? "n/a" : formatPercent(x, "en"));

/** The few lines printed on stdout after a run, numbers written as the report writes them. */
export function summaryLines(results: AnalysisResults, outDir: string): string[] {
  const tables = ["agg_users", "rejects", ...(results.prediction ? ["predictions"] : [])];
  // From PostgreSQL the tables are streamed out as CSV only.
  // Parquet comes from files only (DuckDB's export); a database's tables stream out as CSV.
  const formats = results.input.source === "files" ? "csv/.parquet" : "csv";
  const lists = Object.entries(results.lists ?? {}).flatMap(([name, list]) =>
    list ? [`${name}.csv`] : [],
  );
  const money = (x: number) => formatMoney(x, "en", currencyWords(results.currency?.code));
  const l = results.ledger;
  const rejected = Object.entries(l.rows_rejected)
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${reason} ${count(n)}`)
    .join(", ");
  const f = results.filter;
  const o = results.overall;
  const share = f.removed_share;
  const removed =
    share === undefined
      ? `${count(f.users_removed)} users, ${count(f.orders_removed)} orders`
      : `${count(f.users_removed)} users (${pct(share.users)}), ${count(f.orders_removed)} orders (${pct(share.orders)}), ${money(f.revenue_removed_rub)} of revenue (${pct(share.revenue)})`;
  return [
    `rows read ${count(l.rows_read)} = accepted ${count(l.rows_accepted)} + rejected ${count(l.rows_read - l.rows_accepted)}${rejected ? ` (${rejected})` : ""}`,
    f.P === null
      ? "order-count filter: off"
      : `order-count filter: P${f.q === null ? "" : Math.round(f.q * 100)} = ${f.P}; removed ${removed}`,
    `users ${count(o.users)}, orders ${count(o.orders)}, revenue ${money(o.revenue_rub)}, data to ${results.data_end}`,
    `share with 2+ orders ${pct(o.share_2plus)}, with 5+ orders ${pct(o.share_5plus)}`,
    ...predictionLines(results),
    ...listLines(results),
    "",
    "Findings:",
    ...results.findings.map((f) => `- ${f.text}`),
    "",
    "Recommendations:",
    ...results.recommendations.map((r) => `- ${r.text}`),
    "",
    `outputs in ${outDir}: results.json, ${tables.map((t) => `${t}.${formats}`).join(", ")}${lists.length ? `, lists/ (${lists.join(", ")})` : ""}`,
  ];
}

/** The customer lists made, with their sizes (§14). */
function listLines(results: AnalysisResults): string[] {
  const made = Object.entries(results.lists ?? {}).flatMap(([name, list]) =>
    list ? [`${name} ${count(list.users)}`] : [],
  );
  return made.length ? [`customer lists: ${made.join(", ")}`] : [];
}

function predictionLines(results: AnalysisResults): string[] {
  const p = results.prediction;
  if (!p) return [];
  const perUser = p.overall.expected_orders_per_user;
  const single = p.single_order_buyers;
  return [
    `expected orders in the next ${p.horizon_days} days ${count(p.overall.expected_orders)}` +
      (perUser === null ? "" : ` (${perUser.toFixed(2)} per user)`) +
      `; one-order customers still likely active ${count(single.likely_alive)} of ${count(single.users)}`,
  ];
}
