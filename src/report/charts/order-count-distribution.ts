import * as Plot from "@observablehq/plot";
import type { RepeatSection } from "../../analysis/results.js";
import type { ReportContext } from "../context.js";
import type { Chart } from "./chart.js";
import { BOTTOM_WITH_TITLE, leftMargin, TOP_WITH_TITLE, widest } from "./margins.js";
import { OKABE_ITO } from "./palette.js";
import { plotSvg } from "./plot-svg.js";

const MAX_BARS = 30;
const WIDTH = 720;
const HEIGHT = 300;

/**
 * Users by number of orders; past 30 orders the tail is one bar, so the chart stays legible.
 * Each bar's count stands above it, upright when it fits the bar's width at 10 or 8 px, else
 * turned on its side, with the room above the tallest bar sized to it.
 */
export function orderCountChart(repeat: RepeatSection, { t, f }: ReportContext): Chart {
  const head = repeat.order_count_distribution.filter((d) => d.total_orders < MAX_BARS);
  const tail = repeat.order_count_distribution.filter((d) => d.total_orders >= MAX_BARS);
  const rows = head.map((d) => ({ label: String(d.total_orders), users: d.users }));
  if (tail.length) {
    rows.push({ label: `${MAX_BARS}+`, users: tail.reduce((s, d) => s + d.users, 0) });
  }
  const top = Math.max(1, ...rows.map((d) => d.users));
  const counts = rows.map((d) => f.count(d.users));
  const marginLeft = leftMargin([f.count(top * 1.5)]);
  const slot = ((WIDTH - marginLeft - 20) / Math.max(1, rows.length)) * 0.9;
  const fontSize = [10, 8].find((size) => widest(counts, size) <= slot);
  const upright = fontSize !== undefined;
  const labelHeight = upright ? 14 : widest(counts, 8) + 8;
  const frame = HEIGHT - TOP_WITH_TITLE - BOTTOM_WITH_TITLE;
  const svg = plotSvg({
    width: WIDTH,
    height: HEIGHT,
    marginTop: TOP_WITH_TITLE,
    marginBottom: BOTTOM_WITH_TITLE,
    marginLeft,
    x: { label: t.axisOrders, domain: rows.map((d) => d.label) },
    y: {
      label: t.axisUsers,
      grid: true,
      domain: [0, top / (1 - labelHeight / frame)],
      tickFormat: (d: number) => f.count(d),
    },
    marks: [
      Plot.barY(rows, { x: "label", y: "users", fill: OKABE_ITO.blue }),
      Plot.text(rows, {
        x: "label",
        y: "users",
        text: (d: { users: number }) => f.count(d.users),
        ...(upright
          ? { dy: -7, fontSize }
          : { rotate: -90, textAnchor: "start", dy: -4, fontSize: 8 }),
      }),
      Plot.ruleY([0]),
    ],
  });
  return {
    id: "order-count-distribution",
    title: t.chartOrderCountTitle,
    note: t.chartOrderCountNote,
    svg,
  };
}
