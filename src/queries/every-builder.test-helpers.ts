import type { Dialect } from "../engine/dialect.js";
import type { SqlValue } from "../engine/engine.js";
import { checkQuintilesSql, covariatePatternsSql } from "./adjusted-effects.js";
import type { Bindings } from "./bindings.js";
import {
  applyReasonsSql,
  checkedOrdersSql,
  checkedWithReasonsSql,
  rawRowsKeptSql,
  repeatedOrderReasonsSql,
  repeatedOrderRowsSql,
} from "./checked-orders.js";
import { cohortCellsSql, cohortUsersSql, userPeriodsSql } from "./cohorts.js";
import {
  comparedRepeatSql,
  comparedUsersSql,
  entryMixSql,
  firstOrderCheckSql,
} from "./compare-periods.js";
import {
  contingencySql,
  featureRangesSql,
  levelCombosSql,
  levelKeysSql,
  levelValuesSql,
  pairCountsSql,
  spearmanSql,
} from "./correlation.js";
import {
  customerListSizesSql,
  customerListSql,
  repeaterMedianRevenueSql,
} from "./customer-lists.js";
import { entryPointCountsSql } from "./entry-points.js";
import { aggUsersExportSql, rowCountSql, tableExportSql } from "./exports.js";
import { ordersAfterSql, ordersPerDateSql, rowsBetweenSql, studyWindowSql } from "./order-dates.js";
import {
  acceptedOrdersSql,
  integerOrderIdsSql,
  keptGapsSql,
  keptUsersSql,
  nonIntegerOrderIdSql,
  orderGapCountsSql,
  userGapCountsSql,
} from "./orders.js";
import { parsedRowsSql } from "./parse-expressions.js";
import {
  calibrationTriplesSql,
  historyTriplesSql,
  pAliveHistogramSql,
  pairExpectationsShapeSql,
  predictedGroupingSetsSql,
  purchaseHistorySql,
  runPredictionsSql,
  singleOrderPredictionsSql,
  spendSql,
  userPredictionsSql,
} from "./purchase-history.js";
import { rankSumSql } from "./rank-sum.js";
import {
  conflictingRateDatesSql,
  dailyRatesSql,
  emptyRatesSql,
  foreignCurrencyRowsSql,
  rateCurrenciesSql,
  rateProblemsSql,
  ratesSql,
} from "./rates.js";
import { rejectsSql } from "./rejects.js";
import { orderCountDistributionSql, repeatWithinSql, survivalCountsSql } from "./repeat.js";
import {
  avgRevenueQuantileSql,
  binnedUsersSql,
  revenueBySegmentSql,
  twoGroupHistogramSql,
} from "./revenue.js";
import { segmentMeansSql, segmentTopValuesSql } from "./segment-profiles.js";
import {
  daysSincePrevCheckSql,
  headlineSql,
  ledgerSql,
  percentileSql,
  populationSql,
  removedSql,
  segmentsSql,
} from "./summaries.js";
import {
  daysSincePrevCountsSql,
  daysToSecondCountsSql,
  intervalBySegmentSql,
  weekdaySql,
} from "./time.js";
import { userIdsSql } from "./user-ids.js";
import { usersSql } from "./users.js";

const text = (source: string) => ({ source, kind: "text" as const });
const BINDINGS: Bindings = {
  user_id: text("user_id"),
  order_id: { source: "order_id", kind: "integer" },
  order_ts: text("order_ts"),
  order_dt: { source: "order_dt", kind: "date" },
  revenue: text("revenue"),
  currency_code: text("currency_code"),
  tickets_count: text("tickets_count"),
  device_type_canonical: text("device_type_canonical"),
  days_since_prev: text("days_since_prev"),
};
/** Values the source typed, and no order_ts: the date stands for it. */
const TYPED_BINDINGS: Bindings = {
  user_id: { source: "user_id", kind: "integer" },
  order_id: { source: "order_id", kind: "integer" },
  order_dt: { source: "order_dt", kind: "date" },
  revenue: { source: "revenue", kind: "double" },
  tickets_count: { source: "tickets_count", kind: "integer" },
};
const DIMS = ["device_type_canonical"] as const;
const MODEL = { r: 0.5, alpha: 10, a: 1, b: 2 };
const PREDICTION_RELATIONS = {
  history: "enc_history",
  userIds: "enc_user_ids",
  pairs: "enc_pair_expectations",
};
const KEPT_PREDICTIONS = { predictions: "enc_r1_predictions", users: "enc_r1_users_kept" };
const SPEND = { p: 6, q: 4, gamma: 15 };

