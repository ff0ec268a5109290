import { describe, expect, it } from "vitest";
import { editDistance, nearest } from "./nearest.js";

describe("editDistance", () => {
  it("counts inserts, deletes, substitutions and swaps of neighbours as one edit each", () => {
    expect(editDistance("orders", "orders")).toBe(0);
    expect(editDistance("ordrs", "orders")).toBe(1);
    expect(editDistance("analyse", "analyze")).toBe(1);
    expect(editDistance("ordres", "orders")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });
});

describe("nearest", () => {
  const flags = ["--orders", "--out", "--rates", "--lang"];
  it("finds the flag a typo was meant to be", () => {
    expect(nearest("--ordrs", flags)).toBe("--orders");
    expect(nearest("--ouy", flags)).toBe("--out");
    expect(nearest("--RATES", flags)).toBe("--rates");
  });
  it("suggests nothing for a word far from all of them", () => {
    expect(nearest("--horizon", flags)).toBeUndefined();
    expect(nearest("xyz", ["analyze", "report"])).toBeUndefined();
  });
});
