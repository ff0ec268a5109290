import { describe, expect, it } from "vitest";
import { studyResults } from "./fixture.test-helpers.js";
import { focusEventTypes } from "./focus-event-types.js";
import { plainSpaces } from "./text.test-helpers.js";

describe("focus_event_types: the event types that bring the most repeaters", () => {
  it("ranks named event types by users × repeat rate and marks successful ones", () => {
    const s = focusEventTypes.apply(studyResults());
    expect(s?.text).toBe(
      "Focus acquisition on the event types whose first orders bring the most repeat customers: concerts (340 repeat customers, 56.7% of all; repeat rate 68.0%, significantly above average), theatre (180 repeat customers, 30.0% of all; repeat rate 60.0%) and sport (60 repeat customers, 10.0% of all; repeat rate 40.0%).",
    );
    expect(plainSpaces(s?.texts.ru ?? "")).toBe(
      "Сосредоточьте привлечение на типах мероприятий, первые заказы на которые приносят больше всего повторных покупателей: «concerts» (340 повторных покупателей, 56,7 % от всех; возвращаются 68,0 %, значимо выше среднего), «theatre» (180 повторных покупателей, 30,0 % от всех; возвращаются 60,0 %) и «sport» (60 повторных покупателей, 10,0 % от всех; возвращаются 40,0 %).",
    );
    expect(s?.figures).toEqual({
      repeaters: 600,
      event_type_1: "concerts",
      event_type_1_repeaters: 340,
      event_type_1_share_of_repeaters: 340 / 600,
      event_type_1_repeat_rate: 0.68,
      event_type_1_q_value: 0.0004,
      event_type_2: "theatre",
      event_type_2_repeaters: 180,
      event_type_2_share_of_repeaters: 0.3,
      event_type_2_repeat_rate: 0.6,
      event_type_2_q_value: 0.6,
      event_type_3: "sport",
      event_type_3_repeaters: 60,
      event_type_3_share_of_repeaters: 0.1,
      event_type_3_repeat_rate: 0.4,
      event_type_3_q_value: 0.0001,
    });
  });

  it("agrees the Russian noun with the count", () => {
    const r = studyResults();
    const sport = r.entry_points.dimensions.first_event_type?.values[2];
    if (sport) sport.repeat_rate = 22 / 150;
    expect(focusEventTypes.apply(r)?.texts.ru).toContain("«sport» (22 повторных покупателя,");
  });

  it("is silent with fewer than two named event types", () => {
    const r = studyResults();
    const values = r.entry_points.dimensions.first_event_type?.values ?? [];
    values.splice(1, 2);
    expect(focusEventTypes.apply(r)).toBeNull();
  });

  it("is silent when no one came back", () => {
    const r = studyResults();
    for (const v of r.entry_points.dimensions.first_event_type?.values ?? []) v.repeat_rate = 0;
    expect(focusEventTypes.apply(r)).toBeNull();
  });
});
