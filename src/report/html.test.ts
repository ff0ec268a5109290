import { describe, expect, it } from "vitest";
import { typeset } from "./html.js";

const show = (text: string) => text.replace(/\u00a0/g, "~").replace(/\u2060/g, "^");

describe("typeset: numbers do not break away from what they count", () => {
  it("keeps a range together with its dash", () => {
    expect(show(typeset("с 2–4 заказами, с 1–10-й день"))).toBe(
      "с 2^–^4~заказами, с 1^–^10-й день",
    );
  });

  it("keeps a number with the word or sign after it, not with a dash", () => {
    expect(show(typeset("19\u00a0845 покупателей, 90 days, 4 583 ₽ — 5 and 12 — x"))).toBe(
      "19~845~покупателей, 90~days, 4 583~₽ — 5~and 12 — x",
    );
  });

  it("leaves the breaks around signs and brackets as they are", () => {
    expect(show(typeset("read 3 033 = accepted 2 999 + rejected 34 (1%)"))).toBe(
      "read 3 033 = accepted 2 999 + rejected 34 (1%)",
    );
  });

  it("keeps a test's symbol with its value", () => {
    expect(show(typeset("(Mann–Whitney, p < 0.001; q = 0,012)"))).toBe(
      "(Mann–Whitney, p~<~0.001; q~=~0,012)",
    );
  });
});
