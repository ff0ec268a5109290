import { describe, expect, it } from "vitest";
import { table } from "./table.js";

describe("a report table", () => {
  it("labels each cell with its column, for the card layout of a narrow screen", () => {
    expect(table(["Segment", "Customers"], [["1 order", "400"]])).toBe(
      '<table><thead><tr><th>Segment</th><th class="num">Customers</th></tr></thead>' +
        '<tbody><tr><td data-label="Segment">1 order</td><td class="num" data-label="Customers">400</td></tr></tbody></table>',
    );
  });

  it("turns into cards on a narrow screen from five columns on", () => {
    expect(table(["a", "b", "c", "d"], [])).toMatch(/^<table>/);
    expect(table(["a", "b", "c", "d", "e"], [])).toMatch(/^<table class="stack">/);
    expect(table(["a", "b"], [], 1, { wrap: true })).toMatch(/^<table class="wrap">/);
  });
});
