import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { analyzeCsv, csv, tempDir } from "./helpers.js";

const HEADER = "user_id,order_id,order_ts,revenue";
/** Three users over June 2024: a orders on the 1st and 20th, b on the 5th, c on the 10th and 28th. */
const JUNE = [
  "a,1,2024-06-01 10:00,100",
  "a,2,2024-06-20 10:00,50",
  "b,3,2024-06-05 10:00,70",
  "c,4,2024-06-10 10:00,30",
  "c,5,2024-06-28 10:00,40",
];

describe("a configured data_end ends the observation (ANALYSIS.md §3)", () => {
  it("leaves the orders after it out of the study, counts them, and keeps them in the ledger", async () => {
    const { results, users } = await analyzeCsv(csv(HEADER, ...JUNE), null, {
      dataEnd: "2024-06-15",
      predict: false,
    });
    expect(results.ledger).toMatchObject({ rows_read: 5, rows_accepted: 5 });
    expect(results.data_end).toBe("2024-06-15");
    expect(results.orders_after_data_end).toBe(2);
    expect(results.overall).toMatchObject({ users: 3, orders: 3, revenue_rub: 200 });
    expect(users.map((u) => [u.user_id, u.total_orders, u.last_order_dt])).toEqual([
      ["a", "1", "2024-06-01"],
      ["b", "1", "2024-06-05"],
      ["c", "1", "2024-06-10"],
    ]);
    expect(results.notes).toContainEqual(
      expect.objectContaining({
        code: "orders_after_data_end",
        text: "2 accepted orders are dated after data_end (2024-06-15) and left out of the study.",
      }),
    );
  });

  it("changes nothing and notes nothing when no order is after it", async () => {
    const { results } = await analyzeCsv(csv(HEADER, ...JUNE), null, {
      dataEnd: "2024-07-31",
      predict: false,
    });
    expect(results.orders_after_data_end).toBe(0);
    expect(results.overall.orders).toBe(5);
    expect(results.notes.map((n) => n.code)).not.toContain("orders_after_data_end");
  });

  it("is an error before the first order: exit 3, one line", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "o.csv"), csv(HEADER, ...JUNE));
    const err: string[] = [];
    const code = await main(
      [
        "analyze",
        "--orders",
        join(dir, "o.csv"),
        "--out",
        join(dir, "out"),
        "-q",
        "--data-end",
        "2024-05-31",
      ],
      { out: () => {}, err: (l) => err.push(l) },
    );
    expect(code).toBe(3);
    expect(err).toEqual([
      "encore: data_end 2024-05-31 is before the first order (2024-06-01). Set data_end on or after the first order's date, or leave it out to end with the last order",
    ]);
  });
});

describe("orders dated far from the rest are named (ANALYSIS.md §11.13)", () => {
  it("a mistyped year: a note on stderr, in results.json and on the report's first screen", async () => {
    const dir = await tempDir();
    const rows = Array.from({ length: 150 }, (_, i) => {
      const day = new Date(Date.UTC(2024, 5, 1 + (i % 60))).toISOString().slice(0, 10);
      return `u${i % 40},${i + 1},${day} 12:00,${100 + i}`;
    });
    await writeFile(join(dir, "o.csv"), csv(HEADER, ...rows, "u7,999,2025-07-30 12:00,80"));
    const err: string[] = [];
    const out = join(dir, "out");
    const code = await main(
      ["analyze", "--orders", join(dir, "o.csv"), "--out", out, "--no-predict"],
      {
        out: () => {},
        err: (l) => err.push(l),
      },
    );
    expect(code).toBe(0);
    const text =
      "1 order is dated long after the rest: 2025-07-30 (row 151), 365 days after the other orders end on 2024-07-30. " +
      "They move data_end, and with it every figure that depends on how long customers were watched and the prediction. " +
      "If the dates are mistyped, fix them; to end the study with the other orders, set data_end to 2024-07-30 (--data-end 2024-07-30 or data_end in the config).";
    expect(err).toContain(`note: ${text}`);
    const results = JSON.parse(await readFile(join(out, "results.json"), "utf8"));
    expect(results.data_end).toBe("2025-07-30");
    expect(results.notes).toContainEqual(
      expect.objectContaining({ code: "outlying_dates_late", text, warning: true }),
    );
    const html = await readFile(join(out, "report.html"), "utf8");
    // Above the headline figures of the first section.
    const start = html.indexOf('<section id="summary">');
    const firstScreen = html.slice(start, html.indexOf('<div class="tiles">', start));
    expect(firstScreen).toContain("Check the data first");
    expect(firstScreen).toContain("2025-07-30 (row 151)");
  });
});
