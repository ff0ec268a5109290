import { describe, expect, it } from "vitest";
import { calibrationEnd } from "./prediction.js";

describe("calibrationEnd", () => {
  it("holds out the horizon when the data span three horizons or more", () => {
    expect(calibrationEnd("2024-01-01", "2024-12-31", 90)).toBe("2024-10-02");
  });

  it("holds out a third of a shorter span", () => {
    // 2024-06-01 … 2024-10-31: 152 days, a third is 50.
    expect(calibrationEnd("2024-06-01", "2024-10-31", 90)).toBe("2024-09-11");
  });
});
