import type { Lang } from "../../text/lang.js";
import { pluralRu } from "../../text/plural-ru.js";

const MONTHS = {
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  ru: ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"],
};

/** The words of the cohort, adjusted-effects and customer-list sections (§12–§14). */
const en = {
  cohortsTitle: "Cohorts: is repeat purchasing getting better?",
  cohortsLead: (cohorts: number, period: "month" | "week", users: string, partial: boolean) =>
    `Customers are grouped by the ${period} of their first order: ${cohorts} ${cohorts === 1 ? "cohort" : "cohorts"}, ${users} customers. Each row follows one cohort ${period} by ${period}${partial ? `; the last ${period} is still running at the end of the data and is marked` : ""}.`,
  cohortLabel: (cohort: string, period: "month" | "week") => {
    const [y, m, d] = cohort.split("-");
    const month = MONTHS.en[Number(m) - 1];
    return period === "month" ? `${month} ${y}` : `${Number(d)} ${month} ${y}`;
  },
  periodIndex: (k: number, period: "month" | "week") => (k === 0 ? `first ${period}` : `+${k}`),
  axisPeriods: (period: "month" | "week") => `${period}s since the first order →`,
  chartCohortHeatTitle: "Share of each cohort that has come back, by period",
  chartCohortHeatNote:
    "Cumulative: the share with a second order by the end of the period. Hatched cells: the period still running at the end of the data.",
  chartCohortRepeatTitle: "Share that has come back, by cohort",
  chartCohortRepeatNote: "One line per cohort; an open circle marks a period still running.",
  chartCohortValueTitle: "Revenue per customer so far, by cohort",
  chartCohortValueNote:
    "All the cohort's orders up to the end of each period, divided by its customers.",
  axisRepeated: "↑ came back",
  axisValue: "↑ revenue per customer",
  chartTrendTitle: (days: number) => `Second order within ${days} days, by cohort`,
  chartTrendNote:
    "Only customers with the full number of days since their first order; bars: 95% confidence intervals.",
  axisShareWithin: "↑ share",
  trendTable: [
    "Cohort",
    "Customers with 30 days",
    "Within 30 days",
    "Within 60 days",
    "Within 90 days",
  ],
  trendTest: (days: number, z: string, p: string, q: string, robust: boolean) =>
    `Trend across cohorts, second order within ${days} days: Cochran–Armitage z = ${z}, ${p}, ${q}${robust ? "" : "; it does not hold over all customers before the order-count filter, so no trend is claimed"}.`,
  trendNone: "Too few cohorts with enough follow-up to test a trend.",
  comparisonTitle: "Two periods compared",
  comparisonLead: (a: string, b: string) =>
    `Customers whose first order fell in ${a} against those of ${b}.`,
  comparisonHeader: ["", "First period", "Second period", "Difference", "Test"],
  comparisonCustomers: "Customers",
  comparisonWithin: (days: number) => `Second order within ${days} days`,
  comparisonMeanCheck: "Mean first-order check",
  comparisonMedianCheck: "Median first-order check",
  comparisonMix: (dimension: string) => `Mix of ${dimension}`,
  adjustedTitle: "What matters with the rest held fixed",
  adjustedLead: (value: string, change: string, raises: boolean, days: number) =>
    `Holding the other attributes of the first order fixed, a first order with ${value} ${raises ? "raises" : "lowers"} the odds of a second order within ${days} days by ${change}.`,
  adjustedNone: (days: number) =>
    `Holding the other attributes of the first order fixed, none changes the odds of a second order within ${days} days significantly.`,
  adjustedHow: (n: string, patterns: string, days: number) =>
    `A logistic regression of a second order within ${days} days on every attribute of the first order at once, over the ${n} customers whose first order was at least ${days} days before the end of the data (${patterns} distinct combinations of attributes). An odds ratio above 1 means more customers come back than with the reference value, the others being equal.`,
  chartForestTitle: "Odds of a second order against the reference value",
  chartForestNote:
    "Filled dot and bar: with the other attributes held fixed (95% interval); open circle: the same value compared on its own. Log scale; 1 = as the reference.",
  axisOdds: "odds ratio →",
  adjustedTable: ["Attribute", "Reference", "Likelihood-ratio χ²", "df", "q"],
  adjustedFit: (r2: string, auc: string) =>
    `How much the attributes explain: McFadden's R² ${r2}, AUC ${auc} (0.5 would be a coin toss).`,
  adjustedConfounded: (names: string) =>
    `Seen on their own these look different from what they are with the rest held fixed: ${names}.`,
  listsTitle: "Customers to act on",
  listsLead:
    "Lists of customers for a CRM, each with the figures that put them there; the files are beside results.json.",
  listsTable: ["List", "Who", "Customers", "Revenue", "File"],
  /** A list's rule in words, from its name and thresholds (already formatted). */
  listRule: (name: string, t: Record<string, string>) =>
    ({
      nudge_now: `one order, placed ${t.min_days}–${t.max_days} days before the end of the data (the repeat window): remind them now`,
      one_order_likely_active: `at most ${t.max_repeat_occasions} repeat purchase day, P(alive) at least ${t.min_p_alive}`,
      at_risk_valuable: `${t.min_orders} or more orders and revenue of at least ${t.min_revenue_rub}, P(alive) below ${t.max_p_alive}`,
      champions: `${t.min_orders} or more orders, P(alive) at least ${t.min_p_alive}`,
    })[name] ?? name,
  listName: {
    nudge_now: "Nudge now",
    one_order_likely_active: "One order, likely active",
    at_risk_valuable: "Valuable, at risk",
    champions: "Champions",
  } as Record<string, string>,
};

