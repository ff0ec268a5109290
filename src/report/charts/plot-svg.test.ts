import * as Plot from "@observablehq/plot";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { chartPng } from "../chart-png.js";
import { CHART_FONT, plotSvg } from "./plot-svg.js";

/**
 * An element as its tag, attributes in name order and children, with the style attribute's
 * declarations as written by either DOM (jsdom quotes font names and writes colours as rgb()).
 */
function canonical(markup: string): string {
  const { document } = new JSDOM(`<body>${markup}</body>`).window;
  const walk = (n: Node): string => {
    if (n.nodeType === 3) return (n.textContent ?? "").trim();
    if (n.nodeType !== 1) return "";
    const e = n as Element;
    const attrs = [...e.attributes]
      .map((a) => {
        if (a.name !== "style") return `${a.name}=${a.value}`;
        const probe = document.createElement("div");
        probe.setAttribute("style", a.value);
        return `style=${probe.style.cssText}`;
      })
      .sort();
    return `<${e.tagName} ${attrs.join(" ")}>${[...e.childNodes].map(walk).join("")}</${e.tagName}>`;
  };
  return walk(document.body.firstElementChild as Element);
}

/** The same specification rendered with jsdom, as the report did before it used linkedom. */
function jsdomSvg(options: Plot.PlotOptions): string {
  const { document } = new JSDOM("").window;
  return Plot.plot({
    ...options,
    document,
    style: { fontFamily: CHART_FONT, fontSize: "11px", background: "white", color: "#222" },
  }).outerHTML;
}

const LABELS = ["R&B <live>", 'the "Big" stage', "Catch a Ticket!", "театр · 51", "a&copy;b"];
const RATES = LABELS.map((label, i) => ({ label, rate: 0.1 * (i + 1) }));
const ROOTS = [1, 2, 4, 8, 16].map((x) => ({ x, y: Math.sqrt(x) }));
const BARS: Plot.PlotOptions = {
  width: 720,
  height: 300,
  y: { domain: LABELS },
  marks: [
    Plot.barX(RATES, {
      x: "rate",
      y: "label",
      fill: "#0072B2",
      title: "label",
      ariaDescription: 'shares by operator, R&B <live> and "Big"',
    }),
    Plot.text(RATES, { x: "rate", y: "label", text: "label", dx: 4, textAnchor: "start" }),
    Plot.ruleX([0.25], { stroke: "#222", strokeDasharray: "4,3" }),
  ],
};
const SPECS: [string, Plot.PlotOptions][] = [
  ["labelled bars with a reference rule", BARS],
  [
    "a line with dots on a log scale",
    {
      width: 480,
      height: 240,
      x: { type: "log" },
      marks: [Plot.line(ROOTS, { x: "x", y: "y" }), Plot.dot(ROOTS, { x: "x", y: "y" })],
    },
  ],
  [
    "a heatmap of cells",
    {
      width: 400,
      height: 400,
      color: { scheme: "blues", domain: [0, 1] },
      marks: [
        Plot.cell(
          LABELS.flatMap((a, i) => LABELS.map((b, j) => ({ a, b, v: ((i + 1) * (j + 1)) / 25 }))),
          { x: "a", y: "b", fill: "v" },
        ),
      ],
    },
  ],
];

describe("plotSvg", () => {
  it.each(SPECS)("draws %s as jsdom did: the same elements, attributes and text", (_, spec) => {
    const svg = plotSvg(spec);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(canonical(svg)).toBe(canonical(jsdomSvg(spec)));
  });

  it("escapes the data's markup characters in text and attributes, so that the SVG is valid XML", () => {
    const svg = plotSvg(BARS);
    expect(svg).toContain("R&amp;B &lt;live&gt;");
    expect(svg).toContain("a&amp;copy;b");
    expect(svg).toContain(
      'aria-description="shares by operator, R&amp;B &lt;live&gt; and &quot;Big&quot;"',
    );
    expect(svg).not.toMatch(/="[^"]*[<>][^"]*"/);
    const png = chartPng({ id: "escape", title: "R&B", note: "", svg });
    expect(png.subarray(1, 4).toString()).toBe("PNG");
  });
});
