import * as Plot from "@observablehq/plot";
import type { RepeatSection } from "../../analysis/results.js";
import type { ReportContext } from "../context.js";
import type { Chart } from "./chart.js";
import { BOTTOM_WITH_TITLE, edgeMargin, leftMargin, TOP_WITH_TITLE, widest } from "./margins.js";
import { OKABE_ITO } from "./palette.js";
import { placeLabels } from "./place-labels.js";
import { plotSvg } from "./plot-svg.js";

const WIDTH = 720;
const HEIGHT = 320;
interface Mark {
  day: number;
  p: number;
}

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
      : [{ day: Number(day), p: at.repeat_probability } as Mark];
  });
  const label = (d: Mark) => `${t.dayShort(d.day)}: ${f.percent(d.p)}`;
  const lastDay = Math.max(1, ...curve.map((c) => c.day));
  const marginLeft = leftMargin([f.percentTick(1)]);
  const marginRight = edgeMargin(String(lastDay));
  const frame = {
    left: marginLeft,
    right: WIDTH - marginRight,
    top: TOP_WITH_TITLE,
    bottom: HEIGHT - BOTTOM_WITH_TITLE,
  };
  const placed = placeLabels(
    marks.map((d) => ({
      ...d,
      x: frame.left + (d.day / lastDay) * (frame.right - frame.left),
      y: frame.bottom - d.p * (frame.bottom - frame.top),
      width: widest([label(d)]),
    })),
    frame,
  );
  const svg = plotSvg({
    width: WIDTH,
    height: HEIGHT,
    marginTop: TOP_WITH_TITLE,
    marginBottom: BOTTOM_WITH_TITLE,
    marginLeft,
    marginRight,
    x: { label: t.axisDaysAfterFirst, grid: true, domain: [0, lastDay] },
    y: { label: t.axisShareSecond, domain: [0, 1], grid: true, tickFormat: f.percentTick },
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
      ...placed.map((d) =>
        Plot.text([d], {
          x: "day",
          y: "p",
          text: label,
          textAnchor: d.anchor,
          dx: d.dx,
          dy: d.dy,
          fill: OKABE_ITO.vermillion,
        }),
      ),
    ],
  });
  return { id: "kaplan-meier", title: t.chartKmTitle, note: t.chartKmNote, svg };
}
