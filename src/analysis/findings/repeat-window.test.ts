import { describe, expect, it } from "vitest";
import { studyResults } from "./fixture.test-helpers.js";
import { repeatWindow } from "./repeat-window.js";
import { plainSpaces } from "./text.test-helpers.js";

describe("repeat_window: always, when there are repeaters", () => {
  it("cites the window [p25, p75] of days to the second order and the median", () => {
    const s = repeatWindow.apply(studyResults());
    expect(s?.text).toBe(
      "Second orders are typically placed between day 3 and day 21 after the first order: this window holds half of all second orders (from the 25th to the 75th percentile of the days to a second order); the median is 9 days.",
    );
    expect(plainSpaces(s?.texts.ru ?? "")).toBe(
      "Второй заказ обычно делают с 3-го по 21-й день после первого заказа: на этот промежуток приходится половина вторых заказов (от 25-го до 75-го процентиля срока до второго заказа); медиана — 9 дней.",
    );
    expect(s?.figures).toEqual({ window_lo: 3, window_hi: 21, median_days: 9, repeaters: 600 });
  });

  it("reads naturally when the window starts on the day of the first order", () => {
    const r = studyResults();
    r.time_between_purchases.repeat_window.window = [0, 1];
    r.time_between_purchases.days_to_second_order.p50 = 1;
    expect(repeatWindow.apply(r)?.texts.ru).toBe(
      "Второй заказ обычно делают со дня первого заказа по 1-й день после него: на этот промежуток приходится половина вторых заказов (от 25-го до 75-го процентиля срока до второго заказа); медиана — 1 день.",
    );
  });

  it("is silent when there are no repeaters", () => {
    const r = studyResults();
    r.repeat.share_2plus = 0;
    r.time_between_purchases.days_to_second_order.users = 0;
    r.time_between_purchases.repeat_window = { p25: null, p75: null, window: null };
    expect(repeatWindow.apply(r)).toBeNull();
  });
});
