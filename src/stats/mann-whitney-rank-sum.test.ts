import { expect, it } from "vitest";
import { mannWhitneyFromRankSum, mannWhitneyUFromTies } from "./mann-whitney.js";

it("gives the tie-group result from the rank sums a database computes", () => {
  // values 1,1,2,3,3,3 (x) and 2,3,4,4 (y): groups by value 1..4
  const groups = [
    { n1: 2, n2: 0 },
    { n1: 1, n2: 1 },
    { n1: 3, n2: 1 },
    { n1: 0, n2: 2 },
  ];
  // mid-ranks: value 1 → 1.5, value 2 → 3.5, value 3 → 6.5, value 4 → 9.5
  const rankSum1 = 2 * 1.5 + 1 * 3.5 + 3 * 6.5;
  const tieTerm = 1 * 2 * 3 + 1 * 2 * 3 + 3 * 4 * 5 + 1 * 2 * 3;
  expect(mannWhitneyFromRankSum({ n1: 6, n2: 4, rankSum1, tieTerm })).toEqual(
    mannWhitneyUFromTies(groups),
  );
});
