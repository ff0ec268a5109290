import { describe, expect, it } from "vitest";
import { REJECT_REASONS, type RejectReason, zeroReasonCounts } from "../prepare/reasons.js";
import { COL, type DemoRow } from "./demo-row.js";
import { generateDemo } from "./generate.js";
import type { RateRow } from "./rates.js";

/**
 * An independent, deliberately naive reading of ANALYSIS.md §2 and §11, used as the
 * oracle: the demo's planted truth must be exactly what the rules find, row by row.
 */
type Verdict = "accepted" | RejectReason;

const TS = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

function parseTimestamp(text: string): { date: string; key: string } | undefined {
  const m = TS.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, hh = "00", mm = "00", ss = "00"] = m;
  const date = `${y}-${mo}-${d}`;
  const t = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== date) return undefined;
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return undefined;
  return { date, key: `${date} ${hh}:${mm}:${ss}` };
}

const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

interface Accepted {
  user: string;
  order: string;
  date: string;
  key: string;
  statedDays: string;
  currency: string;
}

function prepare(rows: readonly DemoRow[], rates: readonly RateRow[]) {
  const rateDates = new Map<string, string[]>();
  for (const r of rates)
    rateDates.set(r.currencyCode, [...(rateDates.get(r.currencyCode) ?? []), r.date]);
  const verdicts: Verdict[] = [];
  const seen = new Set<string>();
  const candidates = new Map<string, { index: number; content: string }[]>();
  const parsed: (Accepted | undefined)[] = [];
  rows.forEach(({ cells }, index) => {
    const cell = (c: number) => (cells[c] ?? "").trim();
    const ts = parseTimestamp(cell(COL.orderTs) || cell(COL.orderDt));
    const revenue = Number(cell(COL.revenue));
    const tickets = cell(COL.tickets) === "" ? 1 : Number(cell(COL.tickets));
    const currency = cell(COL.currency).toLowerCase() || "rub";
    const dates = rateDates.get(currency);
    let verdict: Verdict = "accepted";
    if (cell(COL.userId) === "") verdict = "missing_user_id";
    else if (cell(COL.orderId) === "") verdict = "missing_order_id";
    else if (ts === undefined) verdict = "bad_timestamp";
    else if (cell(COL.revenue) === "" || !Number.isFinite(revenue) || revenue < 0)
      verdict = "bad_revenue";
    else if (!Number.isInteger(tickets) || tickets < 1) verdict = "bad_tickets_count";
    else if (currency !== "rub" && dates === undefined) verdict = "unknown_currency";
    else if (currency !== "rub" && !dates?.some((d) => d <= ts.date)) verdict = "no_exchange_rate";
    else if (seen.has(cells.join("\u0001"))) verdict = "duplicate_row";
    seen.add(cells.join("\u0001"));
    verdicts.push(verdict);
    if (verdict !== "accepted" || ts === undefined) {
      parsed.push(undefined);
      return;
    }
    const order = cell(COL.orderId);
    candidates.set(order, [
      ...(candidates.get(order) ?? []),
      { index, content: cells.join("\u0001") },
    ]);
    parsed.push({
      user: cell(COL.userId),
      order,
      ...ts,
      statedDays: cell(COL.daysSincePrev),
      currency,
    });
  });
  for (const group of candidates.values()) {
    if (new Set(group.map((g) => g.content)).size < 2) continue;
    for (const { index } of group) {
      verdicts[index] = "conflicting_order_id";
      parsed[index] = undefined;
    }
  }
  return { verdicts, accepted: parsed.filter((p): p is Accepted => p !== undefined) };
}

/** Orders of each user by (order_ts, order_id); ids all have nine digits, so text order is numeric order. */
function byUser(accepted: readonly Accepted[]): Map<string, Accepted[]> {
  const users = new Map<string, Accepted[]>();
  for (const a of accepted) users.set(a.user, [...(users.get(a.user) ?? []), a]);
  for (const orders of users.values()) {
    orders.sort((x, y) =>
      x.key === y.key ? (x.order < y.order ? -1 : 1) : x.key < y.key ? -1 : 1,
    );
  }
  return users;
}

