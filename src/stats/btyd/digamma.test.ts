import { describe, expect, it } from "vitest";
import { expectClose } from "../../../test/fixtures/stats/read-fixture.js";
import { digamma } from "./digamma.js";

// scipy 1.10.1, scipy.special.digamma.
const SCIPY: [number, number][] = [
  [1e-3, -1000.5755719318103],
  [0.5, -1.9635100260214235],
  [1, -0.5772156649015329],
  [2.5, 0.7031566406452432],
  [7.25, 1.9104535268837362],
  [10, 2.251752589066721],
  [123.4, 4.8113737751162775],
  [1e6, 13.81551005796419],
  [-0.5, 0.03648997397857651],
  [-2.75, -1.9590552649779958],
];

describe("digamma", () => {
  it("matches scipy 1.10.1 to 1e-14 relative", () => {
    for (const [x, value] of SCIPY) expectClose(digamma(x), value, 1e-14);
  });

  it("is 0 at its positive root 1.4616… and NaN at the poles", () => {
    expectClose(digamma(1.4616321449683622), 0, 0, 1e-15);
    expect(digamma(0)).toBeNaN();
    expect(digamma(-3)).toBeNaN();
  });
});
