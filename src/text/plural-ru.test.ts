import { describe, expect, it } from "vitest";
import { pluralRu, RU_FORMS } from "./plural-ru.js";

const DAY = RU_FORMS.day;

describe("pluralRu", () => {
  it("takes the first form after 1, 21, 101 but not 11", () => {
    expect([1, 21, 101, 11].map((n) => pluralRu(n, DAY))).toEqual(["день", "день", "день", "дней"]);
  });

  it("takes the second form after 2–4, 22–24 but not 12–14", () => {
    expect([2, 3, 4, 22, 34, 12, 13, 14].map((n) => pluralRu(n, DAY))).toEqual([
      "дня",
      "дня",
      "дня",
      "дня",
      "дня",
      "дней",
      "дней",
      "дней",
    ]);
  });

  it("takes the third form after 0, 5–20, 25, 111", () => {
    expect([0, 5, 9, 20, 25, 111].map((n) => pluralRu(n, DAY))).toEqual(Array(6).fill("дней"));
  });

  it("takes the second form after a fraction", () => {
    expect(pluralRu(2.5, DAY)).toBe("дня");
    expect(pluralRu(1.5, ["билет", "билета", "билетов"])).toBe("билета");
  });

  it("puts a verb after a count of customers in the singular after 1 and 21, not 11", () => {
    const phrase = (n: number) =>
      `${n} ${pluralRu(n, RU_FORMS.customer)} ${pluralRu(n, RU_FORMS.willMake)}`;
    expect([1, 21, 11, 3].map(phrase)).toEqual([
      "1 покупатель сделает",
      "21 покупатель сделает",
      "11 покупателей сделают",
      "3 покупателя сделают",
    ]);
  });
});
