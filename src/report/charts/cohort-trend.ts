import * as Plot from "@observablehq/plot";
import type { CohortsSection, TrendWindow } from "../../analysis/cohort-results.js";
import type { ReportContext } from "../context.js";
import type { StudyWords } from "../i18n/study-words.js";
import type { Chart } from "./chart.js";
import { BOTTOM_WITH_TITLE, leftMargin, TOP_WITH_TITLE } from "./margins.js";
import { OKABE_ITO } from "./palette.js";
import { plotSvg } from "./plot-svg.js";

/**
 * Repeat within N days per cohort with its Wilson interval: only the cohorts whose customers all
 * had N days. The axis spans the intervals, not 0–100%, so a trend of a few points shows.
 */
export function cohortTrendChart(
  window: TrendWindow,
  days: number,
  period: CohortsSection["period"],
  { f }: ReportContext,
  w: StudyWords,
): Chart {
  const points = window.cohorts
    .filter((c) => c.share !== null)
    .map((c) => ({
      cohort: w.cohortLabel(c.cohort, period),
      share: c.share ?? 0,
      low: c.wilson_low ?? c.share ?? 0,
      high: c.wilson_high ?? c.share ?? 0,
    }));
  const lo = Math.min(...points.map((p) => p.low));
  const hi = Math.max(...points.map((p) => p.high));
  const pad = Math.max(0.02, (hi - lo) * 0.15);
  const domain = [Math.max(0, lo - pad), Math.min(1, hi + pad)];
  const ticks = [domain[0] ?? 0, ((domain[0] ?? 0) + (domain[1] ?? 1)) / 2, domain[1] ?? 1];
  const svg = plotSvg({
    width: 720,
    height: 280,
    marginTop: TOP_WITH_TITLE,
    marginLeft: leftMargin(ticks.map((t) => f.percent(t))),
    marginRight: 20,
    marginBottom: BOTTOM_WITH_TITLE,
    x: { label: null, domain: points.map((p) => p.cohort), padding: 0.4 },
    y: { label: w.axisShareWithin, domain, grid: true, tickFormat: (v: number) => f.percent(v) },
    marks: [
      Plot.ruleX(points, {
        x: "cohort",
        y1: "low",
        y2: "high",
        stroke: OKABE_ITO.blue,
        strokeWidth: 2,
      }),
      Plot.line(points, { x: "cohort", y: "share", stroke: OKABE_ITO.blue, strokeOpacity: 0.4 }),
      Plot.dot(points, { x: "cohort", y: "share", fill: OKABE_ITO.blue, r: 4 }),
    ],
  });
  return {
    id: `cohort-trend-${days}`,
    title: w.chartTrendTitle(days),
    note: w.chartTrendNote,
    svg,
  };
}
