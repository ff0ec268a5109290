import { prose } from "../html.js";
import type { Chart } from "./chart.js";

/** A chart as an HTML figure: title and reading note above the SVG. */
export const figure = (chart: Chart): string =>
  `<figure class="chart" id="chart-${chart.id}"><figcaption><strong>${prose(chart.title)}</strong>` +
  `${chart.note ? `<span>${prose(chart.note)}</span>` : ""}</figcaption>${chart.svg}</figure>`;
