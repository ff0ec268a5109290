import * as Plot from "@observablehq/plot";
import type { CorrelationSection } from "../../analysis/results.js";
import type { ReportContext } from "../context.js";
import type { Chart } from "./chart.js";
import { OKABE_ITO } from "./palette.js";
import { plotSvg } from "./plot-svg.js";

/** The φK matrix as a labelled heat map (white 0 to blue 1). */
export function phikHeatmapChart(corr: CorrelationSection, { t, f }: ReportContext): Chart {
  const name = (feature: string) => t.featureShort(feature);
  const labels = corr.features.map(name);
  const cells = corr.features.flatMap((a, i) =>
    corr.features.map((b, j) => ({ a: name(a), b: name(b), v: corr.phik.matrix[i]?.[j] ?? null })),
  );
  const svg = plotSvg({
    width: 720,
    height: 620,
    marginLeft: 150,
    marginBottom: 130,
    x: { label: null, domain: labels, tickRotate: -40 },
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
        fontSize: 10,
      }),
    ],
  });
  return { id: "phik-matrix", title: t.chartPhikTitle, note: t.chartPhikNote, svg };
}
