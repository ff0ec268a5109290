import * as Plot from "@observablehq/plot";
import type { CorrelationSection } from "../../analysis/results.js";
import type { ReportContext } from "../context.js";
import type { Chart } from "./chart.js";
import { leftMargin } from "./margins.js";
import { OKABE_ITO } from "./palette.js";
import { plotSvg } from "./plot-svg.js";
import { textWidth } from "./text-width.js";

const WIDTH = 720;
const MARGIN_TOP = 10;
const MARGIN_RIGHT = 10;

/**
 * The φK matrix as a labelled heat map (white 0 to blue 1), with square cells. The margins hold
 * the feature names: across on the left, upright under the columns, where a name of any length
 * stays within its column's width.
 */
export function phikHeatmapChart(corr: CorrelationSection, { t, f }: ReportContext): Chart {
  const name = (feature: string) => t.featureShort(feature);
  const labels = corr.features.map(name);
  const cells = corr.features.flatMap((a, i) =>
    corr.features.map((b, j) => ({ a: name(a), b: name(b), v: corr.phik.matrix[i]?.[j] ?? null })),
  );
  const marginLeft = leftMargin(labels);
  const marginBottom = leftMargin(labels);
  const cell = (WIDTH - marginLeft - MARGIN_RIGHT) / Math.max(1, labels.length);
  const svg = plotSvg({
    width: WIDTH,
    height: Math.round(MARGIN_TOP + cell * labels.length + marginBottom),
    marginTop: MARGIN_TOP,
    marginRight: MARGIN_RIGHT,
    marginLeft,
    marginBottom,
    x: { label: null, domain: labels, tickRotate: -90 },
    y: { label: null, domain: labels },
    color: { type: "linear", domain: [0, 1], range: ["#ffffff", OKABE_ITO.blue] },
    marks: [
      Plot.cell(cells, {
        x: "b",
        y: "a",
        fill: (d: { v: number | null }) => d.v ?? 0,
        stroke: "#ddd",
        inset: 0,
      }),
      Plot.text(cells, {
        x: "b",
        y: "a",
        text: (d: { v: number | null }) => (d.v === null ? "—" : f.decimal(d.v, 2)),
        fill: (d: { v: number | null }) => ((d.v ?? 0) > 0.55 ? "white" : "black"),
        fontSize: Math.min(10, Math.floor((cell * 0.8) / textWidth("0,00", 1))),
      }),
    ],
  });
  return { id: "phik-matrix", title: t.chartPhikTitle, note: t.chartPhikNote, svg };
}
