import { describe, expect, it } from "vitest";
import { studyResults } from "./fixture.test-helpers.js";
import { mainEntryPoints } from "./main-entry-points.js";
import { plainSpaces } from "./text.test-helpers.js";

describe("main_entry_points: the top popular event type, device and region", () => {
  it("cites the popular value with the largest share of each dimension", () => {
    const s = mainEntryPoints.apply(studyResults());
    expect(s?.text).toBe(
      "The most common first orders (share of customers): event type concerts (50.0%), device mobile (70.0%), region Moscow (40.0%).",
    );
    expect(plainSpaces(s?.texts.ru ?? "")).toBe(
      "Самые частые первые заказы (доля покупателей): тип мероприятия «concerts» (50,0 %), устройство «mobile» (70,0 %), регион «Moscow» (40,0 %).",
    );
    expect(s?.figures).toEqual({
      first_event_type: "concerts",
      first_event_type_share: 0.5,
      first_device: "mobile",
      first_device_share: 0.7,
      first_region: "Moscow",
      first_region_share: 0.4,
    });
  });

  it("never names other or unknown, and skips a dimension without a named popular value", () => {
    const r = studyResults();
    const regions = r.entry_points.dimensions.first_region?.values ?? [];
    for (const v of regions) if (v.value !== "unknown") v.popular = false;
    const unknown = regions.find((v) => v.value === "unknown");
    if (unknown) unknown.share_of_users = 0.9;
    delete r.entry_points.dimensions.first_device;
    const s = mainEntryPoints.apply(r);
    expect(s?.text).toBe(
      "The most common first orders (share of customers): event type concerts (50.0%).",
    );
  });

  it("is silent when no dimension has a named popular value", () => {
    const r = studyResults();
    r.entry_points.dimensions = {};
    expect(mainEntryPoints.apply(r)).toBeNull();
  });
});
