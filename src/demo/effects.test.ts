import { describe, expect, it } from "vitest";
import { COL } from "./demo-row.js";
import { generateDemo } from "./generate.js";
import { DEMO_TRUTH, type TruthEntry } from "./truth.js";

/**
 * The headline figures and planted effects, measured in the raw rows of the default demo
 * (about 22,000 users) the way ANALYSIS.md §3–§4 define them, before any filter.
 */
const DIMENSION_COL = {
  first_event_type: COL.eventType,
  first_device: COL.device,
  first_region: COL.region,
  first_city: COL.city,
  first_service: COL.service,
} as const;

interface User {
  first: string[];
  firstKey: string;
  orders: number;
}

const sortKey = (cells: readonly string[]): string =>
  `${(cells[COL.orderTs] ?? "").trim().replace("T", " ") || `${cells[COL.orderDt]} 00:00:00`}|${cells[COL.orderId]}`;

const demo = generateDemo();
const good = [...demo.rows].filter((r) => r.expect === "accepted").map((r) => r.cells);
const users = new Map<string, User>();
for (const cells of good) {
  const id = cells[COL.userId] ?? "";
  const key = sortKey(cells);
  const user = users.get(id);
  if (user === undefined) users.set(id, { first: cells, firstKey: key, orders: 1 });
  else {
    user.orders++;
    if (key < user.firstKey) Object.assign(user, { first: cells, firstKey: key });
  }
}
const all = [...users.values()];
const share = (n: number) => n / all.length;
const value = (u: User, e: TruthEntry) => (u.first[DIMENSION_COL[e.dimension]] ?? "").trim();

/** Two-proportion z (pooled variance) of the repeat rate of users with value v against all others. */
function zOf(entry: TruthEntry): { z: number; users: number } {
  const inGroup = all.filter((u) => value(u, entry) === entry.value);
  const repeat = (us: User[]) => us.filter((u) => u.orders >= 2).length;
  const n1 = inGroup.length;
  const n2 = all.length - n1;
  const x1 = repeat(inGroup);
  const x2 = repeat(all) - x1;
  const p = (x1 + x2) / (n1 + n2);
  return { z: (x1 / n1 - x2 / n2) / Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2)), users: n1 };
}

describe("the default demo resembles the original study", () => {
  it("has about 22,000 users and 290,000 orders", () => {
    expect(all.length).toBe(22_000);
    expect(good.length).toBeGreaterThan(250_000);
    expect(good.length).toBeLessThan(340_000);
  });

  it("has about 60% of users with 2+ orders", () => {
    expect(share(all.filter((u) => u.orders >= 2).length)).toBeGreaterThan(0.56);
    expect(share(all.filter((u) => u.orders >= 2).length)).toBeLessThan(0.66);
  });

  it("has concerts as the most common first event type and mobile on about 80% of first orders", () => {
    const counts = new Map<string, number>();
    for (const u of all) {
      const e = (u.first[COL.eventType] ?? "").trim();
      counts.set(e, (counts.get(e) ?? 0) + 1);
    }
    expect([...counts].sort((a, b) => b[1] - a[1])[0]?.[0]).toBe("concerts");
    const mobile = share(all.filter((u) => u.first[COL.device]?.trim() === "mobile").length);
    expect(mobile).toBeGreaterThan(0.77);
    expect(mobile).toBeLessThan(0.83);
  });

  it("has about 2% of orders in tenge", () => {
    const kzt =
      good.filter((c) => c[COL.currency]?.trim().toLowerCase() === "kzt").length / good.length;
    expect(kzt).toBeGreaterThan(0.015);
    expect(kzt).toBeLessThan(0.025);
  });

  it("has about 80 regions and 30 operators", () => {
    expect(new Set(good.map((c) => c[COL.region]?.trim())).size).toBeGreaterThan(75);
    expect(new Set(good.map((c) => c[COL.service]?.trim())).size).toBeGreaterThan(28);
  });

  it("has a small share of heavy resellers with hundreds of orders", () => {
    const heavy = share(all.filter((u) => u.orders >= 200).length);
    expect(heavy).toBeGreaterThan(0.004);
    expect(heavy).toBeLessThan(0.012);
  });

  it("has a small median of days_since_prev", () => {
    const days = good
      .map((c) => c[COL.daysSincePrev] ?? "")
      .filter((d) => d !== "")
      .map(Number)
      .sort((a, b) => a - b);
    expect(days[Math.floor(days.length / 2)]).toBeLessThanOrEqual(7);
  });
});

describe("the planted effects (truth.ts) show in the raw data", () => {
  it.each(DEMO_TRUTH.boosted)(
    "boosted $dimension = $value: ≥ 3% of users, z > 3.29 (p < 0.001)",
    (e) => {
      const { z, users: n } = zOf(e);
      expect(share(n)).toBeGreaterThanOrEqual(0.03);
      expect(z).toBeGreaterThan(5);
    },
  );

  it.each(DEMO_TRUTH.lowered)("lowered $dimension = $value: z < −3.29", (e) => {
    expect(zOf(e).z).toBeLessThan(-3.29);
  });

  it("first_device has no effect", () => {
    expect(Math.abs(zOf({ dimension: "first_device", value: "mobile" }).z)).toBeLessThan(3);
  });
});
