import { describe, expect, it } from "vitest";
import { studyResults } from "./fixture.test-helpers.js";
import { shareOfRepeaters } from "./share-of-repeaters.js";
import { plainSpaces } from "./text.test-helpers.js";

describe("share_of_repeaters: always, the shares with 2+ and 5+ orders", () => {
  it("cites both shares and the counts behind them", () => {
    const s = shareOfRepeaters.apply(studyResults());
    expect(s?.text).toBe(
      "60.0% of customers made 2 or more orders and 15.0% made 5 or more (600 and 150 of 1,000 customers).",
    );
    expect(plainSpaces(s?.texts.ru ?? "")).toBe(
      "60,0 % покупателей сделали 2 и более заказа, 15,0 % — 5 и более заказов (600 и 150 из 1 000 покупателей).",
    );
    expect(s?.figures).toEqual({
      share_2plus: 0.6,
      share_5plus: 0.15,
      users_2plus: 600,
      users_5plus: 150,
      users: 1000,
    });
  });

  it("uses the genitive singular after a total ending in 1", () => {
    const r = studyResults();
    r.repeat.segments["1"].users = 421;
    expect(shareOfRepeaters.apply(r)?.texts.ru).toContain("из 1\u00a0021 покупателя)");
  });

  it("is silent when there are no customers", () => {
    const r = studyResults();
    r.repeat.share_2plus = null;
    r.repeat.share_5plus = null;
    for (const s of ["1", "2-4", "5+"] as const) r.repeat.segments[s].users = 0;
    expect(shareOfRepeaters.apply(r)).toBeNull();
  });
});
