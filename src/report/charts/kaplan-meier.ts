import * as Plot from "@observablehq/plot";
import type { RepeatSection } from "../../analysis/results.js";
import type { ReportContext } from "../context.js";
import type { Chart } from "./chart.js";
import { OKABE_ITO } from "./palette.js";
import { plotSvg } from "./plot-svg.js";

const MARKED_DAYS = ["7", "14", "30", "60", "90"] as const;

/** The Kaplan–Meier share with a second order by day, its 95% band, and labelled checkpoints. */
export function kaplanMeierChart(repeat: RepeatSection, { t, f }: ReportContext): Chart {
  const curve = repeat.kaplan_meier.curve;
  const band = curve.filter((c) => c.low !== null && c.high !== null);
  const marks = MARKED_DAYS.flatMap((day) => {
    const at = repeat.kaplan_meier.at[day];
    const last = curve[curve.length - 1];
    return at.repeat_probability === null || !last || last.day < Number(day)
      ? []
      : [{ day: Number(day), p: at.repeat_probability }];
  });
  const svg = plotSvg({
    width: 720,
    height: 320,
    marginTop: 30,
    marginLeft: 60,
    x: { label: t.axisDaysAfterFirst, grid: true },
    y: {
      label: t.axisShareSecond,
      domain: [0, 1],
      grid: true,
      tickFormat: (d: number) => f.percent(d),
    },
    marks: [
      Plot.areaY(band, {
        x: "day",
        y1: "low",
        y2: "high",
        curve: "step-after",
        fill: OKABE_ITO.skyBlue,
        fillOpacity: 0.35,
      }),
      Plot.line(curve, {
        x: "day",
        y: "repeat_probability",
        curve: "step-after",
        stroke: OKABE_ITO.blue,
        strokeWidth: 2,
      }),
      Plot.dot(marks, { x: "day", y: "p", fill: OKABE_ITO.vermillion, r: 3.5 }),
      Plot.text(marks, {
        x: "day",
        y: "p",
        text: (d: { day: number; p: number }) => `${t.dayShort(d.day)}: ${f.percent(d.p)}`,
        // The curve rises to the right, so below and to the right of a point is clear of it.
        textAnchor: "start",
        dx: 6,
        dy: 12,
        fill: OKABE_ITO.vermillion,
      }),
    ],
  });
  return { id: "kaplan-meier", title: t.chartKmTitle, note: t.chartKmNote, svg };
}
