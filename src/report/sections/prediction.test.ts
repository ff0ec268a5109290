import { describe, expect, it } from "vitest";
import { studyResults } from "../../analysis/findings/fixture.test-helpers.js";
import { plainSpaces } from "../../analysis/findings/text.test-helpers.js";
import { group, predictionFixture } from "../../analysis/prediction-fixture.test-helpers.js";
import type { PredictionSection } from "../../analysis/prediction-results.js";
import type { AnalysisResults } from "../../analysis/results.js";
import type { Lang } from "../../text/lang.js";
import { reportContext } from "../context.js";
import { buildReport } from "../render-report.js";
import { methodSection } from "./method.js";
import { predictionSection } from "./prediction.js";

function results(prediction: PredictionSection | null): AnalysisResults {
  return { ...studyResults(), prediction, findings: [], recommendations: [] };
}

function section(prediction: PredictionSection | null, lang: Lang) {
  const s = predictionSection(results(prediction), reportContext(lang));
  return { ...s, text: plainSpaces(s.body) };
}

/** The section's text outside tags, without the data values and the notation kept as is. */
function latinOf(html: string): string[] {
  const text = html
    .replace(/<style>[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&[a-z]+;/g, " ")
    .replace(/mobile|desktop|Moscow|Kazan|MBG\/NBD|BG\/NBD|\b[rabpq]\b/g, " ");
  return [...new Set(text.match(/[A-Za-z]+/g) ?? [])];
}

describe("the prediction section: who will come back", () => {
  it("leads with the one-time buyers still active, the expected orders and the customer value", () => {
    const { text } = section(predictionFixture(), "en");
    expect(text).toContain(
      "Of 400 customers with one order, 254 still look active: the model puts the chance that they are still buying at 50% or more.",
    );
    expect(text).toContain(
      "Over the 90 days after 31 October 2024, the end of the data, the 1,000 customers of the study are expected to place 1,234 orders between them (orders of one day counted as one), 1.23 per customer.",
    );
    expect(text).toContain(
      "A customer is worth 10,451 ₽ on average over the next 12 months: the revenue of the orders they are expected to place, discounted at 1.0% a month.",
    );
  });

  it("says the same in Russian, with the plural forms the numbers call for", () => {
    const { text } = section(predictionFixture(), "ru");
    expect(text).toContain(
      "Из 400 покупателей с одним заказом 254 всё ещё выглядят активными: по модели вероятность, что они продолжают покупать, — 50 % и выше.",
    );
    expect(text).toContain(
      "По прогнозу, за 90 дней после 31 октября 2024 г. (конец данных) 1 000 покупателей исследования сделают 1 234 заказа (заказы одного дня считаются одним) — 1,23 на покупателя.",
    );
    expect(text).toContain(
      "В среднем покупатель принесёт 10 451 ₽ за 12 месяцев вперёд: это выручка заказов, которые он, по прогнозу, сделает, с дисконтированием 1,0 % в месяц.",
    );
  });

  it("says the forecast is about the customers the filter keeps when it is on", () => {
    const r = results(predictionFixture());
    r.filter = { ...r.filter, q: 0.9, P: 14 };
    const text = plainSpaces(predictionSection(r, reportContext("en")).body);
    expect(text).toContain("the 1,000 customers of the study (those the order-count filter keeps)");
    const ru = plainSpaces(predictionSection(r, reportContext("ru")).body);
    expect(ru).toContain(
      "1 000 покупателей исследования (те, кого оставил фильтр по числу заказов)",
    );
  });

  it("says so when no one-order customer looks active, and names no filter that is off", () => {
    const p = predictionFixture();
    p.single_order_buyers.likely_alive = 0;
    const { text } = section(p, "en");
    expect(text).toContain("Of 400 customers with one order, none still looks active");
    expect(text).not.toContain("(those the order-count filter keeps)");
    expect(section(p, "ru").text).toContain("ни один не выглядит активным");
  });

  it("agrees the Russian nouns and verbs with counts ending in 1", () => {
    const p = predictionFixture();
    p.single_order_buyers.users = 21;
    p.single_order_buyers.likely_alive = 21;
    p.overall = group(21, 1, 0.5, 100);
    const { text } = section(p, "ru");
    expect(text).toContain("Из 21 покупателя с одним заказом 21 всё ещё выглядит активным");
    expect(text).toContain("21 покупатель исследования сделает 1 заказ");
  });

  it("tabulates each segment and each first-order attribute with formatted figures", () => {
    const en = section(predictionFixture(), "en").text;
    expect(en).toContain(
      '<tr><td data-label="Segment">5+ orders</td><td class="num" data-label="Customers">150</td><td class="num" data-label="Orders per customer in 90 days">4.00</td><td class="num" data-label="Mean chance still active">91.4%</td><td class="num" data-label="Mean value, ₽">34,568</td></tr>',
    );
    expect(en).toContain("<h3>By device of the first order</h3>");
    expect(en).toContain("<h3>By region of the first order</h3>");
    expect(en).toContain(
      '<tr><td data-label="Value">desktop</td><td class="num" data-label="Customers">300</td><td class="num" data-label="Orders per customer in 90 days">1.18</td><td class="num" data-label="Mean chance still active">69.0%</td><td class="num" data-label="Mean value, ₽">10,100</td></tr>',
    );
    const ru = section(predictionFixture(), "ru").text;
    expect(ru).toContain(
      '<tr><td data-label="Сегмент">5+ заказов</td><td class="num" data-label="Покупатели">150</td><td class="num" data-label="Заказов на покупателя за 90 дней">4,00</td><td class="num" data-label="Шанс активности, в среднем">91,4 %</td><td class="num" data-label="Ценность в среднем, ₽">34 568</td></tr>',
    );
    expect(ru).toContain("<h3>По признаку «устройство» первого заказа</h3>");
  });

  it("draws the P(alive) histogram and the holdout check as charts", () => {
    const s = section(predictionFixture(), "en");
    expect(s.charts.map((c) => c.id)).toEqual(["p-alive-histogram", "holdout-by-frequency"]);
    expect(s.body).toContain('id="chart-p-alive-histogram"');
    expect(s.body).toContain('id="chart-holdout-by-frequency"');
    for (const c of s.charts) expect(c.svg).toMatch(/^<svg[\s>]/);
  });

  it("compares the check period's predicted orders with the actual ones, with a signed error", () => {
    expect(section(predictionFixture(), "en").text).toContain(
      "We checked the model on the same kind of customers as the forecast: fitted only on the orders up to 2 August 2024, it predicted 1,198 orders in the following 90 days for the 800 customers who had bought by then and whom the order-count filter keeps (at most 14 orders by that date); they actually placed 1,150, a difference of +4.2%.",
    );
    const ru = section(predictionFixture(), "ru").text;
    expect(ru).toContain(
      "Мы проверили модель на таких же покупателях, как в прогнозе: обученная только на заказах по 2 августа 2024 г., она предсказала 1 198 заказов за 90 дней после этой даты для 800 покупателей, купивших до неё, которых фильтр по числу заказов оставил бы (не больше 14 заказов к этой дате); на деле они сделали 1 150 заказов (расхождение +4,2 %).",
    );
    expect(ru).toContain(
      '<tr><td>Все</td><td class="num">800</td><td class="num">1 150</td><td class="num">1 198</td></tr>',
    );
  });

  it("lists every parameter with its standard error and each model's log-likelihood", () => {
    const { text } = section(predictionFixture(), "en");
    expect(text).toContain(
      '<tr><td>MBG/NBD</td><td>α</td><td class="num">41.800</td><td class="num">2.910</td></tr>',
    );
    expect(text).toContain(
      '<tr><td>MBG/NBD</td><td>b</td><td class="num">2.310</td><td class="num">—</td></tr>',
    );
    expect(text).toContain(
      '<tr><td>BG/NBD</td><td>log-likelihood</td><td class="num">-5,123.4</td><td class="num">—</td></tr>',
    );
    expect(text).toContain(
      '<tr><td>Gamma-Gamma</td><td>γ</td><td class="num">1,520.500</td><td class="num">130.200</td></tr>',
    );
    expect(text).not.toContain("did not converge");
  });

  it("warns when a fit did not converge", () => {
    const p = predictionFixture();
    p.fits.bg_nbd.converged = false;
    expect(section(p, "en").text).toContain(
      "The fit did not converge (BG/NBD): the likelihood keeps rising towards the edge of the parameters",
    );
    expect(section(p, "ru").text).toContain("Подбор параметров не сошёлся (BG/NBD)");
  });

  it("says the models were switched off when they were", () => {
    const r = results(null);
    r.notes = [{ code: "prediction_off", text: "The prediction models were switched off." }];
    const en = predictionSection(r, reportContext("en")).body;
    expect(en).toContain("switched off for this run");
    expect(predictionSection(r, reportContext("ru")).body).toContain("отключены");
  });

  it("states the unit of α", () => {
    const p = predictionFixture();
    expect(section(p, "en").text).toContain("α is in days");
    p.time_unit = "weeks";
    expect(section(p, "en").text).toContain("α is in weeks");
    expect(section(p, "ru").text).toContain("α — в неделях");
  });

  it("leaves out the check when there is no holdout", () => {
    const p = predictionFixture();
    p.holdout = null;
    const s = section(p, "en");
    expect(s.charts.map((c) => c.id)).toEqual(["p-alive-histogram"]);
    expect(s.text).not.toContain("We checked the model");
    expect(s.text).not.toContain("How well the model predicts");
  });

  it("leaves out the customer value without a spend model", () => {
    const p = predictionFixture();
    p.spend = null;
    p.overall.mean_clv_rub = null;
    const s = section(p, "en");
    expect(s.text).not.toContain("A customer is worth");
    expect(s.text).not.toContain("Mean customer value");
    expect(s.text).not.toContain("Gamma-Gamma");
  });

  it("says in one sentence that the models could not be fitted when there is no prediction", () => {
    const en = section(null, "en");
    expect(en.body).toBe(
      "<p>The models of who will come back could not be fitted on these data: there are too few repeat customers, or the fit failed.</p>",
    );
    expect(en.charts).toEqual([]);
    expect(section(null, "ru").text).toContain("Модели прогноза возвратов не удалось оценить");
  });

  it("writes Russian with no English words beyond the model names and symbols", () => {
    expect(latinOf(section(predictionFixture(), "ru").body)).toEqual([]);
  });

  it("sits between the segments and the method in the report", () => {
    const { html } = buildReport(results(predictionFixture()), "en");
    const at = (id: string) => html.indexOf(`<section id="${id}">`);
    expect(at("segments")).toBeGreaterThan(0);
    expect(at("prediction")).toBeGreaterThan(at("segments"));
    expect(at("method")).toBeGreaterThan(at("prediction"));
  });
});

describe("the method section on the prediction", () => {
  it("describes the models and lists the prediction's parameters", () => {
    const en = plainSpaces(methodSection(results(predictionFixture()), reportContext("en")).body);
    expect(en).toContain("<h3>How the prediction works</h3>");
    expect(en).toContain("MBG/NBD model (Batislam et al. 2007)");
    expect(en).toContain("<tr><td>Prediction horizon</td><td>90 days</td></tr>");
    expect(en).toContain("<tr><td>Customer value period</td><td>12 months</td></tr>");
    expect(en).toContain("<tr><td>Monthly discount rate</td><td>1.0%</td></tr>");
    const ru = plainSpaces(methodSection(results(predictionFixture()), reportContext("ru")).body);
    expect(ru).toContain("Модель MBG/NBD (Батислам и др., 2007)");
    expect(ru).toContain("<tr><td>Период ценности покупателя</td><td>12 месяцев</td></tr>");
  });

  it("writes its Russian paragraph with no English words beyond the model names", () => {
    const body = methodSection(results(predictionFixture()), reportContext("ru")).body;
    const paragraph = /<h3>Как устроен прогноз<\/h3><p>[^<]*<\/p>/.exec(body)?.[0] ?? "";
    expect(paragraph).toContain("Гамма-Гамма");
    expect(latinOf(paragraph)).toEqual([]);
  });

  it("translates the note of a failed fit and does not repeat it", () => {
    const r = results(null);
    r.notes = [
      { code: "prediction_failed", text: "The prediction models could not be fitted: x." },
    ];
    const ru = methodSection(r, reportContext("ru")).body;
    expect(ru).toContain("Модели прогноза не удалось оценить на этих данных.");
    expect(ru).not.toContain("Модели прогноза возвратов");
  });

  it("names a prediction with nothing to learn from among the skipped analyses", () => {
    const en = methodSection(results(null), reportContext("en")).body;
    expect(en).toContain("The models of who will come back could not be fitted");
    expect(en).not.toContain("Prediction horizon");
  });
});
