import { describe, expect, it } from "vitest";
import { joinList, quote, windowPhrase } from "./phrases.js";

describe("windowPhrase", () => {
  it("names a range of days after the first order", () => {
    expect(windowPhrase(3, 21, "en")).toBe("between day 3 and day 21 after the first order");
    expect(windowPhrase(3, 21, "ru")).toBe("с 3-го по 21-й день после первого заказа");
  });

  it("names a range that starts on the day of the first order", () => {
    expect(windowPhrase(0, 5, "en")).toBe("between the day of the first order and day 5 after it");
    expect(windowPhrase(0, 5, "ru")).toBe("со дня первого заказа по 5-й день после него");
  });

  it("names a single day", () => {
    expect(windowPhrase(4, 4, "en")).toBe("on day 4 after the first order");
    expect(windowPhrase(4, 4, "ru")).toBe("на 4-й день после первого заказа");
    expect(windowPhrase(0, 0, "en")).toBe("on the day of the first order");
    expect(windowPhrase(0, 0, "ru")).toBe("в день первого заказа");
  });
});

describe("quote and joinList", () => {
  it("cite data values plainly in English and in guillemets in Russian", () => {
    expect(quote("concerts", "en")).toBe("concerts");
    expect(quote("concerts", "ru")).toBe("«concerts»");
  });

  it("join lists with the locale's conjunction", () => {
    expect(joinList(["a", "b", "c"], "en")).toBe("a, b and c");
    expect(joinList(["а", "б", "в"], "ru")).toBe("а, б и в");
    expect(joinList(["a"], "en")).toBe("a");
  });
});
