import { describe, expect, it } from "vitest";
import { expectClose, readFixture } from "../../test/fixtures/stats/read-fixture.js";
import { kaplanMeier, type SurvivalCounts, survivalAt } from "./kaplan-meier.js";

interface Point {
  time: number;
  at_risk: number;
  events: number;
  censored: number;
  survival: number;
  variance: number;
  low: number;
  high: number;
}
// make-stats-fixtures.py (kaplan-meier.json): the estimator, Greenwood's variance and
// the log(−log) band written out as R survival::survfit(conf.type = "log-log") does.
const { cases } =
  readFixture<{ name: string; rows: SurvivalCounts[]; curve: Point[] }[]>("kaplan-meier");
const [mp6] = cases;

describe("kaplanMeier", () => {
  // Freireich et al. (1963) 6-MP arm; Klein & Moeschberger, "Survival Analysis" (2nd ed.,
  // 2003), table 4.1A: the estimate and Greenwood's standard error at each event time.
  it("reproduces the published 6-MP estimates and Greenwood standard errors", () => {
    const published: [number, number, number, number][] = [
      [6, 21, 0.857, 0.076],
      [7, 17, 0.807, 0.087],
      [10, 15, 0.753, 0.096],
      [13, 12, 0.69, 0.107],
      [16, 11, 0.627, 0.114],
      [22, 7, 0.538, 0.128],
      [23, 6, 0.448, 0.135],
    ];
    const curve = kaplanMeier(mp6?.rows ?? []);
    for (const [time, atRisk, survival, se] of published) {
      const point = curve.find((p) => p.time === time);
      expect(point?.atRisk).toBe(atRisk);
      expectClose(point?.survival ?? 0, survival, 0, 5e-4);
      expectClose(Math.sqrt(point?.variance ?? 0), se, 0, 5e-4);
    }
  });

  it("matches the reference curve and log(−log) band to 1e-12 at every distinct time", () => {
    for (const c of cases) {
      const curve = kaplanMeier(c.rows);
      expect(curve.map((p) => p.time)).toEqual(c.curve.map((p) => p.time));
      curve.forEach((point, i) => {
        const expected = c.curve[i] as Point;
        expect([point.atRisk, point.events, point.censored]).toEqual([
          expected.at_risk,
          expected.events,
          expected.censored,
        ]);
        for (const key of ["survival", "variance", "low", "high"] as const) {
          expectClose(point[key], expected[key], 1e-12, 1e-15);
        }
      });
    }
  });

  it("counts events before censorings at a tied time", () => {
    const [point] = kaplanMeier([{ time: 5, events: 1, censored: 1 }]);
    expect(point?.atRisk).toBe(2);
    expect(point?.survival).toBe(0.5);
  });

  it("sums repeated times and gives an empty curve for no rows", () => {
    const curve = kaplanMeier([
      { time: 3, events: 1, censored: 0 },
      { time: 1, events: 0, censored: 1 },
      { time: 3, events: 1, censored: 1 },
    ]);
    expect(curve.map((p) => [p.time, p.atRisk, p.events])).toEqual([
      [1, 4, 0],
      [3, 3, 2],
    ]);
    expect(kaplanMeier([])).toEqual([]);
  });

  it("leaves variance and band undefined once S reaches 0", () => {
    const last = kaplanMeier([{ time: 2, events: 3, censored: 0 }])[0];
    expect(last?.survival).toBe(0);
    expect(last?.variance).toBeNaN();
    expect(last?.low).toBeNaN();
  });
});

describe("survivalAt", () => {
  const curve = kaplanMeier(mp6?.rows ?? []);
  it("is 1 before the first time and steps at each time", () => {
    expect(survivalAt(curve, 0)).toBe(1);
    expect(survivalAt(curve, 5.9)).toBe(1);
    expect(survivalAt(curve, 6)).toBeCloseTo(18 / 21, 15);
    expect(survivalAt(curve, 6.5)).toBeCloseTo(18 / 21, 15);
    expect(survivalAt(curve, 9)).toBe(survivalAt(curve, 7));
    expect(survivalAt(curve, 1000)).toBe(curve.at(-1)?.survival);
    expect(survivalAt([], 3)).toBe(1);
  });
});