/** Every builder of src/queries, rendered in a dialect with representative arguments. */
export function everyBuilder(
  d: Dialect,
): Record<string, string | { sql: string; params: SqlValue[] }> {
  return {
    checkedOrdersSql: checkedOrdersSql(d, BINDINGS),
    checkedOrdersSql_textIds: checkedOrdersSql(d, { ...BINDINGS, order_id: text("order_id") }),
    checkedOrdersSql_integerIds: checkedOrdersSql(
      d,
      { ...BINDINGS, order_id: text("order_id") },
      true,
    ),
    parsedRowsSql: parsedRowsSql(d, TYPED_BINDINGS, "enc_raw", "r.\"currency_code\" <> 'rub'"),
    repeatedOrderRowsSql: repeatedOrderRowsSql(),
    rawRowsKeptSql: rawRowsKeptSql(true),
    rawRowsKeptSql_repeatedOnly: rawRowsKeptSql(false),
    repeatedOrderReasonsSql: repeatedOrderReasonsSql(["user_id", "order_id", "revenue"]),
    applyReasonsSql: applyReasonsSql("enc_reasons"),
    checkedWithReasonsSql: checkedWithReasonsSql("enc_reasons"),
    rejectsSql: rejectsSql(["user_id", "order_id", "revenue"]),
    featureRangesSql: featureRangesSql(d, "enc_users", [
      { column: "total_orders", kind: "interval" },
      { column: "first_device", kind: "categorical" },
    ]),
    contingencySql: contingencySql(d, "enc_users", [
      { kind: "interval", column: "total_orders", edges: [1, 2, 5] },
      { kind: "categorical", column: "first_device", top: 3 },
    ]),
    levelCombosSql: levelCombosSql(d, "enc_users", [
      { kind: "interval", column: "total_orders", edges: [1, 2, 5] },
      { kind: "categorical", column: "first_device", top: 3 },
    ]),
    levelValuesSql: levelValuesSql(d, "enc_users", {
      kind: "categorical",
      column: "first_device",
      top: 3,
    }),
    levelKeysSql: levelKeysSql(
      d,
      "enc_users",
      [
        { kind: "interval", column: "total_orders", edges: [1, 2, 5] },
        { kind: "categorical", column: "first_device", top: 3 },
        { kind: "categorical", column: "first_order_weekday" },
      ],
      [4, 5, 9],
    ),
    pairCountsSql: pairCountsSql("enc_level_combos", 3, [
      [0, 1],
      [1, 2],
    ]),
    spearmanSql: spearmanSql(d, "enc_users", "total_orders", ["avg_revenue_rub"]),
    entryPointCountsSql: entryPointCountsSql("enc_users", "first_device"),
    integerOrderIdsSql: integerOrderIdsSql(d),
    nonIntegerOrderIdSql: nonIntegerOrderIdSql(d, text("order_id")),
    acceptedOrdersSql: acceptedOrdersSql(),
    acceptedOrdersSqlWindowed: acceptedOrdersSql(true),
    studyWindowSql: studyWindowSql(),
    ordersAfterSql: { sql: ordersAfterSql(), params: ["2024-12-31"] },
    ordersPerDateSql: ordersPerDateSql(d),
    rowsBetweenSql: { sql: rowsBetweenSql(), params: ["2024-06-01", "2024-06-30"] },
    orderGapCountsSql: orderGapCountsSql(d, "integer_text"),
    purchaseHistorySql: purchaseHistorySql(d, { orders: "enc_orders" }, "2024-12-31", "2024-09-30"),
    historyTriplesSql: historyTriplesSql("enc_history"),
    calibrationTriplesSql: {
      sql: calibrationTriplesSql(d, {
        history: "enc_history",
        userIds: "enc_user_ids",
        population: "enc_population",
      }),
      params: [50],
    },
    spendSql: spendSql("enc_history"),
    userPredictionsSql: userPredictionsSql(d, PREDICTION_RELATIONS, MODEL, SPEND),
    runPredictionsSql: runPredictionsSql(d, "enc_model_predictions", 50),
    pairExpectationsShapeSql: pairExpectationsShapeSql(d),
    predictedGroupingSetsSql: predictedGroupingSetsSql(KEPT_PREDICTIONS, [
      "segment",
      "first_device",
    ]),
    singleOrderPredictionsSql: singleOrderPredictionsSql(KEPT_PREDICTIONS),
    pAliveHistogramSql: pAliveHistogramSql(KEPT_PREDICTIONS),
    userGapCountsSql: userGapCountsSql(d, "integer_text", "enc_orders"),
    keptGapsSql: keptGapsSql(
      { userGaps: "enc_user_gaps", userIds: "enc_user_ids", keptUsers: "enc_r1_users_kept" },
      12,
    ),
    keptGapsSqlEveryone: keptGapsSql({ orderGaps: "enc_order_gaps" }, 12),
    keptUsersSql: keptUsersSql("enc_population", 12),
    aggUsersExportSql: aggUsersExportSql(d, "enc_users", 12),
    rankSumSql: rankSumSql(d, "enc_users", "avg_revenue_rub", "is_two", "NOT is_two"),
    ratesSql: ratesSql(d),
    emptyRatesSql: emptyRatesSql(d),
    dailyRatesSql: dailyRatesSql(d, BINDINGS),
    rateProblemsSql: rateProblemsSql(d),
    conflictingRateDatesSql: conflictingRateDatesSql(d),
    rateCurrenciesSql: rateCurrenciesSql(),
    orderCountDistributionSql: orderCountDistributionSql("enc_users"),
    repeatWithinSql: { sql: repeatWithinSql(d, "enc_users"), params: ["2024-12-31", 30] },
    survivalCountsSql: { sql: survivalCountsSql(d, "enc_users"), params: ["2024-12-31"] },
    revenueBySegmentSql: revenueBySegmentSql(d, "enc_users"),
    avgRevenueQuantileSql: avgRevenueQuantileSql(d, "enc_users", 0.25),
    twoGroupHistogramSql: twoGroupHistogramSql("enc_users", "1", "is_two", "is_five"),
    binnedUsersSql: binnedUsersSql("enc_users", "1", "is_two"),
    segmentMeansSql: segmentMeansSql("enc_users"),
    segmentTopValuesSql: segmentTopValuesSql(d, "enc_users", ["first_device", "first_city"]),
    ledgerSql: ledgerSql(d),
    percentileSql: percentileSql(d, "enc_users", 0.9),
    headlineSql: { sql: headlineSql(d, "enc_users"), params: [12] },
    removedSql: { sql: removedSql(d, "enc_users"), params: [12] },
    segmentsSql: { sql: segmentsSql(d, "enc_users"), params: [null] },
    populationSql: populationSql(d, "enc_users", {
      from: "2024-06-01",
      to: null,
      where: [["first_region", ["Москва", "it's"]]],
      segment: "5+",
    }),
    cohortCellsSql: {
      sql: cohortCellsSql(
        d,
        { users: "enc_users", userIds: "enc_user_ids", orders: "enc_orders" },
        "month",
      ),
      params: ["2024-12-31"],
    },
    cohortPeriodCellsSql: cohortCellsSql(
      d,
      { users: "enc_r1_users_kept", userPeriods: "enc_user_periods" },
      "week",
    ),
    cohortUsersSql: { sql: cohortUsersSql(d, "enc_users", "week"), params: ["2024-12-31"] },
    userPeriodsSql: {
      sql: userPeriodsSql(
        d,
        { users: "enc_users", userIds: "enc_user_ids", orders: "enc_orders" },
        "week",
      ),
      params: ["2024-12-31"],
    },
    comparedUsersSql: {
      sql: comparedUsersSql("enc_users"),
      params: ["2024-06-01", "2024-06-30", "2024-07-01", "2024-07-31"],
    },
    firstOrderCheckSql: firstOrderCheckSql(d, "enc_compared"),
    entryMixSql: entryMixSql("enc_compared", "first_device"),
    comparedRepeatSql: { sql: comparedRepeatSql(d, "enc_compared"), params: ["2024-12-31"] },
    checkQuintilesSql: { sql: checkQuintilesSql(d, "enc_users", 90), params: ["2024-12-31"] },
    covariatePatternsSql: covariatePatternsSql(
      d,
      "enc_users",
      90,
      [{ column: "first_device", kept: ["mobile", "desktop"] }],
      [100, 200, 300, 400],
      "2024-12-31",
    ),
    customerListSql: customerListSql(
      d,
      { users: "enc_users", predictions: "enc_predictions" },
      { list: "champions", minOrders: 5, minPAlive: 0.5 },
      "2024-12-31",
      "5+ orders",
    ),
    customerListSizesSql: customerListSizesSql(
      d,
      { users: "enc_users", predictions: "enc_predictions" },
      [
        { list: "nudge_now", window: [1, 10] },
        { list: "at_risk_valuable", minOrders: 2, maxPAlive: 0.3, minRevenue: 5000 },
      ],
      "2024-12-31",
    ),
    repeaterMedianRevenueSql: repeaterMedianRevenueSql(d, "enc_users"),
    daysSincePrevCheckSql: daysSincePrevCheckSql(),
    weekdaySql: weekdaySql("enc_users"),
    daysSincePrevCountsSql: daysSincePrevCountsSql("enc_gaps"),
    daysToSecondCountsSql: daysToSecondCountsSql("enc_users"),
    intervalBySegmentSql: intervalBySegmentSql(d, "enc_users"),
    userIdsSql: userIdsSql(d, text("user_id")),
    usersSql: usersSql(d, BINDINGS, [...DIMS], "integer_text"),
    foreignCurrencyRowsSql: foreignCurrencyRowsSql(d, text("currency_code")),
    tableExportSql: tableExportSql("enc_rejects"),
    rowCountSql: rowCountSql("enc_r1_list_champions"),
  };
}
