import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { csv, tempDir } from "./helpers.js";

/** Runs the CLI in-process (stderr not a terminal) and captures what it prints. */
async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

const ORDERS = csv(
  "user_id,order_id,order_ts,revenue,currency_code",
  "u1,1,2024-06-01 10:00,100,rub",
  "u1,2,2024-06-05 10:00,5000,KZT",
  "u2,3,2024-06-02 10:00,4000,kzt",
  "u3,4,2024-06-03 10:00,20,byn",
  "u3,5,2024-06-04 10:00,30,",
);
const RATES = csv("date,currency_code,nominal,rate", "2024-06-01,kzt,100,19.5");

async function analyze(withRates: boolean) {
  const dir = await tempDir();
  await writeFile(join(dir, "orders.csv"), ORDERS);
  await writeFile(join(dir, "rates.csv"), RATES);
  const rates = withRates ? ["--rates", join(dir, "rates.csv")] : [];
  return run(["analyze", "--orders", join(dir, "orders.csv"), ...rates, "--out", join(dir, "out")]);
}

describe("progress of analyze on stderr", () => {
  let withRates: Awaited<ReturnType<typeof run>>;
  let withoutRates: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    withRates = await analyze(true);
    withoutRates = await analyze(false);
  });

  it("says when a step starts, then how long it took", () => {
    const { code, err } = withRates;
    expect(code).toBe(0);
    const start = err.indexOf("  reading orders…");
    const end = err.findIndex((l) => /^ {2}reading orders: \d+\.\d\d s$/.test(l));
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBe(start + 1);
    expect(err).toContain("  writing the report…");
  });

  it("reads exchange rates only when there is a rates file", () => {
    expect(withRates.err).toContain("  reading exchange rates…");
    expect(withoutRates.err.join("\n")).not.toMatch(/exchange rates…|exchange rates:/);
  });

  it("warns, before checking the rows, of orders in other currencies when no rates are given", () => {
    const { code, err } = withoutRates;
    expect(code).toBe(0);
    const warning = err.findIndex((l) => l.startsWith("warning: "));
    expect(err[warning]).toBe(
      "warning: 3 order rows are not in roubles (2 in kzt, 1 in byn) and no exchange rates " +
        "were given: they will be rejected as unknown_currency. Give exchange rates (--rates) " +
        "to convert them",
    );
    expect(warning).toBeLessThan(err.indexOf("  checking every row…"));
    expect(err.filter((l) => l.startsWith("warning: "))).toHaveLength(1);
  });

  it("gives no such warning when the rates are given", () => {
    expect(withRates.err.join("\n")).not.toMatch(/warning/);
  });
});
