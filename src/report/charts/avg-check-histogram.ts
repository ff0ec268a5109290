import * as Plot from "@observablehq/plot";
import type { Histogram } from "../../analysis/results.js";
import type { ReportContext } from "../context.js";
import type { Chart } from "./chart.js";
import { BOTTOM_WITH_TITLE, leftMargin, TOP_WITH_TITLE, widest } from "./margins.js";
import { OKABE_ITO } from "./palette.js";
import { plotSvg } from "./plot-svg.js";

/** Two groups' average checks on common bins, one panel each, as shares of the group. */
export function avgCheckHistogramChart(
  id: string,
  histogram: Histogram,
  p: string,
  { t, f }: ReportContext,
): Chart {
  const totals = [0, 1].map((g) => histogram.bins.reduce((s, b) => s + (b.counts[g] ?? 0), 0));
  const last = histogram.bins[histogram.bins.length - 1];
  const step =
    histogram.bins.length > 1 ? (histogram.bins[1]?.lo ?? 0) - (histogram.bins[0]?.lo ?? 0) : 1;
  const rows = [0, 1].flatMap((g) =>
    histogram.bins.map((b) => ({
      group: t.groupName(histogram.groups[g] ?? ""),
      lo: b.lo,
      hi: b.hi ?? b.lo + step,
      share: (totals[g] ?? 0) > 0 ? (b.counts[g] ?? 0) / (totals[g] ?? 1) : 0,
    })),
  );
  const open = last && last.hi === null ? t.lastBinOpen(f.money(last.lo)) : "";
  const groups = [0, 1].map((g) => t.groupName(histogram.groups[g] ?? ""));
  const top = Math.max(0.01, ...rows.map((r) => r.share));
  const svg = plotSvg({
    width: 720,
    height: 360,
    marginTop: TOP_WITH_TITLE,
    marginBottom: BOTTOM_WITH_TITLE,
    // The group names stand right of their panels.
    marginRight: widest(groups) + 14,
    marginLeft: leftMargin([f.percentTick(top)]),
    x: { label: t.axisAvgCheck, tickFormat: (d: number) => f.count(d) },
    y: { label: t.axisShareOfGroup, grid: true, tickFormat: f.percentTick },
    fy: { label: null, domain: groups },
    color: {
      domain: groups,
      range: [OKABE_ITO.orange, OKABE_ITO.blue],
    },
    marks: [
      Plot.rectY(rows, { x1: "lo", x2: "hi", y: "share", fy: "group", fill: "group", inset: 0.5 }),
      Plot.ruleY([0]),
    ],
  });
  return {
    id,
    title: t.chartAvgCheckTitle(t.groupName(histogram.groups[0]), t.groupName(histogram.groups[1])),
    note: [t.chartAvgCheckNote(p), open].filter(Boolean).join(" "),
    svg,
  };
}
