import type { AnalysisResults } from "../analysis/results.js";

const pct = (x: number | null) => (x === null ? "n/a" : `${(x * 100).toFixed(1)}%`);

/** The few lines printed on stdout after a run. */
export function summaryLines(results: AnalysisResults, outDir: string): string[] {
  const tables = ["agg_users", "rejects", ...(results.prediction ? ["predictions"] : [])];
  // From PostgreSQL the tables are streamed out as CSV only.
  const formats = results.input.source === "postgres" ? "csv" : "csv/.parquet";
  const l = results.ledger;
  const rejected = Object.entries(l.rows_rejected)
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${reason} ${n}`)
    .join(", ");
  const f = results.filter;
  const o = results.overall;
  return [
    `rows read ${l.rows_read} = accepted ${l.rows_accepted} + rejected ${l.rows_read - l.rows_accepted}${rejected ? ` (${rejected})` : ""}`,
    f.P === null
      ? "order-count filter: off"
      : `order-count filter: P${f.q === null ? "" : Math.round(f.q * 100)} = ${f.P}; removed ${f.users_removed} users, ${f.orders_removed} orders`,
    `users ${o.users}, orders ${o.orders}, data to ${results.data_end}`,
    `share with 2+ orders ${pct(o.share_2plus)}, with 5+ orders ${pct(o.share_5plus)}`,
    ...predictionLines(results),
    "",
    "Findings:",
    ...results.findings.map((f) => `- ${f.text}`),
    "",
    "Recommendations:",
    ...results.recommendations.map((r) => `- ${r.text}`),
    "",
    `outputs in ${outDir}: results.json, ${tables.map((t) => `${t}.${formats}`).join(", ")}`,
  ];
}

function predictionLines(results: AnalysisResults): string[] {
  const p = results.prediction;
  if (!p) return [];
  const perUser = p.overall.expected_orders_per_user;
  return [
    `expected orders in the next ${p.horizon_days} days ${Math.round(p.overall.expected_orders)}` +
      (perUser === null ? "" : ` (${perUser.toFixed(2)} per user)`) +
      // The models count purchase occasions: orders on one day are one occasion, so these
      // are the customers whose every order fell on a single day, not only one-order buyers.
      `; customers with a single purchase day still likely active ${p.single_order_buyers.likely_alive} of ${p.single_order_buyers.users}`,
  ];
}
