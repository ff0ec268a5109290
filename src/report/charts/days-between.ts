import * as Plot from "@observablehq/plot";
import type { TimeSection } from "../../analysis/results.js";
import type { ReportContext } from "../context.js";
import type { Chart } from "./chart.js";
import { BOTTOM_WITH_TITLE, edgeMargin, leftMargin, TOP_WITH_TITLE, widest } from "./margins.js";
import { OKABE_ITO } from "./palette.js";
import { plotSvg } from "./plot-svg.js";

/** Days shown; the rare longer gaps are counted in the note instead of flattening the bars. */
export const MAX_DAYS_SHOWN = 60;

/** Repeat orders by days since the previous order, with the repeat window shaded. */
export function daysBetweenChart(time: TimeSection, { t, f }: ReportContext): Chart {
  const shown = time.days_since_prev.histogram.filter((d) => d.days <= MAX_DAYS_SHOWN);
  const hidden = time.days_since_prev.histogram
    .filter((d) => d.days > MAX_DAYS_SHOWN)
    .reduce((s, d) => s + d.orders, 0);
  const window = time.repeat_window.window;
  const top = Math.max(1, ...shown.map((d) => d.orders));
  const lastDay = Math.max(10, ...shown.map((d) => d.days + 1));
  const marginLeft = leftMargin([f.count(top * 1.1)]);
  const marginRight = edgeMargin(String(lastDay));
  // The window as drawn: cut at the last day shown, its label centred over it but kept whole
  // inside the frame when the window runs past the chart's end.
  const span = window ? ([window[0], Math.min(window[1] + 1, lastDay)] as const) : null;
  const label = window ? t.windowLabel(window[0], window[1]) : "";
  const half = ((widest([label], 11, "bold") / 2 + 2) * lastDay) / (720 - marginLeft - marginRight);
  const labelX = span ? Math.min(Math.max((span[0] + span[1]) / 2, half), lastDay - half) : 0;
  const svg = plotSvg({
    width: 720,
    height: 300,
    marginTop: TOP_WITH_TITLE,
    marginBottom: BOTTOM_WITH_TITLE,
    marginLeft,
    marginRight,
    x: { label: t.axisDaysSincePrev, domain: [0, lastDay] },
    y: {
      label: t.axisOrders2,
      grid: true,
      domain: [0, top * 1.1],
      tickFormat: (d: number) => f.count(d),
    },
    marks: [
      ...(span
        ? [
            Plot.rect([span], {
              x1: (w: readonly [number, number]) => w[0],
              x2: (w: readonly [number, number]) => w[1],
              y1: 0,
              y2: top * 1.1,
              fill: OKABE_ITO.yellow,
              fillOpacity: 0.45,
            }),
            Plot.text([span], {
              x: () => labelX,
              y: top * 1.1,
              text: () => label,
              // Inside the frame's top, above the tallest bar: the top margin holds the y title.
              lineAnchor: "top",
              dy: 4,
              fontWeight: "bold",
            }),
          ]
        : []),
      Plot.rectY(shown, {
        x1: "days",
        x2: (d: { days: number }) => d.days + 1,
        y: "orders",
        fill: OKABE_ITO.blue,
        inset: 0.5,
      }),
      Plot.ruleY([0]),
    ],
  });
  const note = [t.chartDaysNote, hidden > 0 ? t.daysHidden(f.count(hidden), MAX_DAYS_SHOWN) : ""]
    .filter(Boolean)
    .join(" ");
  return { id: "days-between-orders", title: t.chartDaysTitle, note, svg };
}
