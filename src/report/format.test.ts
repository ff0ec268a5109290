import { describe, expect, it } from "vitest";
import { formatters } from "./format.js";

describe("the report's number formats", () => {
  it("prints a whole threshold without a decimal: 15 orders, not 15.0", () => {
    expect(formatters("en").trimmed(15)).toBe("15");
    expect(formatters("en").trimmed(15.5)).toBe("15.5");
    expect(formatters("ru").trimmed(15.5)).toBe("15,5");
    expect(formatters("en").trimmed(14.96)).toBe("15");
    expect(formatters("en").trimmed(null)).toBe("—");
  });

  it("labels axis ticks with no decimal unless the tick needs one", () => {
    const en = formatters("en");
    expect([0, 0.2, 1, 0.025].map(en.percentTick)).toEqual(["0%", "20%", "100%", "2.5%"]);
    expect(formatters("ru").percentTick(1)).toBe("100\u00a0%");
  });
});
