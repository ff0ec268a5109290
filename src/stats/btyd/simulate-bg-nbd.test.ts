import { describe, expect, it } from "vitest";
import { fitBgNbd } from "./bg-nbd.js";
import { seededRandom, simulateBgNbd } from "./simulate-bg-nbd.test-helpers.js";

describe("fitBgNbd on data drawn from a BG/NBD process", () => {
  it("recovers the parameters within 4 of its own standard errors", () => {
    const truth = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const random = seededRandom(20050101);
    const T = Array.from({ length: 20_000 }, () => 26 + 13 * random());
    const fit = fitBgNbd(simulateBgNbd(truth, T, random));
    expect(fit.converged).toBe(true);
    for (const key of ["r", "alpha", "a", "b"] as const) {
      expect(Math.abs(fit.params[key] - truth[key]), key).toBeLessThan(4 * fit.standardErrors[key]);
    }
  });
});
