import { describe, expect, it } from "vitest";
import { studyResults } from "../../analysis/findings/fixture.test-helpers.js";
import { plainSpaces } from "../../analysis/findings/text.test-helpers.js";
import type { AnalysisResults } from "../../analysis/results.js";
import type { Lang } from "../../text/lang.js";
import { reportContext } from "../context.js";
import { summarySection } from "./summary.js";

function filtered(): AnalysisResults {
  const r: AnalysisResults = { ...studyResults(), findings: [], recommendations: [] };
  r.filter = {
    ...r.filter,
    q: 0.9,
    P: 15,
    users_removed: 2155,
    orders_removed: 218_679,
    revenue_removed_rub: 1_794_285_565.6,
    removed_share: { users: 0.098, orders: 0.774, revenue: 0.859 },
  };
  return r;
}

const body = (r: AnalysisResults, lang: Lang) =>
  plainSpaces(summarySection(r, reportContext(lang)).body);

describe("the first screen", () => {
  it("says what the order-count filter removed: customers, orders, revenue and their shares", () => {
    expect(body(filtered(), "en")).toContain(
      "The order-count filter left out 2,155 customers (9.8%) with more than 15 orders each, and with them 218,679 orders (77.4%) and 1,794,285,566 ₽ of revenue (85.9%); every figure below is about the other 1,000 customers.",
    );
    expect(body(filtered(), "ru")).toContain(
      "Фильтр по числу заказов исключил 2 155 покупателей (9,8 %), у которых больше 15 заказов, а с ними 218 679 заказов (77,4 %) и 1 794 285 566 ₽ выручки (85,9 %); все показатели ниже — по остальным 1 000 покупателям.",
    );
    expect(body(filtered(), "en")).toContain("2,600 orders after the filter");
  });

  it("says everyone is in the study when the filter is off", () => {
    const r: AnalysisResults = { ...studyResults(), findings: [], recommendations: [] };
    expect(body(r, "en")).toContain(
      "Every customer is in the study: the order-count filter is off.",
    );
    expect(body(r, "en")).not.toContain("after the filter");
  });
});
