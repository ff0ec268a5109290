import type { AnalysisResults } from "../../analysis/results.js";
import { dimensionLabel } from "../../text/labels.js";
import { holdsWithoutFilter } from "../../text/trend-holds.js";
import type { Chart } from "../charts/chart.js";
import { cohortRepeatChart, cohortValueChart } from "../charts/cohort-curves.js";
import { cohortHeatmapChart } from "../charts/cohort-heatmap.js";
import { cohortTrendChart } from "../charts/cohort-trend.js";
import { figure } from "../charts/figure.js";
import type { ReportContext } from "../context.js";
import { esc, para } from "../html.js";
import { STUDY_WORDS, type StudyWords } from "../i18n/study-words.js";
import { table } from "../table.js";
import type { SectionBuilder } from "./section.js";

const WINDOWS = ["30", "60", "90"] as const;

/** §12: the cohort heat map and curves, the trend with its test, and the two-period comparison. */
export const cohortsSection: SectionBuilder = (r, ctx) => {
  const w = STUDY_WORDS[ctx.lang];
  const { f } = ctx;
  const c = r.cohorts;
  if (c.rows.length === 0)
    return { id: "cohorts", title: w.cohortsTitle, body: para(ctx.t.noData), charts: [] };
  const users = c.rows.reduce((s, row) => s + row.users, 0);
  const charts: Chart[] = [
    cohortHeatmapChart(c, ctx, w),
    cohortRepeatChart(c, ctx, w),
    cohortValueChart(c, ctx, w),
  ];
  const parts = [
    para(
      w.cohortsLead(
        c.rows.length,
        c.period,
        f.count(users),
        c.rows.some((row) => row.periods.some((p) => !p.complete)),
      ),
    ),
    ...charts.map(figure),
  ];
  // The trend: the longest window with at least two eligible cohorts is drawn.
  const drawn = [...WINDOWS]
    .reverse()
    .find((n) => r.trend[n].cohorts.filter((x) => x.eligible_users > 0).length >= 2);
  if (drawn) {
    const trendChart = cohortTrendChart(r.trend[drawn], Number(drawn), c.period, ctx, w);
    charts.push(trendChart);
    parts.push(figure(trendChart));
  }
  parts.push(trendTable(r, ctx, w));
  for (const n of WINDOWS) {
    const window = r.trend[n];
    const test = window.cochran_armitage;
    if (!test) continue;
    // The caveat is said of a significant trend only.
    const robust = holdsWithoutFilter(window) || window.q_value === null || window.q_value >= 0.05;
    parts.push(
      para(
        w.trendTest(
          Number(n),
          f.decimal(test.z, 2),
          f.p(test.p_value),
          f.p(window.q_value, "q"),
          robust,
        ),
      ),
    );
  }
  if (!r.trend["30"].cochran_armitage) parts.push(para(w.trendNone));
  if (r.comparison) parts.push(comparison(r, ctx, w));
  return { id: "cohorts", title: w.cohortsTitle, body: parts.join(""), charts };
};

function trendTable(r: AnalysisResults, { f }: ReportContext, w: StudyWords): string {
  const period = r.cohorts.period;
  const rows = r.trend["30"].cohorts.map((c, i) => [
    w.cohortLabel(c.cohort, period),
    f.count(c.eligible_users),
    ...WINDOWS.map((n) => f.percent(r.trend[n].cohorts[i]?.share)),
  ]);
  return table(w.trendTable, rows);
}

function comparison(r: AnalysisResults, ctx: ReportContext, w: StudyWords): string {
  const { f } = ctx;
  const c = r.comparison;
  if (!c) return "";
  const [a, b] = c.periods;
  const range = (p: { from: string; to: string }) => `${p.from} – ${p.to}`;
  const rows: string[][] = [
    [w.comparisonCustomers, f.count(a.users), f.count(b.users), "", ""],
    ...WINDOWS.map((n) => {
      const x = c.repeat_within[n];
      return [
        w.comparisonWithin(Number(n)),
        f.percent(x.share[0]),
        f.percent(x.share[1]),
        x.difference === null
          ? "—"
          : `${x.difference > 0 ? "+" : ""}${f.decimal(x.difference * 100, 1)} pp`,
        f.p(x.p_value),
      ];
    }),
    [
      w.comparisonMeanCheck,
      f.money(c.first_order_check.mean[0]),
      f.money(c.first_order_check.mean[1]),
      "",
      "",
    ],
    [
      w.comparisonMedianCheck,
      f.money(c.first_order_check.median[0]),
      f.money(c.first_order_check.median[1]),
      "",
      f.p(c.first_order_check.mann_whitney.p_value),
    ],
    ...Object.entries(c.entry_mix).map(([dimension, mix]) => {
      const top = mix.values[0];
      return [
        w.comparisonMix(dimensionLabel(dimension, ctx.lang)),
        top ? `${f.value(top.value)} ${f.percent(top.share[0])}` : "—",
        top ? `${f.value(top.value)} ${f.percent(top.share[1])}` : "—",
        "",
        f.p(mix.chi2?.p_value),
      ];
    }),
  ];
  return [
    `<h3>${esc(w.comparisonTitle)}</h3>`,
    para(w.comparisonLead(range(a), range(b))),
    table(w.comparisonHeader, rows),
  ].join("");
}
