import { describe, expect, it } from "vitest";
import { studyResults } from "./fixture.test-helpers.js";
import { marketRegions } from "./market-regions.js";
import { plainSpaces } from "./text.test-helpers.js";

describe("market_successful_regions: the successful regions of §4", () => {
  it("cites each region's repeat rate and q-value against the overall rate", () => {
    const s = marketRegions.apply(studyResults());
    expect(s?.text).toBe(
      "Market in the regions where customers return significantly more often than average (60.0%): Moscow (70.0%, q = 0.012).",
    );
    expect(plainSpaces(s?.texts.ru ?? "")).toBe(
      "Усильте маркетинг в регионах, где покупатели возвращаются значимо чаще среднего (60,0 %): «Moscow» (70,0 %, q = 0,012).",
    );
    expect(s?.figures).toEqual({
      overall_repeat_rate: 0.6,
      regions: 1,
      region_1: "Moscow",
      region_1_users: 400,
      region_1_repeat_rate: 0.7,
      region_1_q_value: 0.0123,
    });
  });

  it("is silent when no region is successful, even if another dimension has one", () => {
    const r = studyResults();
    for (const v of r.entry_points.dimensions.first_region?.values ?? []) v.successful = false;
    expect(marketRegions.apply(r)).toBeNull();
  });
});
