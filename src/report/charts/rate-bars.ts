import * as Plot from "@observablehq/plot";
import type { ReportContext } from "../context.js";
import type { Chart } from "./chart.js";
import { BOTTOM_WITH_TITLE, leftMargin, TOP_WITH_TITLE } from "./margins.js";
import { OKABE_ITO } from "./palette.js";
import { plotSvg } from "./plot-svg.js";

export interface RateBar {
  label: string;
  users: number;
  rate: number | null;
}

const WIDTH = 720;
const HEIGHT = 300;
/** The two lines of a bar's label (the share in bold, its customers beneath), in px. */
const LABEL_HEIGHT = 30;

/**
 * A share per category as labelled bars, with an optional dashed reference. Each bar's label
 * sits inside the bar at its base, where a reference line near the bars' tops cannot cross it;
 * a bar too short to hold it has it just above.
 */
export function rateBarsChart(
  chart: { id: string; title: string; note: string; xLabel: string; yLabel: string },
  bars: readonly RateBar[],
  reference: number | null,
  { t, f }: ReportContext,
): Chart {
  const rows = bars.map((b) => ({ ...b, rate: b.rate ?? 0 }));
  const top = Math.min(1, Math.max(0.1, ...rows.map((b) => b.rate), reference ?? 0) * 1.15);
  const frame = HEIGHT - TOP_WITH_TITLE - BOTTOM_WITH_TITLE;
  const inside = (b: RateBar) => ((b.rate ?? 0) / top) * frame >= LABEL_HEIGHT + 4;
  const base = (b: RateBar) => (inside(b) ? 0 : (b.rate ?? 0));
  const ink = (b: RateBar) => (inside(b) ? "white" : "#222");
  const svg = plotSvg({
    width: WIDTH,
    height: HEIGHT,
    marginTop: TOP_WITH_TITLE,
    marginBottom: BOTTOM_WITH_TITLE,
    marginLeft: leftMargin([f.percentTick(top)]),
    x: { label: chart.xLabel, domain: rows.map((b) => b.label) },
    y: { label: chart.yLabel, domain: [0, top], grid: true, tickFormat: f.percentTick },
    marks: [
      Plot.barY(rows, { x: "label", y: "rate", fill: OKABE_ITO.blue }),
      Plot.text(rows, {
        x: "label",
        y: base,
        text: (b: RateBar) => f.percent(b.rate),
        dy: -19,
        fontWeight: "bold",
        fill: ink,
      }),
      Plot.text(rows, {
        x: "label",
        y: base,
        text: (b: RateBar) => t.usersShort(f.count(b.users)),
        dy: -7,
        fontSize: 9,
        fill: ink,
      }),
      ...(reference === null
        ? []
        : [Plot.ruleY([reference], { stroke: OKABE_ITO.vermillion, strokeDasharray: "4,3" })]),
      Plot.ruleY([0]),
    ],
  });
  return { id: chart.id, title: chart.title, note: chart.note, svg };
}