export type StudyWords = typeof en;

const ru: StudyWords = {
  cohortsTitle: "Когорты: становятся ли повторные покупки чаще?",
  cohortsLead: (cohorts, period, users, partial) =>
    `Покупатели сгруппированы по ${period === "month" ? "месяцу" : "неделе"} первого заказа: ${cohorts}\u00a0${pluralRu(cohorts, ["когорта", "когорты", "когорт"])}, ${users}\u00a0покупателей. Каждая строка прослеживает одну когорту ${period === "month" ? "месяц за месяцем" : "неделю за неделей"}${partial ? `; ${period === "month" ? "последний месяц ещё не закончился" : "последняя неделя ещё не закончилась"} к концу данных и ${period === "month" ? "отмечен" : "отмечена"}` : ""}.`,
  cohortLabel: (cohort, period) => {
    const [y, m, d] = cohort.split("-");
    const month = MONTHS.ru[Number(m) - 1];
    return period === "month" ? `${month} ${y}` : `${Number(d)} ${month} ${y}`;
  },
  periodIndex: (k, period) =>
    k === 0 ? (period === "month" ? "1-й месяц" : "1-я неделя") : `+${k}`,
  axisPeriods: (period) => `${period === "month" ? "месяцев" : "недель"} после первого заказа →`,
  chartCohortHeatTitle: "Доля вернувшихся в каждой когорте по периодам",
  chartCohortHeatNote:
    "Накопленная доля: сделали второй заказ к концу периода. Штриховка — период, который ещё идёт на конец данных.",
  chartCohortRepeatTitle: "Доля вернувшихся по когортам",
  chartCohortRepeatNote: "Линия на когорту; пустой кружок — период, который ещё идёт.",
  chartCohortValueTitle: "Выручка на покупателя нарастающим итогом по когортам",
  chartCohortValueNote:
    "Все заказы когорты к концу каждого периода, делённые на число её покупателей.",
  axisRepeated: "↑ вернулись",
  axisValue: "↑ выручка на покупателя",
  chartTrendTitle: (days) => `Второй заказ в течение ${days} дней по когортам`,
  chartTrendNote:
    "Только покупатели, у которых с первого заказа прошло не меньше этого срока; отрезки — 95%-е доверительные интервалы.",
  axisShareWithin: "↑ доля",
  trendTable: ["Когорта", "Покупателей с 30 днями", "За 30 дней", "За 60 дней", "За 90 дней"],
  trendTest: (days, z, p, q, robust) =>
    `Тренд по когортам, второй заказ в течение ${days} дней: тест Кохрана — Армитиджа z = ${z}, ${p}, ${q}${robust ? "" : "; по всем покупателям до фильтра по числу заказов он не подтверждается, поэтому о тренде не говорим"}.`,
  trendNone: "Слишком мало когорт с достаточным сроком наблюдения, чтобы проверить тренд.",
  comparisonTitle: "Сравнение двух периодов",
  comparisonLead: (a, b) => `Покупатели с первым заказом в период ${a} против периода ${b}.`,
  comparisonHeader: ["", "Первый период", "Второй период", "Разница", "Проверка"],
  comparisonCustomers: "Покупателей",
  comparisonWithin: (days) => `Второй заказ в течение ${days} дней`,
  comparisonMeanCheck: "Средний чек первого заказа",
  comparisonMedianCheck: "Медианный чек первого заказа",
  comparisonMix: (dimension) => `Состав по признаку «${dimension}»`,
  adjustedTitle: "Что важно при прочих равных",
  adjustedLead: (value, change, raises, days) =>
    `При прочих равных атрибутах первого заказа первый заказ с признаком ${value} ${raises ? "повышает" : "снижает"} шансы на второй заказ в течение ${days} дней на ${change}.`,
  adjustedNone: (days) =>
    `При прочих равных ни один атрибут первого заказа значимо не меняет шансы на второй заказ в течение ${days} дней.`,
  adjustedHow: (n, patterns, days) =>
    `Логистическая регрессия второго заказа в течение ${days} дней сразу на все атрибуты первого заказа по ${n} покупателям, у которых первый заказ был не позже чем за ${days} дней до конца данных (${patterns} различных сочетаний атрибутов). Отношение шансов больше 1 значит, что при прочих равных возвращается больше покупателей, чем при опорном значении.`,
  chartForestTitle: "Шансы на второй заказ относительно опорного значения",
  chartForestNote:
    "Закрашенная точка и отрезок — при прочих равных (95%-й интервал); пустой кружок — то же значение само по себе. Логарифмическая шкала; 1 — как у опорного значения.",
  axisOdds: "отношение шансов →",
  adjustedTable: ["Атрибут", "Опорное значение", "χ² отношения правдоподобия", "ст. св.", "q"],
  adjustedFit: (r2, auc) =>
    `Насколько атрибуты объясняют возврат: R² Макфаддена ${r2}, AUC ${auc} (0,5 — как подбрасывание монеты).`,
  adjustedConfounded: (names) =>
    `Сами по себе эти значения выглядят иначе, чем при прочих равных: ${names}.`,
  listsTitle: "С кем работать",
  listsLead:
    "Списки покупателей для CRM, у каждого — цифры, по которым он попал в список; файлы лежат рядом с results.json.",
  listsTable: ["Список", "Кто", "Покупателей", "Выручка", "Файл"],
  listRule: (name, t) =>
    ({
      nudge_now: `один заказ, сделанный за ${t.min_days}–${t.max_days} дн. до конца данных (окно повторной покупки): напомнить сейчас`,
      one_order_likely_active: `не больше ${t.max_repeat_occasions} дн. с повторной покупкой, вероятность активности не ниже ${t.min_p_alive}`,
      at_risk_valuable: `${t.min_orders} заказа и больше, выручка не меньше ${t.min_revenue_rub}, вероятность активности ниже ${t.max_p_alive}`,
      champions: `${t.min_orders} заказов и больше, вероятность активности не ниже ${t.min_p_alive}`,
    })[name] ?? name,
  listName: {
    nudge_now: "Напомнить сейчас",
    one_order_likely_active: "Один заказ, вероятно активны",
    at_risk_valuable: "Ценные под угрозой ухода",
    champions: "Лучшие покупатели",
  },
};

export const STUDY_WORDS: Record<Lang, StudyWords> = { en, ru };
