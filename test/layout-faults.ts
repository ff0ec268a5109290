/**
 * Runs in the page: every place where the report does not fit its reader's screen or paper.
 * - the page scrolls sideways, or a box's content is wider than the box (a tile, a paragraph);
 * - a table is wider than its box, or a cell's text is cut;
 * - a chart is wider than its figure, a chart's text lies outside its SVG, two texts of a chart
 *   overlap, or a dashed reference line runs through a text.
 * Each fault is one line naming the section or chart and the sizes, in CSS pixels.
 */
export function layoutFaults(): string[] {
  const faults: string[] = [];
  const TOLERANCE = 0.5;
  const px = (n: number) => Math.round(n);
  // Two texts may touch by a pixel.
  const overlap = (a: DOMRect, b: DOMRect) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  // A line's box has no width or no height: it crosses a text when it passes inside its box.
  const crosses = (line: DOMRect, b: DOMRect) =>
    line.left <= b.right - TOLERANCE &&
    line.right >= b.left + TOLERANCE &&
    line.top <= b.bottom - TOLERANCE &&
    line.bottom >= b.top + TOLERANCE;
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + TOLERANCE) {
    faults.push(`the page is ${root.scrollWidth} px wide in a ${root.clientWidth} px window`);
  }
  const BOXES = "header, nav, section, div, p, ul, li, h1, h2, h3, figure, figcaption, footer";
  for (const box of document.querySelectorAll<HTMLElement>(`main, main :is(${BOXES})`)) {
    if (box.scrollWidth > box.clientWidth + TOLERANCE && box.clientWidth > 0) {
      const where = box.closest("section")?.id ?? box.tagName.toLowerCase();
      faults.push(
        `${where}: a ${box.tagName.toLowerCase()}${box.className ? `.${box.className}` : ""} holds ${box.scrollWidth} px in ${box.clientWidth} px ("${(box.textContent ?? "").slice(0, 40)}")`,
      );
    }
  }
  for (const table of document.querySelectorAll("table")) {
    const where = `${table.closest("section")?.id ?? "?"}: table "${table.querySelector("th")?.textContent ?? ""}"`;
    const box = table.parentElement as HTMLElement;
    const style = getComputedStyle(box);
    const room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const width = table.getBoundingClientRect().width;
    if (width > room + TOLERANCE) faults.push(`${where} is ${px(width)} px wide in ${px(room)} px`);
    for (const cell of table.querySelectorAll("td, th")) {
      if (cell.scrollWidth > cell.clientWidth + TOLERANCE) {
        faults.push(`${where}: cell "${cell.textContent}" is cut`);
      }
    }
  }
  for (const svg of document.querySelectorAll<SVGSVGElement>("figure.chart > svg")) {
    const id = svg.parentElement?.id ?? "?";
    const frame = svg.getBoundingClientRect();
    const room = (svg.parentElement as HTMLElement).getBoundingClientRect();
    if (frame.right > room.right + TOLERANCE) {
      faults.push(`${id}: the chart is ${px(frame.width)} px wide in ${px(room.width)} px`);
    }
    const texts = [...svg.querySelectorAll("text")].filter((t) => t.textContent?.trim());
    const boxes = texts.map((t) => t.getBoundingClientRect());
    texts.forEach((text, i) => {
      const b = boxes[i] as DOMRect;
      if (
        b.left < frame.left - TOLERANCE ||
        b.right > frame.right + TOLERANCE ||
        b.top < frame.top - TOLERANCE ||
        b.bottom > frame.bottom + TOLERANCE
      ) {
        faults.push(
          `${id}: "${text.textContent}" spans x ${px(b.left - frame.left)}–${px(b.right - frame.left)}, y ${px(b.top - frame.top)}–${px(b.bottom - frame.top)} of a ${px(frame.width)}×${px(frame.height)} chart`,
        );
      }
      for (let j = 0; j < i; j++) {
        if (overlap(b, boxes[j] as DOMRect)) {
          faults.push(`${id}: "${text.textContent}" overlaps "${texts[j]?.textContent}"`);
        }
      }
    });
    for (const line of svg.querySelectorAll("[stroke-dasharray] line, line[stroke-dasharray]")) {
      const l = line.getBoundingClientRect();
      texts.forEach((text, i) => {
        if (crosses(l, boxes[i] as DOMRect)) {
          faults.push(`${id}: a dashed line runs through "${text.textContent}"`);
        }
      });
    }
  }
  return faults;
}
