import { columnLabel, featureLabel } from "../../text/labels.js";
import type { Counted } from "./messages.js";

const titles = {
  summary: "Summary",
  "data-quality": "Data quality",
  "entry-points": "Entry points: what the first order says",
  repeat: "Repeat purchases",
  revenue: "Revenue and average check",
  time: "Time between purchases",
  correlation: "Correlation",
  segments: "Segments",
  prediction: "Who will come back",
  method: "Method",
};

/** "1 order", "2 orders": the noun agrees with the count. */
const counted = (c: Counted, one: string, many: string) => `${c.text} ${c.n === 1 ? one : many}`;

const GROUPS: Record<string, string> = {
  "1": "1 order",
  "2+": "2+ orders",
  "2-4": "2–4 orders",
  "5+": "5+ orders",
};

/** The report's English texts; `ru.ts` has the same keys. */
export const en = {
  title: "Do customers come back? Repeat purchases report",
  period: (from: string, to: string) => `Orders from ${from} to ${to}`,
  footer: (input: string, date: string, version: string, schema: string) =>
    `${input}, analysed on ${date} by Encore ${version} (results schema ${schema}).`,
  sectionTitles: titles,
  summaryTitle: titles.summary,
  dataQualityTitle: titles["data-quality"],
  entryTitle: titles["entry-points"],
  repeatTitle: titles.repeat,
  revenueTitle: titles.revenue,
  timeTitle: titles.time,
  correlationTitle: titles.correlation,
  segmentsTitle: titles.segments,
  predictionTitle: titles.prediction,
  methodTitle: titles.method,
  sectionFailed: (reason: string) => `This section could not be drawn from the results: ${reason}.`,
  noData: "There are no data for this section.",

  tileUsers: "Customers",
  tileUsersNote: (orders: string) => `${orders} orders after the filter`,
  tileUsersNoteAll: (orders: string) => `${orders} orders`,
  summaryFilter: (
    users: Counted,
    usersShare: string,
    p: string,
    orders: Counted,
    ordersShare: string,
    revenue: string,
    revenueShare: string,
    kept: Counted,
  ) =>
    `The order-count filter left out ${counted(users, "customer", "customers")} (${usersShare}) with more than ${p} orders each, and with them ${counted(orders, "order", "orders")} (${ordersShare}) and ${revenue} of revenue (${revenueShare}); every figure below is about the other ${counted(kept, "customer", "customers")}.`,
  summaryFilterOff: "Every customer is in the study: the order-count filter is off.",
  population: (parts: readonly string[]) =>
    `These figures cover only the customers ${parts.join(", ")}.`,
  populationFrom: (from: string) => `whose first order was on or after ${from}`,
  populationTo: (to: string) => `whose first order was on or before ${to}`,
  populationBetween: (from: string, to: string) =>
    `whose first order was between ${from} and ${to}`,
  populationValues: (dimension: string, values: string) =>
    `whose first order's ${dimension} is ${values}`,
  populationSegment: (segment: string) => `in the segment of ${segment}`,
  populationOr: " or ",
  populationQuote: (value: string) => `“${value}”`,
  tile2plus: "Made 2+ orders",
  tile5plus: "Made 5+ orders",
  tileOfUsers: (n: string) => `${n} customers`,
  tileWindow: "Repeat window",
  tileWindowNote: "it holds half of all second orders (25th–75th percentile)",
  windowDays: (lo: number, hi: number) => `day ${lo}–${hi}`,
  dataWarnings: "Check the data first",
  findings: "Findings",
  recommendations: "Recommendations",
  noFindings: "No findings: the data are too few.",
  noRecommendations: "No recommendations: the data are too few.",

  ledgerText: (read: string, accepted: string, rejected: string) =>
    `Every row read is accounted for: ${read} rows read = ${accepted} accepted + ${rejected} rejected, by reason below.`,
  ledgerRow: "Rows",
  rows: "Count",
  rowsRead: "read",
  rowsAccepted: "accepted",
  rejected: "rejected",
  reasons: {
    missing_user_id: "no customer id",
    missing_order_id: "no order id",
    bad_timestamp: "bad order date or time",
    bad_revenue: "bad revenue",
    bad_tickets_count: "bad ticket count",
    unknown_currency: "currency without any rate",
    no_exchange_rate: "no rate on or before the order date",
    duplicate_row: "exact duplicate row",
    conflicting_order_id: "order id with conflicting rows",
  },
  currencyText:
    "Revenue is converted to roubles at the latest rate on or before each order's date.",
  currencyTextNoRates: "Amounts are taken as they are, in roubles: no exchange rates were given.",
  currency: "Currency",
  orders: "Orders",
  revenueOriginal: "Revenue in the currency",
  revenueRub: "Revenue, ₽",
  filterOff: "The order-count filter is off: every customer is in the study.",
  filterText: (
    q: string,
    p: string,
    users: string,
    usersShare: string,
    orders: string,
    ordersShare: string,
    revenue: string,
    revenueShare: string,
  ) =>
    `Customers with more orders than the ${q}th percentile of order counts (P = ${p}) are left out of the study: ${users} customers (${usersShare}), ${orders} orders (${ordersShare}) and ${revenue} of revenue (${revenueShare}). The filter keeps a few customers with very many orders from setting every figure; the table shows how the headline figures depend on it.`,
  filterQ: "Filter quantile q",
  filterP: "Threshold P, orders",
  noFilter: "none",
  users: "Customers",
  share2plus: "Share with 2+",
  share5plus: "Share with 5+",
  meanAvgCheck: "Average check, mean over customers",

  entryIntro: (overall: string, minUsers: number, topN: number) =>
    `For each attribute of the first order, the share of customers who came back (made a second order), against the overall ${overall}. Values with fewer than ${minUsers} customers are pooled into "other"; at most ${topN} values are kept per attribute. Each value is tested against all other customers (two-proportion z-test). Lift is the value's repeat rate divided by the overall one: 1.20 means 20% more of its customers came back. The q-value is the test's p-value corrected for testing many values at once (Benjamini–Hochberg): below 0.05, the difference is unlikely to be chance.`,
  entryNone: "No first-order attribute is available in the data.",
  entryDimension: (label: string) => `First order: ${label}`,
  entrySuccessful: (values: string) =>
    `Successful entry points (at least 1% of customers, q < 0.05, above average; marked ★): ${values}.`,
  entryNoSuccessful: "No value is a successful entry point.",
  entryChi2: (chi2: string, dof: number, p: string, v: string) =>
    `χ² test of independence: χ² = ${chi2}, ${dof} ${dof === 1 ? "degree" : "degrees"} of freedom, ${p}; Cramér's V = ${v}.`,
  entrySkipped: (label: string) =>
    `Entry point "${label}": not analysed, the source has no such column.`,
  value: "Value",
  shareOfUsers: "Share of customers",
  repeatRate: "Repeat rate",
  interval95: "95% interval",
  lift: "Lift",
  qValue: "q-value",
  chartEntryTitle: (label: string) => `Repeat rate by ${label} of the first order`,
  chartEntryNote: (overall: string) =>
    `Dot: repeat rate; whiskers: 95% Wilson interval; dashed line: overall ${overall}; orange: successful entry point. The number after each value is its customers.`,
  axisRepeatRate: "Repeat rate (2+ orders), %",

  repeatText: (s2: string, s5: string, users: string) =>
    `Of ${users} customers, ${s2} made two or more orders and ${s5} five or more.`,
  segment: "Segment",
  segmentName: { "1": "1 order", "2-4": "2–4 orders", "5+": "5+ orders" },
  censoringText:
    "A customer who first bought shortly before the end of the data had no time to return. The shares below count only customers observed long enough, and the Kaplan–Meier curve uses everyone, treating the rest as censored.",
  withinHeader: "Second order within",
  withinDays: (days: number) => `${days} days`,
  share: "Share",
  eligibleUsers: "Customers observed long enough",
  chartOrderCountTitle: "Customers by number of orders",
  chartOrderCountNote: "After the order-count filter; values above the bars are customers.",
  axisOrders: "Orders per customer",
  axisUsers: "Customers",
  chartKmTitle: "Share with a second order by days since the first (Kaplan–Meier)",
  chartKmNote:
    "Line: estimate; band: 95% interval (Greenwood, log-log); dots: days 7, 14, 30, 60, 90.",
  axisDaysAfterFirst: "Days since the first order",
  axisShareSecond: "Share with a second order, %",
  dayShort: (day: number) => `day ${day}`,

  revenueText:
    "The average check is a customer's mean revenue per order, in roubles. Distributions are compared with the Mann–Whitney test.",
  medianAvgCheck: "Median average check",
  meanTickets: "Mean tickets per order",
  shareOfRevenue: "Share of revenue",
  groupName: (group: string | undefined) => GROUPS[group ?? ""] ?? group ?? "",
  chartAvgCheckTitle: (a: string, b: string) => `Average check: ${a} against ${b}`,
  chartAvgCheckNote: (p: string) => `Share of each group's customers per bin; Mann–Whitney ${p}.`,
  lastBinOpen: (from: string) => `The last bin holds every check from ${from}.`,
  axisAvgCheck: "Average check, ₽",
  axisShareOfGroup: "Share of the group, %",
  ticketsText: "Customers by average tickets per order, and how often each group came back.",
  chartTicketsTitle: "Repeat rate by average tickets per order",
  chartRateNote: "Bold: repeat rate; below it: customers; dashed line: overall repeat rate.",
  axisTickets: "Average tickets per order",
  usersShort: (n: string) => `${n} cust.`,

  chartWeekdayTitle: "Repeat rate by weekday of the first order",
  axisWeekday: "Weekday of the first order",
  weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
  daysText: (orders: string, p25: string, p50: string, p75: string, p90: string) =>
    `Over ${orders} repeat orders, the time since the previous order has a median of ${p50}; a quarter come within ${p25}, three quarters within ${p75}, nine in ten within ${p90}.`,
  windowText: (lo: number, hi: number) =>
    `The repeat window is day ${lo} to day ${hi} after the first order: it holds half of all second orders (from the 25th to the 75th percentile of the days to a second order).`,
  noRepeatOrders: "There are no repeat orders.",
  chartDaysTitle: "Repeat orders by days since the previous order",
  chartDaysNote: "Shaded: the repeat window (25th–75th percentile of days to the second order).",
  daysHidden: (orders: string, max: number) =>
    `${orders} orders after more than ${max} days are not shown.`,
  windowLabel: (lo: number, hi: number) => `repeat window: day ${lo}–${hi}`,
  axisDaysSincePrev: "Days since the previous order",
  axisOrders2: "Repeat orders",
  intervalSegmentsText: (p: string) =>
    `Average interval between orders of customers with 2–4 and with 5 or more orders (Mann–Whitney, ${p}).`,
  meanInterval: "Mean interval",
  medianInterval: "Median interval",
  chartIntervalTitle: "Share reaching 5+ orders by average interval between orders",
  chartIntervalNote: "Repeat customers only. Bold: share with 5+ orders; below it: customers.",
  axisAvgInterval: "Average interval between orders, days",
  axisShare5plus: "Share with 5+ orders, %",

  correlationText:
    "φK measures the association between two features of any type, from 0 (none) to 1 (full). It shows what goes together with the number of orders, not what causes it.",
  correlationMissing:
    "The correlation analysis was not run: there are too few customers or features.",
  chartPhikRankTitle: "What goes with the number of orders (φK)",
  chartPhikRankNote: "φK of each feature with the number of orders, strongest first.",
  chartPhikTitle: "φK between all features",
  chartPhikNote: "Darker is stronger; the interval between orders is over repeat customers only.",
  axisPhik: "φK with the number of orders",
  feature: "Feature",
  featureShort: (feature: string) => featureLabel(feature, "en", "short"),
  spearmanRho: "Spearman's ρ with orders",

  segmentsText:
    "Customers by number of orders: size, average check, tickets, interval between orders and the most common first order.",
  topOf: (label: string) => `Top ${label}`,

  predictionMissing:
    "The models of who will come back could not be fitted on these data: there are too few repeat customers, or the fit failed.",
  predictionSingle: (single: Counted, alive: Counted) =>
    alive.n === 0
      ? `Of ${counted(single, "customer", "customers")} with one order, none still looks active: the model puts the chance that any of them is still buying below 50%.`
      : `Of ${counted(single, "customer", "customers")} with one order, ${alive.text} still ${alive.n === 1 ? "looks" : "look"} active: the model puts the chance that ${alive.n === 1 ? "this customer is" : "they are"} still buying at 50% or more.`,
  predictionExpected: (
    horizon: string,
    date: string,
    users: Counted,
    filtered: boolean,
    orders: Counted,
    perUser: string,
  ) =>
    `Over the ${horizon} after ${date}, the end of the data, the ${counted(users, "customer", "customers")} of the study${filtered ? " (those the order-count filter keeps)" : ""} are expected to place ${counted(orders, "order", "orders")} between them (orders of one day counted as one), ${perUser} per customer.`,
  predictionValue: (months: string, discount: string, value: string) =>
    `A customer is worth ${value} on average over the next ${months}: the revenue of the orders they are expected to place, discounted at ${discount} a month.`,
  predictionSegmentsText:
    "By segment: the orders expected per customer, the average chance that a customer is still active, and the average customer value.",
  predictionEntryText:
    "The same figures by the attributes of the first order; values with too few customers are left out.",
  predictionByDimension: (label: string) => `By ${label} of the first order`,
  expectedPerUser: (horizon: string) => `Orders per customer in ${horizon}`,
  meanPAlive: "Mean chance still active",
  meanClv: "Mean value, ₽",
  months: (n: number) => `${n} ${n === 1 ? "month" : "months"}`,
  chartPAliveTitle: "Customers with one order by their chance of still being active",
  chartPAliveNote:
    "The chance comes from the MBG/NBD model. Green: 50% or more, likely to buy again; numbers above the bars are customers.",
  axisPAlive: "Chance of still being active, %",
  holdoutTitle: "How well the model predicts",
  holdoutText: (
    date: string,
    predicted: Counted,
    days: string,
    users: Counted,
    maxOrders: string | null,
    actual: Counted,
    error: string,
  ) =>
    `We checked the model on the same kind of customers as the forecast: fitted only on the orders up to ${date}, it predicted ${counted(predicted, "order", "orders")} in the following ${days} for the ${counted(users, "customer", "customers")} who had bought by then${maxOrders === null ? "" : ` and whom the order-count filter keeps (at most ${maxOrders} orders by that date)`}; they actually placed ${actual.text}${error ? `, a difference of ${error}` : ""}.`,
  chartHoldoutTitle: "Orders per customer in the check period: actual against predicted",
  chartHoldoutNote: (date: string, days: string) =>
    `Customers are grouped by their days with a repeat purchase up to ${date} (0: a single purchase day). Blue: the orders per customer they actually placed in the following ${days}; orange: the model's prediction.`,
  axisHoldoutFrequency: "Days with a repeat purchase before the check period",
  axisHoldoutOrders: "Orders per customer in the check period",
  holdoutBin: (date: string) => `Days with a repeat purchase up to ${date}`,
  holdoutActual: "Actual orders",
  holdoutPredicted: "Predicted orders",
  holdoutAll: "All",
  modelParamsTitle: "Model parameters",
  modelParamsText: (weeks: boolean) =>
    `Maximum-likelihood estimates with their standard errors; α is in ${weeks ? "weeks" : "days"} and γ in roubles.`,
  modelNames: { bg_nbd: "BG/NBD", mbg_nbd: "MBG/NBD", gamma_gamma: "Gamma-Gamma" },
  model: "Model",
  estimate: "Estimate",
  standardError: "Standard error",
  logLikelihood: "log-likelihood",
  notConverged: (models: string) =>
    `The fit did not converge (${models}): the likelihood keeps rising towards the edge of the parameters (for the BG/NBD usually a and b without bound: the same drop-out chance for everyone), so those estimates and their standard errors are not usable. The per-customer figures come from the MBG/NBD.`,

  definitionsTitle: "Definitions",
  definitions: [
    "Customer: a customer id; their first order is the earliest by time, then by order id.",
    "Repeat customer: 2 or more orders; the segments are 1, 2–4 and 5+ orders.",
    "Average check: a customer's mean order revenue in roubles, converted at the latest rate on or before the order date.",
    "Order-count filter: customers with more orders than the chosen percentile P of order counts are left out.",
    "Repeat window: the 25th to 75th percentile of days from the first to the second order.",
    "Successful entry point: at least 1% of customers, q < 0.05 and a repeat rate above the overall one.",
  ],
  testsTitle: "Tests",
  tests: [
    "Wilson score interval (95%) for repeat rates.",
    "Two-sided two-proportion z-test with pooled variance, each value against all other customers.",
    "Benjamini–Hochberg q-values over all values of all attributes tested in the run.",
    "Pearson χ² test of independence per attribute, with Cramér's V.",
    "Mann–Whitney U test, two-sided, normal approximation with tie and continuity corrections.",
    "Kaplan–Meier estimate of the time to the second order, with a Greenwood log-log 95% band.",
    "φK correlation as defined by the phik package 0.12.5 (10 equal-width bins for interval features).",
  ],
  parametersTitle: "Parameters of this run",
  parameter: "Parameter",
  valueCol: "Value",
  paramOrders: "Orders file",
  paramRates: "Rates file",
  paramPeriod: "Orders period",
  paramDataEnd: "End of the data",
  paramMinUsers: "Minimum customers per value",
  paramTopN: "Values kept per attribute",
  paramHorizon: "Prediction horizon",
  paramValueMonths: "Customer value period",
  paramDiscount: "Monthly discount rate",
  paramCalibrationEnd: "Model check: orders fitted up to",
  predictionMethodTitle: "How the prediction works",
  predictionMethod:
    "Each customer's history is summed up in three figures: frequency, the number of days with a repeat purchase (orders on one day count as one purchase); recency, the days from the first order to the last; and age, the days from the first order to the end of the data. The MBG/NBD model (Batislam et al. 2007) turns them into the chance that the customer is still active, P(alive), and the orders expected over the horizon; the BG/NBD model (Fader, Hardie & Lee 2005) is fitted alongside for comparison. The Gamma-Gamma model (Fader, Hardie & Lee 2005, “RFM and CLV”) estimates a customer's expected order value from the average value of their repeat orders. Customer value is the sum over the coming months of the orders expected in each month times the expected order value, discounted monthly. The models learn from every customer, heavy buyers included (leaving them out would cut the very counts the models describe), and the tables show the customers the order-count filter keeps. “One order” means a single order here as everywhere in the report: a customer with several orders on a single purchase day has a frequency of 0 for the models but is not a one-order customer. To check the models, they are fitted again on the orders up to an earlier date, and their prediction for the period after it is compared with the orders actually placed by the customers the forecast is about: those who had bought by that date and whom the order-count filter keeps, counting their orders up to that date.",
  skippedTitle: "Skipped analyses and notes",
  nothingSkipped: "Nothing was skipped.",
  noteAbsent: (column: string) =>
    `The source has no "${columnLabel(column, "en")}" column: what needs it is skipped or uses the default.`,
  notePredictionFailed: "The prediction models could not be fitted on these data.",
  notePredictionOff: "The prediction models were switched off for this run (--no-predict).",
  noteMismatch: (mismatches: string, compared: string) =>
    `The source's days since the previous order differ from the recomputed ones in ${mismatches} of ${compared} orders; the recomputed values are used.`,
};
