import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectClose } from "../../../test/fixtures/stats/read-fixture.js";
import { hyp2f1, hyp2f1Log } from "./hyp2f1.js";

interface Case {
  kind: string;
  a: number;
  b: number;
  c: number;
  z: number;
  value: number | string;
  log?: number;
  source: string;
}

// fixtures/make-hyp2f1-fixture.py: scipy 1.10.1 `scipy.special.hyp2f1`, each value checked
// against Gauss's series in 50-digit decimals; where scipy 1.10.1 is wrong (inf, NaN or a
// few digits only, for large a or c) the 50-digit series is the reference.
const { cases } = JSON.parse(
  readFileSync(new URL("./fixtures/hyp2f1.json", import.meta.url), "utf8"),
) as { cases: Case[] };

describe("hyp2f1", () => {
  it("matches scipy 1.10.1 to 1e-12 relative on z from −1000 to 1", () => {
    const finite = cases.filter((c) => typeof c.value === "number");
    expect(finite.length).toBeGreaterThan(240);
    for (const { a, b, c, z, value } of finite)
      expectClose(hyp2f1(a, b, c, z), Number(value), 1e-12);
  });

  it("is right to 1e-12 where scipy 1.10.1 is not (inf, NaN or lost digits for large a or c)", () => {
    const rescued = cases.filter((c) => c.source === "decimal series" && c.kind !== "overflow");
    expect(rescued).toHaveLength(27);
    for (const { a, b, c, z, value } of rescued)
      expectClose(hyp2f1(a, b, c, z), Number(value), 1e-12);
  });

  it("returns the logarithm of values beyond a double", () => {
    const huge = cases.filter((c) => c.kind === "overflow");
    expect(huge).toHaveLength(2);
    for (const { a, b, c, z, log } of huge) {
      expect(hyp2f1Log(a, b, c, z).sign).toBe(1);
      expectClose(hyp2f1Log(a, b, c, z).log, log ?? Number.NaN, 1e-13);
    }
    expect(hyp2f1(1000.243, 1002.426, 1002.219, 0.9)).toBe(Number.POSITIVE_INFINITY);
  });

  // Closed forms: −ln(1−z)/z, 2(−ln(1−z) − z)/z², 2((1−z)ln(1−z) + z)/z² and (1−z)^(−a).
  it("keeps its digits within 1e-15 of z = 1 and with integer c − a − b", () => {
    for (const distance of [0.3, 1e-3, 1e-8, 1e-15]) {
      const z = 1 - distance;
      const d = 1 - z; // exact, unlike `distance`
      const log1mz = Math.log(d);
      expectClose(hyp2f1(1, 1, 2, z), -log1mz / z, 1e-13);
      expectClose(hyp2f1(1, 2, 3, z), (2 * (-log1mz - z)) / (z * z), 1e-13);
      expectClose(hyp2f1(1, 1, 3, z), (2 * (d * log1mz + z)) / (z * z), 1e-13);
      expectClose(hyp2f1(2.5, 0.7, 0.7, z), d ** -2.5, 1e-13);
    }
  });

  it("tends to Gauss's sum Γ(c)Γ(c−a−b)/(Γ(c−a)Γ(c−b)) at z = 1", () => {
    // Γ(2.5)Γ(1.3)/(Γ(2)Γ(1.8)), with Γ(2.5) = 3√π/4.
    const gauss = ((3 * Math.sqrt(Math.PI)) / 4) * (0.8974706963062772 / 0.9313837709802427);
    expectClose(hyp2f1(0.5, 0.7, 2.5, 1), gauss, 1e-13);
    expectClose(hyp2f1(0.5, 0.7, 2.5, 1 - 1e-14), gauss, 1e-8);
    expect(hyp2f1(1, 1, 2, 1)).toBe(Number.POSITIVE_INFINITY);
  });

  it("is a polynomial when a or b is a non-positive integer, for any z", () => {
    // 2F1(−2, b; c; z) = 1 − 2bz/c + b(b+1)z²/(c(c+1)).
    const [b, c, z] = [1.5, 2.5, -40];
    expectClose(
      hyp2f1(-2, b, c, z),
      1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1)),
      1e-14,
    );
  });

  it("is 1 at z = 0 and NaN off its domain", () => {
    expect(hyp2f1(3, 4, 5, 0)).toBe(1);
    expect(hyp2f1(1, 1, 2, 1.5)).toBeNaN();
    expect(hyp2f1(1, 1, -2, 0.5)).toBeNaN();
    expect(hyp2f1(Number.NaN, 1, 2, 0.5)).toBeNaN();
  });
});
