import { describe, expect, it } from "vitest";
import { studyResults } from "./fixture.test-helpers.js";
import { plainSpaces } from "./text.test-helpers.js";
import { winBackSingleOrder } from "./win-back-single-order.js";

describe("win_back_single_order: segment 1, sized and profiled", () => {
  it("cites the size, share, average check and typical first order of segment 1", () => {
    const s = winBackSingleOrder.apply(studyResults());
    expect(s?.text).toBe(
      "Win back one-order customers with personal offers: there are 400 of them (40.0% of all customers), with an average check of 2,700\u00a0₽; their first order was most often: event type theatre (45.0%), device mobile (72.0%), region Kazan (40.0%).",
    );
    expect(plainSpaces(s?.texts.ru ?? "")).toBe(
      "Возвращайте покупателей с одним заказом персональными предложениями: их 400 (40,0 % всех покупателей), средний чек — 2 700 ₽; чаще всего в первом заказе у них: тип мероприятия «theatre» (45,0 %), устройство «mobile» (72,0 %), регион «Kazan» (40,0 %).",
    );
    expect(s?.figures).toEqual({
      users: 400,
      share_of_users: 0.4,
      mean_avg_revenue_rub: 2700.4,
      top_first_event_type: "theatre",
      top_first_event_type_share: 0.45,
      top_first_device: "mobile",
      top_first_device_share: 0.72,
      top_first_region: "Kazan",
      top_first_region_share: 0.4,
    });
  });

  it("leaves out what the profile lacks", () => {
    const r = studyResults();
    const one = r.segments.find((p) => p.segment === "1");
    if (one) Object.assign(one, { mean_avg_revenue_rub: null, top: {} });
    expect(winBackSingleOrder.apply(r)?.text).toBe(
      "Win back one-order customers with personal offers: there are 400 of them (40.0% of all customers).",
    );
  });

  it("does not profile by an unknown value", () => {
    const r = studyResults();
    const one = r.segments.find((p) => p.segment === "1");
    if (one) one.top.first_region = { value: "unknown", share: 0.5 };
    expect(winBackSingleOrder.apply(r)?.text).toMatch(
      /event type theatre \(45\.0%\), device mobile \(72\.0%\)\.$/,
    );
  });

  it("is silent when everyone came back", () => {
    const r = studyResults();
    const one = r.segments.find((p) => p.segment === "1");
    if (one) Object.assign(one, { users: 0, share_of_users: 0 });
    expect(winBackSingleOrder.apply(r)).toBeNull();
  });
});
