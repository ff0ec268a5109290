import { describe, expect, it } from "vitest";
import { expectClose } from "../../test/fixtures/stats/read-fixture.js";
import { erf, erfc, erfcx } from "./erf.js";

// Values from Abramowitz & Stegun, table 7.1, and DLMF 7.2 (erfc(5), erfc(10)).
describe("erf, erfc, erfcx", () => {
  it("match tabulated values", () => {
    expectClose(erf(0.5), 0.5204998778130465, 1e-15, 0);
    expectClose(erf(1), 0.8427007929497149, 1e-15, 0);
    expectClose(erf(2), 0.9953222650189527, 1e-15, 0);
    expectClose(erfc(1), 0.15729920705028513, 1e-15, 0);
    expectClose(erfc(5), 1.5374597944280349e-12, 1e-15, 0);
    expectClose(erfc(10), 2.088487583762545e-45, 1e-15, 0);
    expectClose(erfcx(10), 0.05614099274382259, 1e-15, 0);
  });

  it("are odd / reflected around zero", () => {
    expect(erf(0)).toBe(0);
    expect(erfc(0)).toBe(1);
    expectClose(erf(-0.3), -erf(0.3), 1e-16, 0);
    expectClose(erfc(-2), 2 - erfc(2), 1e-16, 0);
    expect(erfc(30)).toBe(0);
  });
});
