import * as Plot from "@observablehq/plot";
import type { CohortsSection } from "../../analysis/cohort-results.js";
import type { ReportContext } from "../context.js";
import type { StudyWords } from "../i18n/study-words.js";
import type { Chart } from "./chart.js";
import { BOTTOM_WITH_TITLE, leftMargin, TOP_WITH_TITLE, widest } from "./margins.js";
import { plotSvg } from "./plot-svg.js";

const HEIGHT = 300;
/** The height of one line of legend text, in px. */
const LINE = 13;

/**
 * Values moved apart so that labels drawn at them, LINE px high, do not overlap on a plot of
 * HEIGHT px with the curves' margins: in pixel space, top to bottom, each at least a line below
 * the one before; what runs past the bottom is pushed back up.
 */
function dodge<T extends { v: number }>(labels: readonly T[], [d0, d1]: [number, number]): T[] {
  const plot = HEIGHT - TOP_WITH_TITLE - BOTTOM_WITH_TITLE;
  const toPx = (v: number) => plot * (1 - (v - d0) / (d1 - d0 || 1));
  const fromPx = (y: number) => d0 + (1 - y / plot) * (d1 - d0);
  const sorted = labels.map((l) => ({ l, y: toPx(l.v) })).sort((a, b) => a.y - b.y);
  sorted.forEach((s, i) => {
    const above = sorted[i - 1];
    s.y = Math.max(s.y, LINE / 2, above ? above.y + LINE : 0);
  });
  for (let i = sorted.length - 1; i >= 0; i--) {
    const s = sorted[i] as (typeof sorted)[number];
    const below = sorted[i + 1];
    s.y = Math.min(s.y, plot - LINE / 2, below ? below.y - LINE : plot);
  }
  return sorted.map((s) => ({ ...s.l, v: fromPx(s.y) }));
}

/** n colours from a light to a dark blue: the oldest cohort lightest, the newest darkest. */
export function cohortColours(n: number): string[] {
  const [from, to] = [
    [158, 202, 225],
    [8, 48, 107],
  ] as const;
  return Array.from({ length: n }, (_, i) => {
    const t = n === 1 ? 1 : i / (n - 1);
    const c = from.map((a, j) => Math.round(a + ((to[j] ?? a) - a) * t));
    return `rgb(${c.join(",")})`;
  });
}

/**
 * A cumulative figure of each cohort by period since the first order, one line per cohort,
 * the newest darkest; the period still running is an open circle.
 */
function cohortCurves(
  cohorts: CohortsSection,
  { f }: ReportContext,
  w: StudyWords,
  figure: "repeated_share" | "revenue_per_user_rub",
): Chart {
  const label = (c: string) => w.cohortLabel(c, cohorts.period);
  const points = cohorts.rows.flatMap((row) =>
    row.periods.map((p) => ({
      cohort: label(row.cohort),
      k: p.k,
      v: p[figure],
      complete: p.complete,
    })),
  );
  const share = figure === "repeated_share";
  const top = Math.max(0, ...points.map((p) => p.v));
  const format = share ? (v: number) => f.percent(v) : (v: number) => f.count(v);
  const ticks = share ? [0, 0.25, 0.5, 0.75, 1] : [0, top / 2, top];
  const names = cohorts.rows.map((r) => label(r.cohort));
  const legend = widest(names) + 16;
  const domain: [number, number] = share
    ? [0, Math.min(1, Math.max(0.1, top * 1.1))]
    : [0, top * 1.1 || 1];
  const kMax = Math.max(0, ...points.map((p) => p.k));
  const ends = names.flatMap((cohort) => {
    const last = points.findLast((p) => p.cohort === cohort);
    return last ? [{ cohort, v: last.v }] : [];
  });
  const svg = plotSvg({
    width: 720,
    height: HEIGHT,
    marginTop: TOP_WITH_TITLE,
    marginLeft: leftMargin(ticks.map(format)),
    marginRight: legend,
    marginBottom: BOTTOM_WITH_TITLE,
    x: {
      label: w.axisPeriods(cohorts.period),
      grid: true,
      ticks: Math.min(10, 1 + Math.max(0, ...points.map((p) => p.k))),
      tickFormat: (k: number) => (Number.isInteger(k) ? String(k) : ""),
    },
    y: {
      label: share ? w.axisRepeated : w.axisValue,
      domain,
      grid: true,
      tickFormat: format,
    },
    color: { type: "ordinal", domain: names, range: cohortColours(names.length) },
    marks: [
      Plot.line(
        points.filter((p) => p.complete),
        { x: "k", y: "v", stroke: "cohort", strokeWidth: 2 },
      ),
      Plot.dot(points, {
        x: "k",
        y: "v",
        stroke: "cohort",
        fill: (d: { complete: boolean; cohort: string }) => (d.complete ? d.cohort : "white"),
        r: 3,
      }),
      // The cohorts named in a column right of the plot, each level with its line's end as far
      // as the names above and below it leave room, in its line's colour.
      Plot.text(dodge(ends, domain), {
        x: () => kMax,
        y: "v",
        text: "cohort",
        textAnchor: "start",
        dx: 10,
        fill: "cohort",
      }),
    ],
  });
  return share
    ? { id: "cohort-repeat", title: w.chartCohortRepeatTitle, note: w.chartCohortRepeatNote, svg }
    : { id: "cohort-value", title: w.chartCohortValueTitle, note: w.chartCohortValueNote, svg };
}

export const cohortRepeatChart = (c: CohortsSection, ctx: ReportContext, w: StudyWords) =>
  cohortCurves(c, ctx, w, "repeated_share");
export const cohortValueChart = (c: CohortsSection, ctx: ReportContext, w: StudyWords) =>
  cohortCurves(c, ctx, w, "revenue_per_user_rub");
