import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RejectReason } from "../src/prepare/reasons.js";
import { analyzeCsv, csv } from "./helpers.js";

/**
 * Random dirty inputs drawn from pools of values whose fate is known by hand. An independent
 * oracle, written from ANALYSIS.md §2 and §11 alone, says what must happen to each row; the
 * ledger must balance and agree with it row by row.
 */
const POOLS = {
  user_id: ["u1", "u2", " u3 ", "", "  "],
  order_id: ["1", "2", "3", " 2", "", "10"],
  // [text, date the order falls on or null when invalid]
  order_ts: [
    ["2024-06-01 10:00:00", "2024-06-01"],
    ["2024-06-08T11:30", "2024-06-08"],
    ["2024-06-02", "2024-06-02"],
    ["", "fallback"],
    ["2024-02-30", null],
    ["x", null],
    ["2024-06-01 10:00+03", null],
  ],
  order_dt: [
    ["", null],
    ["2024-06-09", "2024-06-09"],
    ["bad", null],
  ],
  revenue: [
    ["100", true],
    ["0", true],
    ["1e2", true],
    ["-1", false],
    ["abc", false],
    ["", false],
  ],
  tickets_count: [
    ["", true],
    ["1", true],
    ["2.0", true],
    ["0", false],
    ["1.5", false],
  ],
  currency_code: ["rub", "", "KZT", "usd", " kzt", " RUB "],
  device_type_canonical: ["mobile", "", " desktop"],
} as const;

const HEADER =
  "user_id,order_id,order_ts,order_dt,revenue,currency_code,tickets_count,device_type_canonical";
const RATES = csv("date,currency_code,nominal,rate", "2024-06-03,kzt,100,20");

type Pick = readonly [number, number, number, number, number, number, number, number];

function lineOf(p: Pick): string {
  return [
    POOLS.user_id[p[0]],
    POOLS.order_id[p[1]],
    POOLS.order_ts[p[2]]?.[0],
    POOLS.order_dt[p[3]]?.[0],
    POOLS.revenue[p[4]]?.[0],
    POOLS.currency_code[p[5]],
    POOLS.tickets_count[p[6]]?.[0],
    POOLS.device_type_canonical[p[7]],
  ].join(",");
}

/** The reason of every row by the rules of §2 / §11, or null when accepted. */
function oracle(picks: readonly Pick[]): (RejectReason | null)[] {
  const local = picks.map((p): RejectReason | null => {
    if (POOLS.user_id[p[0]]?.trim() === "") return "missing_user_id";
    if (POOLS.order_id[p[1]]?.trim() === "") return "missing_order_id";
    const ts = POOLS.order_ts[p[2]]?.[1];
    const date = ts === "fallback" ? POOLS.order_dt[p[3]]?.[1] : ts;
    if (!date) return "bad_timestamp";
    if (!POOLS.revenue[p[4]]?.[1]) return "bad_revenue";
    if (!POOLS.tickets_count[p[6]]?.[1]) return "bad_tickets_count";
    const currency = POOLS.currency_code[p[5]]?.trim().toLowerCase() || "rub";
    if (currency === "usd") return "unknown_currency";
    if (currency === "kzt" && date < "2024-06-03") return "no_exchange_rate";
    return null;
  });
  const seen = new Set<string>();
  const afterDuplicates = picks.map((p, i) => {
    if (local[i]) return local[i];
    const line = lineOf(p);
    if (seen.has(line)) return "duplicate_row";
    seen.add(line);
    return null;
  });
  const perOrder = new Map<string, number>();
  picks.forEach((p, i) => {
    if (afterDuplicates[i]) return;
    const id = String(POOLS.order_id[p[1]]).trim();
    perOrder.set(id, (perOrder.get(id) ?? 0) + 1);
  });
  return picks.map((p, i) => {
    const reason = afterDuplicates[i] ?? null;
    if (reason) return reason;
    return (perOrder.get(String(POOLS.order_id[p[1]]).trim()) ?? 0) > 1
      ? "conflicting_order_id"
      : null;
  });
}

const pick = fc.tuple(
  fc.nat(POOLS.user_id.length - 1),
  fc.nat(POOLS.order_id.length - 1),
  fc.nat(POOLS.order_ts.length - 1),
  fc.nat(POOLS.order_dt.length - 1),
  fc.nat(POOLS.revenue.length - 1),
  fc.nat(POOLS.currency_code.length - 1),
  fc.nat(POOLS.tickets_count.length - 1),
  fc.nat(POOLS.device_type_canonical.length - 1),
);

describe("the ledger (ANALYSIS.md §2)", () => {
  it("balances and agrees with an independent oracle on random dirty inputs", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(pick, { minLength: 1, maxLength: 40 }), async (picks) => {
        // A valid anchor row keeps at least one user, whatever the draw.
        const all: Pick[] = [[0, 5, 0, 0, 0, 0, 0, 0], ...picks];
        const { results, rejects, users } = await analyzeCsv(
          csv(HEADER, ...all.map(lineOf)),
          RATES,
        );
        const expected = oracle(all);
        const l = results.ledger;
        const rejected = Object.values(l.rows_rejected).reduce((a, b) => a + b, 0);
        expect(l.rows_read).toBe(all.length);
        expect(l.rows_accepted + rejected).toBe(l.rows_read);
        expect(rejects.map((r) => [Number(r.row_number), r.reason])).toEqual(
          expected.flatMap((reason, i) => (reason ? [[i + 1, reason]] : [])),
        );
        const orders = users.reduce((s, u) => s + Number(u.total_orders), 0);
        expect(orders).toBe(l.rows_accepted);
      }),
      { numRuns: 30, seed: 20240601 },
    );
  }, 120_000);
});
