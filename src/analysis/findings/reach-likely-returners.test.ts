import { describe, expect, it } from "vitest";
import { predictionFixture } from "../prediction-fixture.test-helpers.js";
import { studyResults } from "./fixture.test-helpers.js";
import { reachLikelyReturners } from "./reach-likely-returners.js";
import { plainSpaces } from "./text.test-helpers.js";

const withPrediction = () => ({ ...studyResults(), prediction: predictionFixture() });

describe("reach_likely_returners: one-order customers still likely active", () => {
  it("sizes them and points to the per-customer file", () => {
    const s = reachLikelyReturners.apply(withPrediction());
    expect(s?.text).toBe(
      "Address first the one-order customers who still look active: for 254 of 400 (63.5%) the model puts the chance that they are still buying at 50% or more; one-order customers as a whole are expected to place 0.21 orders each in the next 90 days. The per-customer figures are in predictions.csv.",
    );
    expect(plainSpaces(s?.texts.ru ?? "")).toBe(
      "Начните с покупателей с одним заказом, которые ещё выглядят активными: у 254 из 400 (63,5 %) вероятность, что они продолжают покупать, по модели — 50 % и выше; в целом покупатель с одним заказом, по прогнозу, сделает 0,21 заказа за 90 дней. Показатели по каждому покупателю — в predictions.csv.",
    );
    expect(s?.figures).toMatchObject({ likely_alive: 254, single_order_buyers: 400 });
    expect(s?.text).not.toMatch(/even chance|not having stopped/);
    expect(s?.texts.ru).not.toMatch(/не перестали/);
  });

  it("says nothing when no one-order customer looks active, or without a prediction", () => {
    const r = withPrediction();
    r.prediction.single_order_buyers.likely_alive = 0;
    expect(reachLikelyReturners.apply(r)).toBeNull();
    expect(reachLikelyReturners.apply(studyResults())).toBeNull();
  });
});
