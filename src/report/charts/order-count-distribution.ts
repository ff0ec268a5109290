import * as Plot from "@observablehq/plot";
import type { RepeatSection } from "../../analysis/results.js";
import type { ReportContext } from "../context.js";
import type { Chart } from "./chart.js";
import { OKABE_ITO } from "./palette.js";
import { plotSvg } from "./plot-svg.js";

const MAX_BARS = 30;

/** Users by number of orders; past 30 orders the tail is one bar, so the chart stays legible. */
export function orderCountChart(repeat: RepeatSection, { t, f }: ReportContext): Chart {
  const head = repeat.order_count_distribution.filter((d) => d.total_orders < MAX_BARS);
  const tail = repeat.order_count_distribution.filter((d) => d.total_orders >= MAX_BARS);
  const rows = head.map((d) => ({ label: String(d.total_orders), users: d.users }));
  if (tail.length) {
    rows.push({ label: `${MAX_BARS}+`, users: tail.reduce((s, d) => s + d.users, 0) });
  }
  const svg = plotSvg({
    width: 720,
    height: 300,
    marginTop: 30,
    marginLeft: 60,
    x: { label: t.axisOrders, domain: rows.map((d) => d.label) },
    y: { label: t.axisUsers, grid: true, tickFormat: (d: number) => f.count(d) },
    marks: [
      Plot.barY(rows, { x: "label", y: "users", fill: OKABE_ITO.blue }),
      Plot.text(rows, {
        x: "label",
        y: "users",
        text: (d: { users: number }) => f.count(d.users),
        dy: -7,
        fontSize: rows.length > 16 ? 8 : 10,
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
