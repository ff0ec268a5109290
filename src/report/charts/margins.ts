import { textWidth } from "./text-width.js";

/** The size of the charts' text, in px (plot-svg sets it). */
export const FONT_SIZE = 11;

/** Plot's tick (6 px) and the gap between a tick and its label (3 px). */
const TICK = 9;

/** Clear space kept between a label and the edge of the SVG. */
const GAP = 4;

/** The widest of some labels at the charts' font size. */
export function widest(
  labels: readonly string[],
  fontSize = FONT_SIZE,
  weight: "normal" | "bold" = "normal",
): number {
  return Math.ceil(Math.max(0, ...labels.map((l) => textWidth(l, fontSize, weight))));
}

/** Room left of a y axis for its tick labels: the widest label, the tick and a gap. */
export const leftMargin = (tickLabels: readonly string[]): number =>
  widest(tickLabels) + TICK + GAP;

/**
 * Room under an x axis for its tick labels and, on a line of its own beneath them, the axis
 * title (Plot sets the title at the bottom of this margin): tick, label line, title line.
 */
export const BOTTOM_WITH_TITLE = TICK + 2 * Math.ceil(FONT_SIZE * 1.25) + GAP + 1;

/** Room right of the frame for the end tick label of a continuous x axis, centred on the edge. */
export const edgeMargin = (lastTick: string): number =>
  Math.max(20, Math.ceil(widest([lastTick]) / 2) + GAP);

/** Room above the frame for the y axis title, set at the top left by Plot. */
export const TOP_WITH_TITLE = 30;
