import { describe, expect, it } from "vitest";
import { predictionFixture } from "../prediction-fixture.test-helpers.js";
import { expectedOrders } from "./expected-orders.js";
import { studyResults } from "./fixture.test-helpers.js";
import { plainSpaces } from "./text.test-helpers.js";

const withPrediction = () => ({ ...studyResults(), prediction: predictionFixture() });

describe("expected_orders: the forecast, 5+ against 1, and its check", () => {
  it("cites the expected orders per segment and the holdout check", () => {
    const s = expectedOrders.apply(withPrediction());
    expect(s?.text).toBe(
      "In the next 90 days the customers are expected to place 1,234 orders: 4.00 per customer with 5 or more orders against 0.21 per one-order customer (MBG/NBD model). Check: fitted on the orders up to 2024-08-02, the model predicted 1,198 orders for the next 90 days; the customers placed 1,150 (+4.2%).",
    );
    expect(plainSpaces(s?.texts.ru ?? "")).toBe(
      "За 90 дней после конца данных покупатели, по прогнозу, сделают 1 234 заказа: 4,00 на покупателя с 5 и более заказами против 0,21 на покупателя с одним заказом (модель MBG/NBD). Проверка: по заказам до 2024-08-02 модель предсказала на 90 дней после этой даты 1 198 заказов, на деле покупатели сделали 1 150 (+4,2 %).",
    );
    expect(s?.figures).toMatchObject({
      horizon_days: 90,
      expected_orders: 1234.4,
      expected_orders_per_user_5plus: 4,
      expected_orders_per_user_1: 0.21,
      holdout_actual: 1150,
      model: "MBG/NBD",
    });
  });

  it("leaves the check out without a holdout, and says nothing without a prediction", () => {
    const r = withPrediction();
    r.prediction.holdout = null;
    expect(expectedOrders.apply(r)?.text).not.toContain("Check:");
    expect(expectedOrders.apply(studyResults())).toBeNull();
  });
});
