import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { tempDir } from "./helpers.js";

const quiet = { out: () => {}, err: () => {} };

it("encore report re-renders the report of a run from its results.json, and writes every chart as PNG", async () => {
  const dir = await tempDir();
  expect(await main(["demo", "--users", "1500", "--out", dir, "-q"], quiet)).toBe(0);
  const first = await readFile(join(dir, "report.html"), "utf8");
  const again = join(dir, "again.html");
  const png = join(dir, "png");
  expect(
    await main(["report", join(dir, "results.json"), "--out", again, "--png", png], quiet),
  ).toBe(0);
  expect(await readFile(again, "utf8")).toBe(first);

  const charts = (await readdir(png)).filter((f) => f.endsWith(".png"));
  const svgCount = (first.match(/<svg/g) ?? []).length;
  expect(charts.length).toBeGreaterThan(5);
  expect(charts.length).toBeLessThanOrEqual(svgCount);
  for (const file of charts) {
    const bytes = await readFile(join(png, file));
    expect(bytes.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect((await stat(join(png, file))).size).toBeGreaterThan(2000);
  }
}, 60_000);
