import * as Plot from "@observablehq/plot";
import type { EntryPointDimension } from "../../analysis/results.js";
import type { ReportContext } from "../context.js";
import type { Chart } from "./chart.js";
import { BOTTOM_WITH_TITLE, leftMargin, widest } from "./margins.js";
import { OKABE_ITO } from "./palette.js";
import { plotSvg } from "./plot-svg.js";

type Value = EntryPointDimension["values"][number];

/** Rates are drawn on a window of whole 5% steps around the intervals and the overall rate. */
const STEPS_PER_UNIT = 20;

/** The x window: the intervals and the overall rate, widened to whole steps, within 0–100%. */
export function rateDomain(values: readonly Value[], overall: number | null): [number, number] {
  const ends = [
    ...values.flatMap((v) => [v.wilson_low, v.wilson_high, v.repeat_rate]),
    ...(overall === null ? [] : [overall]),
  ].filter(Number.isFinite);
  if (ends.length === 0) return [0, 1];
  // In whole steps, so that the ends are exact (14 / 20, not 14 × 0.05).
  let lo = Math.max(0, Math.floor(Math.min(...ends) * STEPS_PER_UNIT + 1e-9));
  let hi = Math.min(STEPS_PER_UNIT, Math.ceil(Math.max(...ends) * STEPS_PER_UNIT - 1e-9));
  if (hi - lo < 3) [lo, hi] = [Math.max(0, lo - 1), Math.min(STEPS_PER_UNIT, hi + 1)];
  return [lo / STEPS_PER_UNIT, hi / STEPS_PER_UNIT];
}

/**
 * Repeat rate per value of one dimension, in the order given: Wilson whiskers, the overall rate
 * as a dashed line, and each rate written in a column right of the plot, where neither the line
 * nor a whisker runs through it.
 */
export function entryPointRatesChart(
  key: string,
  label: string,
  values: readonly Value[],
  overall: number | null,
  { t, f }: ReportContext,
): Chart {
  const name = (v: Value) => `${f.value(v.value)} · ${f.count(v.users)}`;
  const colour = (v: Value) => (v.successful ? OKABE_ITO.vermillion : OKABE_ITO.blue);
  const domain = rateDomain(values, overall);
  const rates = values.map((v) => f.percent(v.repeat_rate));
  const svg = plotSvg({
    width: 720,
    height: 30 + BOTTOM_WITH_TITLE + values.length * 24,
    marginTop: 20,
    marginBottom: BOTTOM_WITH_TITLE,
    marginLeft: leftMargin(values.map(name)),
    marginRight: widest(rates) + 16,
    x: { label: t.axisRepeatRate, domain, tickFormat: f.percentTick, grid: true },
    y: { label: null, domain: values.map(name) },
    marks: [
      Plot.ruleY(values, {
        y: name,
        x1: "wilson_low",
        x2: "wilson_high",
        stroke: colour,
        strokeWidth: 2,
      }),
      Plot.dot(values, { y: name, x: "repeat_rate", fill: colour, r: 4 }),
      Plot.text(values, {
        y: name,
        x: () => domain[1],
        text: (v: Value) => f.percent(v.repeat_rate),
        textAnchor: "start",
        dx: 10,
        fill: colour,
      }),
      ...(overall === null
        ? []
        : [Plot.ruleX([overall], { stroke: OKABE_ITO.grey, strokeDasharray: "4,3" })]),
    ],
  });
  return {
    id: `entry-${key.replace(/[^a-z0-9]+/gi, "-")}`,
    title: t.chartEntryTitle(label),
    note: t.chartEntryNote(f.percent(overall)),
    svg,
  };
}
