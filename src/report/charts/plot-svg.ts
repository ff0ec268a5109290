import * as Plot from "@observablehq/plot";
import { JSDOM } from "jsdom";

let dom: JSDOM | undefined;

/** The font stack of every chart: DejaVu Sans is what the PNG renderer finds on Linux. */
export const CHART_FONT = "DejaVu Sans, Arial, Helvetica, sans-serif";

/** Renders a Plot specification on the server and returns its SVG markup. */
export function plotSvg(options: Plot.PlotOptions): string {
  dom ??= new JSDOM("");
  const element = Plot.plot({
    ...options,
    document: dom.window.document,
    style: { fontFamily: CHART_FONT, fontSize: "11px", background: "white", color: "#222" },
  });
  return element.outerHTML;
}
