import * as Plot from "@observablehq/plot";
import type { AdjustedEffects } from "../../analysis/adjusted-results.js";
import { dimensionLabel } from "../../text/labels.js";
import type { ReportContext } from "../context.js";
import type { StudyWords } from "../i18n/study-words.js";
import type { Chart } from "./chart.js";
import { BOTTOM_WITH_TITLE, leftMargin } from "./margins.js";
import { OKABE_ITO } from "./palette.js";
import { plotSvg } from "./plot-svg.js";

const ROW = 18;

/**
 * A forest plot of the adjusted odds ratios (§13): per value its odds ratio with the others held
 * fixed and its 95% interval (filled), beside the odds ratio of the value on its own (open), on a
 * log scale around 1. Reference levels and values without an estimate are left out; each row is
 * named "attribute: value".
 */
export function forestPlotChart(
  model: AdjustedEffects,
  { f, lang }: ReportContext,
  w: StudyWords,
): Chart {
  const name = (v: { dimension: string; value: string }) =>
    `${dimensionLabel(v.dimension, lang)}: ${f.value(v.value).replace(/\binf\b/, "∞")}`;
  const rows = model.values
    .filter((v) => !v.reference && v.odds_ratio !== null)
    .map((v) => ({
      row: name(v),
      or: v.odds_ratio ?? 1,
      low: v.ci_low ?? v.odds_ratio ?? 1,
      high: v.ci_high ?? v.odds_ratio ?? 1,
      unadjusted: v.unadjusted_odds_ratio,
      significant: v.p_value !== null && v.p_value < 0.05,
    }));
  const values = rows.flatMap((r) => [r.low, r.high, r.unadjusted ?? r.or]);
  const domain = [
    Math.min(0.5, ...values.map((v) => v * 0.9)),
    Math.max(2, ...values.map((v) => v * 1.1)),
  ];
  const ticks = [0.25, 0.5, 1, 2, 4, 8].filter(
    (x) => x >= (domain[0] ?? 0) && x <= (domain[1] ?? 9),
  );
  const svg = plotSvg({
    width: 720,
    height: rows.length * ROW + BOTTOM_WITH_TITLE + 10,
    marginTop: 10,
    marginLeft: leftMargin(rows.map((r) => r.row)),
    marginRight: 20,
    marginBottom: BOTTOM_WITH_TITLE,
    x: {
      type: "log",
      domain,
      ticks,
      tickFormat: (x: number) => f.decimal(x, x < 1 ? 2 : 0),
      label: w.axisOdds,
      grid: true,
    },
    y: { label: null, domain: rows.map((r) => r.row) },
    marks: [
      Plot.ruleX([1], { stroke: OKABE_ITO.grey }),
      Plot.ruleY(rows, {
        y: "row",
        x1: "low",
        x2: "high",
        stroke: (d: { significant: boolean }) => (d.significant ? OKABE_ITO.blue : "#999"),
        strokeWidth: 2,
      }),
      Plot.dot(
        rows.filter((r) => r.unadjusted !== null),
        { y: "row", x: "unadjusted", stroke: OKABE_ITO.vermillion, fill: "white", r: 3.5 },
      ),
      Plot.dot(rows, {
        y: "row",
        x: "or",
        fill: (d: { significant: boolean }) => (d.significant ? OKABE_ITO.blue : "#999"),
        r: 3.5,
      }),
    ],
  });
  return { id: "adjusted-forest", title: w.chartForestTitle, note: w.chartForestNote, svg };
}
