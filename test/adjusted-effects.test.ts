import { describe, expect, it } from "vitest";
import { analyzeCsv, csv } from "./helpers.js";

/**
 * 114 customers, all with their first order on 2024-01-10, well over 90 days before data_end,
 * at the same check and one ticket; a repeater's second order comes 10 days later:
 *   event a: 40 customers, 20 return      event b: 64, 16 return      event c: 10, none return
 * Each event's customers, returning or not, are split evenly between regions R1 and R2, and
 * every customer of R1 is in city C1, of R2 in C2.
 * So event a against b (the most common, the reference) has odds (20/20) / (16/48) = 3 with the
 * region held fixed or not; the region has no effect; c is separated (no one returned); the city
 * is the region again (collinear). statsmodels GLM(Binomial, freq_weights) on the same design:
 * β = ln 3, se 0.42817441928883765, p 0.01029365, log-likelihood −63.71533647800155, and
 * dropping the event gives −67.08344777430754 (χ² 6.736222592611995 on 1 df).
 */
function orders(): string {
  const rows: string[] = [];
  let id = 0;
  const customers = (event: string, n: number, returning: number) => {
    for (let i = 0; i < n; i++) {
      const user = `${event}${i}`;
      const back = i < returning;
      // Alternate regions within the returners and within the others.
      const region = (back ? i : i - returning) % 2 === 0 ? "R1" : "R2";
      const city = region === "R1" ? "C1" : "C2";
      rows.push(`${user},${++id},2024-01-10,100,${event},${region},${city}`);
      if (back) rows.push(`${user},${++id},2024-01-20,100,${event},${region},${city}`);
    }
  };
  customers("a", 40, 20);
  customers("b", 64, 16);
  customers("c", 10, 0);
  return csv("user_id,order_id,order_dt,revenue,event_type_main,region_name,city_name", ...rows);
}

describe("adjusted effects (ANALYSIS.md §13)", () => {
  it("fits the patterns counted in SQL as statsmodels fits the users", async () => {
    const { results } = await analyzeCsv(orders(), null, { dataEnd: "2024-06-30", minUsers: 1 });
    const a = results.adjusted_effects;
    const value = (dimension: string, v: string) =>
      a?.values.find((x) => x.dimension === dimension && x.value === v);
    expect(value("first_event_type", "b")).toMatchObject({ reference: true, users: 64 });
    const ea = value("first_event_type", "a");
    expect(ea?.odds_ratio).toBeCloseTo(3, 9);
    expect(ea?.unadjusted_odds_ratio).toBeCloseTo(3, 12);
    const se = 0.42817441928883765;
    expect(ea?.ci_low).toBeCloseTo(3 * Math.exp(-1.959964 * se), 8);
    expect(ea?.ci_high).toBeCloseTo(3 * Math.exp(1.959964 * se), 8);
    expect(ea?.p_value).toBeCloseTo(0.01029365, 7);
    expect(ea?.confounded).toBe(false);
    expect(value("first_event_type", "c")).toMatchObject({
      status: "separated",
      odds_ratio: null,
      unadjusted_odds_ratio: null,
    });
    expect(value("first_region", "R1")).toMatchObject({ reference: true, users: 57 });
    expect(value("first_region", "R2")?.odds_ratio).toBeCloseTo(1, 9);
    expect(value("first_city", "C2")).toMatchObject({ status: "collinear", odds_ratio: null });
    expect(a?.fit.n).toBe(104);
    expect(a?.fit.log_likelihood).toBeCloseTo(-63.71533647800155, 9);
    expect(a?.fit.null_log_likelihood).toBeCloseTo(-67.08344777430754, 9);
    const event = a?.dimensions.find((x) => x.dimension === "first_event_type");
    expect(event?.df).toBe(1);
    expect(event?.lr_chi2).toBeCloseTo(6.736222592611995, 8);
    expect(results.notes.map((n) => n.code)).toEqual(
      expect.arrayContaining(["adjusted_separated", "adjusted_collinear"]),
    );
  });
});
