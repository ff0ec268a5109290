import { describe, expect, it } from "vitest";
import { studyResults } from "./fixture.test-helpers.js";
import { remindInWindow } from "./remind-in-window.js";
import { plainSpaces } from "./text.test-helpers.js";

describe("remind_in_repeat_window: always, when there are repeaters", () => {
  it("points the reminder at the repeat window", () => {
    const s = remindInWindow.apply(studyResults());
    expect(s?.text).toBe(
      "Stimulate the second purchase inside the repeat window: send a reminder or a personal offer between day 3 and day 21 after the first order, when half of all second orders are placed (25th to 75th percentile; median 9 days).",
    );
    expect(plainSpaces(s?.texts.ru ?? "")).toBe(
      "Стимулируйте второй заказ в окне повторной покупки: отправляйте напоминание или персональное предложение с 3-го по 21-й день после первого заказа — на этот срок приходится половина вторых заказов (от 25-го до 75-го процентиля; медиана — 9 дней).",
    );
    expect(s?.figures).toEqual({ window_lo: 3, window_hi: 21, median_days: 9 });
  });

  it("is silent when there are no repeaters", () => {
    const r = studyResults();
    r.repeat.share_2plus = 0;
    r.time_between_purchases.days_to_second_order.users = 0;
    r.time_between_purchases.repeat_window = { p25: null, p75: null, window: null };
    expect(remindInWindow.apply(r)).toBeNull();
  });
});
