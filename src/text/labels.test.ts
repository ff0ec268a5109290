import { describe, expect, it } from "vitest";
import { DIMENSIONS } from "../model/columns.js";
import { columnLabel, dimensionLabel, featureLabel, valueLabel } from "./labels.js";
import { LANGS } from "./lang.js";

describe("labels", () => {
  it("names a first-order dimension as the order column it comes from, in both languages", () => {
    for (const [column, dimension] of Object.entries(DIMENSIONS)) {
      for (const lang of LANGS) {
        expect(dimensionLabel(dimension, lang)).toBe(columnLabel(column, lang));
        expect(dimensionLabel(dimension, lang)).not.toBe(dimension);
      }
    }
    expect(dimensionLabel("first_event_type", "en")).toBe("event type");
    expect(dimensionLabel("first_service", "ru")).toBe("билетный оператор");
  });

  it("names the binned first-order figures, which no order column names", () => {
    expect(dimensionLabel("first_order_check", "en")).toBe("first-order check");
    expect(dimensionLabel("first_order_tickets", "ru")).toBe("билетов в первом заказе");
  });

  it("gives a feature a running-text name and a short one", () => {
    expect(featureLabel("first_device", "en")).toBe("device of the first order");
    expect(featureLabel("first_device", "en", "short")).toBe("device (1st order)");
    expect(featureLabel("avg_tickets_count", "ru", "short")).toBe("билетов в заказе");
  });

  it("keeps the name of what it does not know, and translates only the values Encore names", () => {
    expect(featureLabel("loyalty_score", "ru")).toBe("loyalty_score");
    expect(dimensionLabel("first_channel", "en")).toBe("first_channel");
    expect(columnLabel("promo_code", "ru")).toBe("promo_code");
    expect(valueLabel("other", "ru")).toBe("другое");
    expect(valueLabel("unknown", "en")).toBe("unknown");
    expect(valueLabel("theatre", "ru")).toBe("theatre");
  });
});
