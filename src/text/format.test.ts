import { describe, expect, it } from "vitest";
import { CURRENCIES } from "../model/currencies.js";
import {
  digitsToDistinguish,
  formatCount,
  formatDate,
  formatDays,
  formatDecimal,
  formatMoney,
  formatP,
  formatPercent,
  formatSignedPercent,
} from "./format.js";

// ru-RU separates thousands and the percent sign with a no-break space, as Intl produces it.
const NB = "\u00a0";

describe("formatPercent", () => {
  it("shows a share with one decimal in the locale's style", () => {
    expect(formatPercent(0.5894, "en")).toBe("58.9%");
    expect(formatPercent(0.5894, "ru")).toBe(`58,9${NB}%`);
    expect(formatPercent(1, "en")).toBe("100.0%");
  });
});

describe("formatSignedPercent", () => {
  it("signs a change with + or a true minus, and none for no change", () => {
    expect(formatSignedPercent(0.248, "en")).toBe("+24.8%");
    expect(formatSignedPercent(-0.031, "en")).toBe("−3.1%");
    expect(formatSignedPercent(-0.4, "ru", 0)).toBe(`−40${NB}%`);
    expect(formatSignedPercent(0, "en")).toBe("0.0%");
  });
});

describe("formatMoney", () => {
  it("shows whole roubles with thousands separators and the sign after a no-break space", () => {
    expect(formatMoney(4583.4, "en")).toBe(`4,583${NB}₽`);
    expect(formatMoney(4583.4, "ru")).toBe(`4${NB}583${NB}₽`);
    expect(formatMoney(1_234_567.5, "ru")).toBe(`1${NB}234${NB}568${NB}₽`);
    expect(formatMoney(950, "en")).toBe(`950${NB}₽`);
  });

  it("writes another currency's sign: before the number in English where it goes there", () => {
    expect(formatMoney(4583.4, "en", CURRENCIES.usd)).toBe("$4,583");
    expect(formatMoney(4583.4, "ru", CURRENCIES.usd)).toBe(`4${NB}583${NB}$`);
    expect(formatMoney(950, "en", CURRENCIES.kzt)).toBe(`950${NB}₸`);
  });
});

describe("formatDate", () => {
  it("writes a date as running text does, never as ISO", () => {
    expect(formatDate("2024-09-11", "en")).toBe("11 September 2024");
    expect(formatDate("2024-09-11", "ru")).toBe("11 сентября 2024 г.");
    expect(formatDate("1997-01-01", "ru")).toBe("1 января 1997 г.");
  });
});

describe("formatCount and formatDecimal", () => {
  it("group thousands and use the locale's decimal sign", () => {
    expect(formatCount(12345, "en")).toBe("12,345");
    expect(formatCount(12345, "ru")).toBe(`12${NB}345`);
    expect(formatDecimal(1.1667, 2, "en")).toBe("1.17");
    expect(formatDecimal(1.1667, 2, "ru")).toBe("1,17");
  });
});

describe("formatP", () => {
  it("shows values below 0.001 as a bound", () => {
    expect(formatP(0.00002, "en")).toBe("p < 0.001");
    expect(formatP(0.00002, "ru")).toBe("p < 0,001");
  });

  it("shows other values with three decimals, under the given symbol", () => {
    expect(formatP(0.0123, "en")).toBe("p = 0.012");
    expect(formatP(0.0123, "ru", "q")).toBe("q = 0,012");
    expect(formatP(0.2, "en")).toBe("p = 0.200");
  });

  it("keeps a value just below 0.05 from reading as 0.050", () => {
    expect(formatP(0.0496, "en")).toBe("p = 0.0496");
    expect(formatP(0.0504, "en")).toBe("p = 0.050");
  });
});

describe("formatDays", () => {
  it("shows whole days with the English plural", () => {
    expect(formatDays(1, "en")).toBe("1 day");
    expect(formatDays(8.6, "en")).toBe("9 days");
    expect(formatDays(0, "en")).toBe("0 days");
  });

  it("shows whole days with the Russian plural forms", () => {
    expect([1, 3, 9, 11, 21, 22].map((d) => formatDays(d, "ru"))).toEqual([
      "1 день",
      "3 дня",
      "9 дней",
      "11 дней",
      "21 день",
      "22 дня",
    ]);
  });

  it("shows a decimal when asked, with the form a fraction takes", () => {
    expect(formatDays(12.44, "ru", 1)).toBe("12,4 дня");
    expect(formatDays(12.44, "en", 1)).toBe("12.4 days");
    expect(formatDays(1, "ru", 1)).toBe("1,0 дня");
    expect(formatDays(1, "en", 1)).toBe("1.0 days");
    expect(formatDays(16, "ru", 1)).toBe("16,0 дня");
  });
});

describe("digitsToDistinguish", () => {
  it("asks for a decimal only when whole numbers would look equal", () => {
    expect(digitsToDistinguish(12, 35)).toBe(0);
    expect(digitsToDistinguish(3.4, 3.2)).toBe(1);
  });
});
