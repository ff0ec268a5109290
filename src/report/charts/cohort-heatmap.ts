import * as Plot from "@observablehq/plot";
import type { CohortsSection } from "../../analysis/cohort-results.js";
import type { ReportContext } from "../context.js";
import type { StudyWords } from "../i18n/study-words.js";
import type { Chart } from "./chart.js";
import { BOTTOM_WITH_TITLE, leftMargin, widest } from "./margins.js";
import { OKABE_ITO } from "./palette.js";
import { plotSvg } from "./plot-svg.js";

const WIDTH = 720;
const ROW = 24;

/**
 * The cohort matrix as a heat map: one row per cohort, one column per period since the first
 * order, each cell the cumulative share that has come back, its value written in it. The period
 * still running at the end of the data is hatched (drawn lighter, with a dashed border).
 */
export function cohortHeatmapChart(
  cohorts: CohortsSection,
  { f }: ReportContext,
  w: StudyWords,
): Chart {
  const label = (c: string) => w.cohortLabel(c, cohorts.period);
  const cells = cohorts.rows.flatMap((row) =>
    row.periods.map((p) => ({
      cohort: label(row.cohort),
      k: p.k,
      v: p.repeated_share,
      complete: p.complete,
    })),
  );
  const ks = [...new Set(cells.map((c) => c.k))].sort((a, b) => a - b);
  const rows = cohorts.rows.map((r) => label(r.cohort));
  const marginLeft = leftMargin(rows);
  const cellWidth = (WIDTH - marginLeft - 10) / Math.max(1, ks.length);
  // The value must fit its cell: smaller type when the cells are narrow.
  const fontSize = Math.max(
    7,
    Math.min(11, Math.floor((cellWidth - 4) / (widest(["100,0 %"]) / 11))),
  );
  const svg = plotSvg({
    width: WIDTH,
    height: rows.length * ROW + BOTTOM_WITH_TITLE + 10,
    marginTop: 10,
    marginRight: 10,
    marginLeft,
    marginBottom: BOTTOM_WITH_TITLE,
    x: {
      label: w.axisPeriods(cohorts.period),
      domain: ks,
      tickFormat: (k: number) => (k === 0 ? "0" : `+${k}`),
    },
    y: { label: null, domain: rows },
    color: { type: "linear", domain: [0, 1], range: ["#ffffff", OKABE_ITO.blue] },
    marks: [
      Plot.cell(
        cells.filter((c) => c.complete),
        { x: "k", y: "cohort", fill: "v", stroke: "#ddd", inset: 0.5 },
      ),
      Plot.cell(
        cells.filter((c) => !c.complete),
        {
          x: "k",
          y: "cohort",
          fill: "v",
          fillOpacity: 0.45,
          stroke: OKABE_ITO.grey,
          strokeDasharray: "3,2",
          inset: 0.5,
        },
      ),
      Plot.text(cells, {
        x: "k",
        y: "cohort",
        text: (d: { v: number; complete: boolean }) => `${f.percent(d.v)}${d.complete ? "" : "*"}`,
        fill: (d: { v: number; complete: boolean }) =>
          d.v > 0.55 && d.complete ? "white" : "black",
        fontSize,
      }),
    ],
  });
  return {
    id: "cohort-heatmap",
    title: w.chartCohortHeatTitle,
    note: w.chartCohortHeatNote,
    svg,
  };
}
