import { describe, expect, it } from "vitest";
import { holdoutByFrequency } from "./calibration-holdout.js";

describe("holdoutByFrequency", () => {
  it("sums and averages actual and predicted holdout events by calibration count, last bin open", () => {
    const table = holdoutByFrequency(
      [0, 0, 1, 3, 5, 2],
      [0.1, 0.3, 0.5, 1.5, 2, 1],
      [0, 1, 1, 2, 1, 0],
      3,
    );
    expect(table).toEqual({
      bins: [
        { label: "0", subjects: 2, actual: 1, predicted: 0.4, actualMean: 0.5, predictedMean: 0.2 },
        { label: "1", subjects: 1, actual: 1, predicted: 0.5, actualMean: 1, predictedMean: 0.5 },
        { label: "2", subjects: 1, actual: 0, predicted: 1, actualMean: 0, predictedMean: 1 },
        {
          label: "3+",
          subjects: 2,
          actual: 3,
          predicted: 3.5,
          actualMean: 1.5,
          predictedMean: 1.75,
        },
      ],
      total: {
        label: "total",
        subjects: 6,
        actual: 5,
        predicted: 5.4,
        actualMean: 5 / 6,
        predictedMean: 0.9,
      },
    });
  });

  it("leaves out empty bins and defaults to 0, 1, …, 6, 7+", () => {
    const { bins } = holdoutByFrequency([0, 9], [0, 4], [0, 3]);
    expect(bins.map((b) => b.label)).toEqual(["0", "7+"]);
  });

  it("rejects counts that are not integers ≥ 0 and non-finite values", () => {
    expect(() => holdoutByFrequency([-1], [0], [0])).toThrow("invalid calibrationCounts[0]: -1");
    expect(() => holdoutByFrequency([1], [Number.NaN], [0])).toThrow("invalid predicted[0]: NaN");
  });
});
