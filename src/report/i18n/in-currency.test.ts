import { describe, expect, it } from "vitest";
import { reportContext } from "../context.js";

describe("the report's texts in another currency", () => {
  it("labels amounts and names the currency in dollars, in both languages", () => {
    const en = reportContext("en", "usd");
    expect(en.t.revenueRub).toBe("Revenue, $");
    expect(en.t.revenueText).toContain("in US dollars");
    expect(en.t.modelParamsText(false)).toContain("γ in US dollars");
    expect(en.f.money(4583)).toBe("$4,583");
    const ru = reportContext("ru", "usd");
    expect(ru.t.axisAvgCheck).toBe("Средний чек, $");
    expect(ru.t.revenueText).toContain("в долларах США");
    expect(ru.t.currencyText).toContain("переведена в доллары США");
    expect(JSON.stringify(ru.t.definitions)).not.toMatch(/₽|рубл/);
  });

  it("keeps the roubles of the catalogues when the currency is roubles or unstated", () => {
    expect(reportContext("en").t.revenueRub).toBe("Revenue, ₽");
    expect(reportContext("ru", "rub").t.revenueText).toContain("в рублях");
  });
});
