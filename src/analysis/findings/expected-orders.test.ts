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
      "In the 90 days after 31 October 2024, the end of the data, the 1,000 customers of the study are expected to place 1,234 orders: 4.00 per customer with 5 or more orders against 0.21 per one-order customer (MBG/NBD model). Check on the same kind of customers: fitted on the orders up to 2 August 2024, the model predicted 1,198 orders in the next 90 days for the 800 customers who had bought by then and whom the order-count filter keeps; they placed 1,150 (+4.2%).",
    );
    expect(plainSpaces(s?.texts.ru ?? "")).toBe(
      "По прогнозу, за 90 дней после 31 октября 2024 г. (конец данных) 1 000 покупателей исследования сделают 1 234 заказа: 4,00 на покупателя с 5 и более заказами против 0,21 на покупателя с одним заказом (модель MBG/NBD). Проверка на таких же покупателях: по заказам по 2 августа 2024 г. модель предсказала на 90 дней после этой даты 1 198 заказов для 800 покупателей, купивших до неё, которых оставил бы фильтр по числу заказов; на деле они сделали 1 150 (+4,2 %).",
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

  it("leaves the filter out of the check when the filter is off", () => {
    const r = withPrediction();
    if (r.prediction.holdout) r.prediction.holdout.max_orders = null;
    expect(expectedOrders.apply(r)?.text).toContain(
      "for the 800 customers who had bought by then; they placed",
    );
  });

  it("leaves the check out without a holdout, and says nothing without a prediction", () => {
    const r = withPrediction();
    r.prediction.holdout = null;
    expect(expectedOrders.apply(r)?.text).not.toContain("Check");
    expect(expectedOrders.apply(studyResults())).toBeNull();
  });
});
