import { describe, expect, it } from "vitest";
import { expectClose, readFixture } from "../../test/fixtures/stats/read-fixture.js";
import { wilsonInterval } from "./wilson.js";

describe("wilsonInterval", () => {
  // Newcombe (1998), Statistics in Medicine 17:857–872, table I, method 3 (z = 1.96).
  it("reproduces Newcombe's published Wilson intervals", () => {
    const published: [number, number, number, number][] = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [x, n, low, high] of published) {
      const interval = wilsonInterval(x, n, 1.96);
      expectClose(interval.low, low, 0, 5e-5);
      expectClose(interval.high, high, 0, 5e-5);
    }
  });

  // make-stats-fixtures.py (wilson.json), z = 1.959964.
  it("matches the closed form to 1e-12 relative", () => {
    const { cases } = readFixture<{ x: number; n: number; low: number; high: number }[]>("wilson");
    for (const c of cases) {
      const interval = wilsonInterval(c.x, c.n);
      expectClose(interval.low, c.low, 1e-12, 1e-15);
      expectClose(interval.high, c.high, 1e-12, 1e-15);
    }
  });

  it("is exactly 0 with no successes and 1 with all successes", () => {
    expect(wilsonInterval(0, 50).low).toBe(0);
    expect(wilsonInterval(50, 50).high).toBe(1);
  });

  it("is NaN for n = 0", () => {
    const interval = wilsonInterval(0, 0);
    expect(interval.low).toBeNaN();
    expect(interval.high).toBeNaN();
  });
});
