import { describe, expect, it } from "vitest";
import { table } from "./table.js";

describe("a report table", () => {
  it("right-aligns the figures, and keeps a number with its word", () => {
    expect(table(["Segment", "Customers"], [["1 order", "400"]])).toBe(
      '<table><thead><tr><th>Segment</th><th class="num">Customers</th></tr></thead>' +
        '<tbody><tr><td>1\u00a0order</td><td class="num">400</td></tr></tbody></table>',
    );
  });

  it("turns into cards on a narrow screen from five columns on, each cell labelled", () => {
    expect(table(["a", "b", "c", "d", "e"], [["1", "2", "3", "4", "5"]])).toContain(
      '<tr><td data-label="a">1</td><td class="num" data-label="b">2</td>',
    );
    expect(table(["a", "b", "c", "d"], [])).toMatch(/^<table>/);
    expect(table(["a", "b", "c", "d", "e"], [])).toMatch(/^<table class="stack">/);
    expect(table(["a", "b"], [], 1, { wrap: true })).toMatch(/^<table class="wrap">/);
  });
});
