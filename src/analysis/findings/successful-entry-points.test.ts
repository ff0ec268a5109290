import { describe, expect, it } from "vitest";
import { studyResults } from "./fixture.test-helpers.js";
import { successfulEntryPoints } from "./successful-entry-points.js";
import { plainSpaces } from "./text.test-helpers.js";

describe("successful_entry_points: the successful values of §4, by lift", () => {
  it("cites each value's repeat rate, lift and q-value against the overall rate", () => {
    const s = successfulEntryPoints.apply(studyResults());
    expect(s?.text).toBe(
      "Some first orders bring customers back significantly more often than average (overall repeat rate 60.0%): region Moscow — 70.0%, 1.17 times the average (q = 0.012); event type concerts — 68.0%, 1.13 times the average (q < 0.001).",
    );
    expect(plainSpaces(s?.texts.ru ?? "")).toBe(
      "Некоторые первые заказы значимо чаще среднего приводят к повторным покупкам (в среднем возвращаются 60,0 %): регион «Moscow» — 70,0 %, в 1,17 раза выше среднего (q = 0,012); тип мероприятия «concerts» — 68,0 %, в 1,13 раза выше среднего (q < 0,001).",
    );
    expect(s?.figures).toEqual({
      overall_repeat_rate: 0.6,
      successful_count: 2,
      entry_1_dimension: "first_region",
      entry_1_value: "Moscow",
      entry_1_users: 400,
      entry_1_repeat_rate: 0.7,
      entry_1_lift: 0.7 / 0.6,
      entry_1_q_value: 0.0123,
      entry_2_dimension: "first_event_type",
      entry_2_value: "concerts",
      entry_2_users: 500,
      entry_2_repeat_rate: 0.68,
      entry_2_lift: 0.68 / 0.6,
      entry_2_q_value: 0.0004,
    });
  });

  it("shows at most five and says how many there are", () => {
    const r = studyResults();
    const values = r.entry_points.dimensions.first_device?.values ?? [];
    const template = r.entry_points.dimensions.first_region?.values[0];
    if (!template) throw new Error("fixture has no region");
    for (const name of ["a", "b", "c", "d", "e"])
      values.push({ ...template, value: name, lift: 1.1 });
    const s = successfulEntryPoints.apply(r);
    expect(s?.figures.successful_count).toBe(7);
    expect(s?.text).toMatch(/ Shown: the 5 of 7 with the highest lift\.$/);
    expect(s?.texts.ru).toMatch(/ Показаны 5 из 7 с наибольшим превышением среднего\.$/);
  });

  it("leaves out a successful value less than 10% above the average", () => {
    const r = studyResults();
    const moscow = r.entry_points.dimensions.first_region?.values[0];
    if (moscow) moscow.lift = 1.09;
    const s = successfulEntryPoints.apply(r);
    expect(s?.figures.successful_count).toBe(1);
    expect(s?.text).not.toContain("Moscow");
  });

  it("is silent when no value is successful", () => {
    const r = studyResults();
    for (const d of Object.values(r.entry_points.dimensions)) {
      for (const v of d.values) v.successful = false;
    }
    expect(successfulEntryPoints.apply(r)).toBeNull();
  });
});
