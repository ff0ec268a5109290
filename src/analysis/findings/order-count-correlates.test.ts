import { describe, expect, it } from "vitest";
import { studyResults } from "./fixture.test-helpers.js";
import { orderCountCorrelates } from "./order-count-correlates.js";
import { plainSpaces } from "./text.test-helpers.js";

describe("order_count_correlates: the top 3 features by |φK| with total_orders", () => {
  it("cites the three strongest, skipping undefined φK", () => {
    const s = orderCountCorrelates.apply(studyResults());
    expect(s?.text).toBe(
      "The number of orders goes most closely with (by φK; an association, not a cause): total revenue (0.91), total tickets (0.88) and average interval between orders (0.45).",
    );
    expect(plainSpaces(s?.texts.ru ?? "")).toBe(
      "Сильнее всего с числом заказов связаны (по коэффициенту φK; это связь, а не причина): общая выручка (0,91), общее число билетов (0,88) и средний интервал между заказами (0,45).",
    );
    expect(s?.figures).toEqual({
      feature_1: "total_revenue_rub",
      phik_1: 0.91,
      feature_2: "total_tickets",
      phik_2: 0.88,
      feature_3: "avg_days_since_prev",
      phik_3: 0.452,
    });
  });

  it("is silent when correlation was not computed", () => {
    const r = studyResults();
    r.correlation = null;
    expect(orderCountCorrelates.apply(r)).toBeNull();
  });

  it("is silent when no φK is defined", () => {
    const r = studyResults();
    for (const row of r.correlation?.phik.with_total_orders ?? []) row.phik = null;
    expect(orderCountCorrelates.apply(r)).toBeNull();
  });
});
