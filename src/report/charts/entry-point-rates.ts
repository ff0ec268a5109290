import * as Plot from "@observablehq/plot";
import type { EntryPointDimension } from "../../analysis/results.js";
import type { ReportContext } from "../context.js";
import type { Chart } from "./chart.js";
import { OKABE_ITO } from "./palette.js";
import { plotSvg } from "./plot-svg.js";

/** Repeat rate per value of one dimension: Wilson whiskers, the overall rate as a dashed line. */
export function entryPointRatesChart(
  key: string,
  label: string,
  dimension: EntryPointDimension,
  overall: number | null,
  { t, f }: ReportContext,
): Chart {
  const rows = [...dimension.values].sort(
    (a, b) => b.repeat_rate - a.repeat_rate || a.value.localeCompare(b.value),
  );
  const name = (v: (typeof rows)[number]) => `${v.value} · ${f.count(v.users)}`;
  const colour = (v: (typeof rows)[number]) =>
    v.successful ? OKABE_ITO.vermillion : OKABE_ITO.blue;
  const svg = plotSvg({
    width: 720,
    height: 50 + rows.length * 24,
    marginLeft: 190,
    marginRight: 60,
    x: {
      label: t.axisRepeatRate,
      domain: [0, 1],
      tickFormat: (d: number) => f.percent(d),
      grid: true,
    },
    y: { label: null, domain: rows.map(name) },
    marks: [
      Plot.ruleY(rows, {
        y: name,
        x1: "wilson_low",
        x2: "wilson_high",
        stroke: colour,
        strokeWidth: 2,
      }),
      Plot.dot(rows, { y: name, x: "repeat_rate", fill: colour, r: 4 }),
      Plot.text(rows, {
        y: name,
        x: "wilson_high",
        text: (v: (typeof rows)[number]) => f.percent(v.repeat_rate),
        textAnchor: "start",
        dx: 6,
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