describe("the demo's planted ledger (ANALYSIS.md §2)", () => {
  const demo = generateDemo({ users: 2000, seed: 7 });
  const rows = [...demo.rows];
  const manifest = demo.manifest();
  const { verdicts, accepted } = prepare(rows, demo.rates);
  const users = byUser(accepted);

  it("every row gets exactly the reason planted in it", () => {
    const wrong = rows.flatMap((row, i) =>
      verdicts[i] === row.expect ? [] : [{ row, found: verdicts[i] }],
    );
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it("the manifest states the counts the rules find", () => {
    const found = zeroReasonCounts();
    for (const v of verdicts) if (v !== "accepted") found[v]++;
    expect(found).toEqual(manifest.defects);
    expect(manifest.cleanOrders).toBe(accepted.length);
    expect(manifest.rowsWritten).toBe(rows.length);
    expect(manifest.users).toBe(users.size);
    expect(manifest.kztOrders).toBe(accepted.filter((a) => a.currency === "kzt").length);
    expect(manifest.dataEnd).toBe(
      accepted
        .map((a) => a.date)
        .sort()
        .at(-1),
    );
    expect(manifest.dataStart).toBe(accepted.map((a) => a.date).sort()[0]);
  });

  it("rowsWritten = cleanOrders + Σ defects, every reason present", () => {
    const total = REJECT_REASONS.reduce((sum, r) => sum + manifest.defects[r], 0);
    expect(manifest.rowsWritten).toBe(manifest.cleanOrders + total);
    for (const r of REJECT_REASONS) expect(manifest.defects[r], r).toBeGreaterThan(0);
    expect(manifest.defects.conflicting_order_id % 2).toBe(0);
    expect(total / manifest.rowsWritten).toBeGreaterThan(0.004);
    expect(total / manifest.rowsWritten).toBeLessThan(0.012);
  });

  it("days_since_prev is right except for the planted mismatches", () => {
    let mismatches = 0;
    for (const orders of users.values()) {
      orders.forEach((o, i) => {
        const prev = orders[i - 1];
        const expected = prev === undefined ? "" : String(dayNumber(o.date) - dayNumber(prev.date));
        if (o.statedDays !== expected) mismatches++;
      });
    }
    expect(manifest.daysSincePrevMismatches).toBeGreaterThan(0);
    expect(mismatches).toBe(manifest.daysSincePrevMismatches);
  });

  it("ties of order_ts exist and the file order alone would pick the wrong first order", () => {
    const firstInFile = new Map<string, string>();
    rows.forEach((row, i) => {
      const user = (row.cells[COL.userId] ?? "").trim();
      if (verdicts[i] === "accepted" && !firstInFile.has(user))
        firstInFile.set(user, row.cells[COL.orderId] ?? "");
    });
    const misled = [...users].filter(
      ([user, orders]) => firstInFile.get(user) !== orders[0]?.order,
    );
    expect(misled.length).toBeGreaterThan(0);
  });

  it("harmless oddities are present in accepted rows", () => {
    const good = rows.filter((r) => r.expect === "accepted").map((r) => r.cells);
    expect(good.some((c) => c[COL.tickets] === "2.0")).toBe(true);
    expect(good.some((c) => c[COL.tickets] === "")).toBe(true);
    expect(good.some((c) => c[COL.currency] === " KZT ")).toBe(true);
    expect(good.some((c) => c[COL.orderTs]?.includes("T"))).toBe(true);
    expect(good.some((c) => c[COL.orderTs] === "" && c[COL.orderDt] !== "")).toBe(true);
    expect(
      good.some((c) => c.slice(COL.device, COL.service + 1).some((v) => v.trim() === "")),
    ).toBe(true);
    expect(
      good.some((c) =>
        c.slice(COL.device, COL.service + 1).some((v) => v !== v.trim() && v.trim() !== ""),
      ),
    ).toBe(true);
  });
});
