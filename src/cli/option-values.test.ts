import { describe, expect, it } from "vitest";
import type { EncoreError } from "../errors.js";
import { decimal, integer, keyword } from "./option-values.js";

/** The error a check throws, as the CLI prints it. */
function lineOf(check: () => unknown): string {
  try {
    check();
  } catch (error) {
    return (error as EncoreError).toLine();
  }
  throw new Error("accepted");
}

describe("option values", () => {
  it("keyword takes one of the allowed words and names them otherwise", () => {
    expect(keyword("weeks", "--time-unit", ["days", "weeks"])).toBe("weeks");
    expect(lineOf(() => keyword("months", "--time-unit", ["days", "weeks"]))).toBe(
      "encore: invalid --time-unit: months. Use days or weeks",
    );
    expect(lineOf(() => keyword("x", "--source", ["files", "postgres", "clickhouse"]))).toBe(
      "encore: invalid --source: x. Use files, postgres or clickhouse",
    );
  });

  it("integer takes whole numbers within the bounds only", () => {
    expect(integer("90", "--horizon-days", { min: 1, max: 3650 })).toBe(90);
    expect(lineOf(() => integer("0", "--horizon-days", { min: 1, max: 3650 }))).toBe(
      "encore: invalid --horizon-days: 0. Give a whole number from 1 to 3650",
    );
    expect(lineOf(() => integer("2.5", "--users", { min: 1 }))).toBe(
      "encore: invalid --users: 2.5. Give a whole number ≥ 1",
    );
    expect(lineOf(() => integer("", "--seed"))).toBe(
      "encore: invalid --seed: . Give a whole number",
    );
  });

  it("decimal takes finite numbers within the bounds only", () => {
    expect(decimal("0.01", "--rate", { min: 0, max: 1 })).toBe(0.01);
    expect(lineOf(() => decimal("1e3", "--rate", { min: 0, max: 1 }))).toBe(
      "encore: invalid --rate: 1e3. Give a number from 0 to 1",
    );
    expect(lineOf(() => decimal("NaN", "--rate"))).toBe(
      "encore: invalid --rate: NaN. Give a number",
    );
  });
});
