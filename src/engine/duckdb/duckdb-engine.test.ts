import { describe, expect, it } from "vitest";
import { EncoreError } from "../../errors.js";
import { DuckDBEngine } from "./duckdb-engine.js";

describe("DuckDBEngine", () => {
  it("keeps working tables and views, and drops them", async () => {
    const engine = await DuckDBEngine.open();
    try {
      await engine.createTable("enc_t", "SELECT * FROM range(5) AS t(i)");
      await engine.createView("enc_v", "SELECT sum(i) AS s FROM enc_t");
      expect(await engine.all("SELECT s FROM enc_v")).toEqual([{ s: 10 }]);
      await engine.drop("enc_v", "view");
      await engine.drop("enc_t", "table");
      await expect(engine.all("SELECT * FROM enc_t")).rejects.toThrow(/enc_t/);
    } finally {
      await engine.close();
    }
  });

  it("cancels the running statement (Ctrl-C) with a clear message", async () => {
    const engine = await DuckDBEngine.open();
    try {
      const running = engine
        .all("SELECT count(*) AS n FROM range(100000000000) AS a(i) WHERE i % 7 = 3")
        .then(
          () => null,
          (e: unknown) => e,
        );
      await new Promise((resolve) => setTimeout(resolve, 200));
      const started = performance.now();
      await engine.cancel();
      const error = await running;
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(error).toBeInstanceOf(EncoreError);
      expect((error as EncoreError).message).toBe("the analysis was cancelled");
    } finally {
      await engine.close();
    }
  });
});
