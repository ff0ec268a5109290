import type { Engine, SqlValue } from "../engine/engine.js";
import { SEGMENT_NAMES } from "../model/segments.js";
import {
  calibrationTriplesSql,
  historyTriplesSql,
  pAliveHistogramSql,
  pairExpectationsShapeSql,
  predictedGroupingSetsSql,
  purchaseHistorySql,
  singleOrderPredictionsSql,
  spendSql,
  userPredictionsSql,
} from "../queries/purchase-history.js";
import {
  fitBgNbd,
  fitGammaGamma,
  fitMbgNbd,
  lifetimeValue,
  type MbgNbdParams,
  mbgNbdExpectedIfAlive,
} from "../stats/btyd/index.js";
import { btydData, type Triple, triplesOf } from "./history-triples.js";
import { fitHoldout, type HoldoutFits, holdoutEvaluation } from "./holdout-evaluation.js";
import { countFit, spendFit } from "./model-fits.js";
import { numberOrNull } from "./numbers.js";
import type { PredictedGroup, PredictionSection } from "./prediction-results.js";
import type { StudyContext } from "./study-context.js";

/** What the prediction stage is asked for (config, with defaults). */
export interface PredictionOptions {
  /** The models' time unit; the results state their α in it. */
  readonly timeUnit: "days" | "weeks";
  readonly horizonDays: number;
  readonly clvMonths: number;
  readonly monthlyDiscountRate: number;
  /** The end of the calibration period; null picks one (see calibrationEnd). */
  readonly calibrationEnd: string | null;
}

const DAYS_PER_MONTH = 30;

/**
 * An amount rounded to a millionth of a rouble. Sums of many doubles differ between engines
 * (and between parallel runs) in their last bits, and the numeric Hessian behind the standard
 * errors would magnify that; at this precision every run hands the fit the same values.
 */
const micro = (v: unknown): number => Math.round(Number(v) * 1e6) / 1e6;

/** Days in one model time unit. */
const DAYS_IN: Record<PredictionOptions["timeUnit"], number> = { days: 1, weeks: 7 };

const isoDay = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const daysBetween = (a: string, b: string): number =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/**
 * The calibration end when none is given: the last `horizon` days are held out, but never
 * more than a third of the observed span, so the models still see two thirds of it.
 */
export function calibrationEnd(dataStart: string, dataEnd: string, horizonDays: number): string {
  const span = daysBetween(dataStart, dataEnd);
  return isoDay(dataEnd, -Math.min(horizonDays, Math.floor(span / 3)));
}

function group(row: Record<string, unknown> | undefined): PredictedGroup {
  const users = Number(row?.users ?? 0);
  const expected = Number(row?.expected_orders ?? 0);
  return {
    users,
    expected_orders: expected,
    expected_orders_per_user: users > 0 ? expected / users : null,
    mean_p_alive: numberOrNull(row?.mean_p_alive),
    mean_clv_rub: numberOrNull(row?.mean_clv_rub),
  };
}

/** The tables the models read and leave, one set per study. */
export interface ModelTables {
  readonly orders: string;
  readonly userIds: string;
  readonly history: string;
  readonly pairs: string;
  readonly predictions: string;
}

/**
 * The fitted models of a study, made once and shared by every run: they learn from every
 * user's whole history up to data_end, whatever population a run looks at. The per-user
 * figures are left in `tables.predictions` (with each user's order count, for a run's filter).
 */
export interface PredictionModel {
  readonly options: PredictionOptions;
  readonly asOf: string;
  readonly unit: number;
  readonly tables: ModelTables;
  readonly bg: ReturnType<typeof fitBgNbd>;
  readonly mbg: ReturnType<typeof fitMbgNbd>;
  readonly spend: ReturnType<typeof fitGammaGamma> | null;
  readonly holdout: HoldoutFits | null;
}

/**
 * Who will come back: MBG/NBD (P(alive), expected orders) and BG/NBD fitted on every user's
 * purchase occasions, Gamma-Gamma on their repeat order values, customer value over a horizon,
 * and the calibration fits of the holdout check. Returns null when no user has a repeat
 * occasion: the models have nothing to learn from.
 */
export async function fitPredictionModel(
  engine: Engine,
  tables: ModelTables,
  dataStart: string,
  asOf: string,
  options: PredictionOptions,
): Promise<PredictionModel | null> {
  const d = engine.dialect;
  const cut = options.calibrationEnd ?? calibrationEnd(dataStart, asOf, options.horizonDays);
  await engine.createTable(tables.history, purchaseHistorySql(d, tables, asOf, cut));
  const triples = triplesOf(await engine.all(historyTriplesSql(tables.history)));
  if (!triples.some((t) => t.x > 0)) return null;

  const unit = DAYS_IN[options.timeUnit];
  const data = btydData(triples, unit);
  // The count models are fitted while the engine reads the spend model's data.
  const [spendRows, [bg, mbg]] = await alongside(engine.all(spendSql(tables.history)), () => [
    fitBgNbd(data),
    fitMbgNbd(data),
  ]);
  // The spend model is fitted, and what a user would buy if alive computed, while the engine
  // reads the calibration period's histories.
  const p = mbg.params;
  const [calibrationRows, [spend, pairs]] = await alongside(
    engine.all(calibrationTriplesSql(d, { ...tables, population: tables.userIds }), [null]),
    () =>
      [
        spendRows.length >= 2
          ? fitGammaGamma({
              x: spendRows.map((r) => Number(r.x)),
              m: spendRows.map((r) => micro(r.m)),
            })
          : null,
        pairExpectations(triples, p, unit, options),
      ] as const,
  );
  const calibration = triplesOf(calibrationRows);
  await engine.createTable(tables.pairs, pairExpectationsShapeSql(d));
  await engine.insert(tables.pairs, ["x", "t_age", "expected_if_alive", "clv_if_alive"], pairs);
  // The calibration fits are made while the engine computes every user's predictions.
  const [, holdout] = await alongside(
    engine.createTable(
      tables.predictions,
      // The SQL counts days: α in days keeps (α + T)/(α + t_x) the model's own ratio.
      userPredictionsSql(d, tables, { ...p, alpha: p.alpha * unit }, spend?.params ?? null),
    ),
    () => fitHoldout(calibration, cut, daysBetween(cut, asOf), unit),
  );
  return { options, asOf, unit, tables, bg, mbg, spend, holdout };
}

/**
 * What a user would buy if alive, over the horizon and as customer value: it depends on
 * (x, t_age) only, so it is computed once per distinct pair (rows of x, t_age and the two
 * figures), joined back to the users in SQL, where P(alive) is computed per user.
 */
function pairExpectations(
  triples: readonly Triple[],
  p: MbgNbdParams,
  unit: number,
  options: PredictionOptions,
): SqlValue[][] {
  const pairs = new Map<string, SqlValue[]>();
  for (const t of triples) {
    const key = `${t.x} ${t.T}`;
    if (pairs.has(key)) continue;
    const ifAlive = (time: number) => mbgNbdExpectedIfAlive(p, time, t.x, t.T / unit);
    pairs.set(key, [
      t.x,
      t.T,
      ifAlive(options.horizonDays / unit),
      lifetimeValue(ifAlive, 1, {
        months: options.clvMonths,
        monthlyDiscountRate: options.monthlyDiscountRate,
        periodsPerMonth: DAYS_PER_MONTH / unit,
      }),
    ]);
  }
  return [...pairs.values()];
}

/**
 * `work` (a fit in TypeScript) done while the engine runs `statement`, already sent: the
 * statement does not depend on the work, and no other is sent before it ends, even when the
 * work fails.
 */
async function alongside<T, U>(statement: Promise<T>, work: () => U): Promise<[T, U]> {
  let result: U;
  try {
    result = work();
  } catch (error) {
    await statement.catch(() => undefined);
    throw error;
  }
  return [await statement, result];
}

/**
 * The predictions for the users a run keeps (`ctx.users`): overall, per segment and entry
 * point, the one-order customers, and the holdout check over the run's population with its
 * order-count filter (at most `maxOrders` orders). `predictions` is the run's view of the
 * per-user figures (runPredictionsSql).
 */
export async function predictionSection(
  ctx: StudyContext,
  model: PredictionModel,
  relations: { predictions: string; population: string },
  maxOrders: number | null,
): Promise<PredictionSection> {
  const { engine } = ctx;
  const { options } = model;
  const kept = { predictions: relations.predictions, users: ctx.users };
  const keys = ["segment", ...ctx.dimensions];
  const grouped = await engine.all(predictedGroupingSetsSql(kept, keys));
  const of = (key: string) =>
    grouped
      .filter((r) => Number(r[`g_${key}`]) === 0)
      .map((r) => ({ ...r, value: r[`v_${key}`] ?? null }));
  const overall = grouped.find((r) => keys.every((k) => Number(r[`g_${k}`]) === 1));
  const bySegment = of("segment");
  const byEntryPoint: PredictionSection["by_entry_point"] = {};
  for (const dimension of ctx.dimensions) {
    byEntryPoint[dimension] = of(dimension)
      .map((r) => ({ value: String(r.value), ...group(r) }))
      .filter((r) => r.users >= ctx.minUsers)
      .sort((a, b) => b.users - a.users || (a.value < b.value ? -1 : 1))
      .slice(0, ctx.topN);
  }
  // One-order customers among the kept users: segment 1, as everywhere a reader sees "one
  // order". (Several orders on one day are one occasion for the models, but such a customer is
  // not a one-order customer.)
  const [single] = await engine.all(singleOrderPredictionsSql(kept));
  const histogramRows = await engine.all(pAliveHistogramSql(kept));
  const histogram = Array.from({ length: 10 }, (_, i) => ({
    lo: i / 10,
    hi: (i + 1) / 10,
    users: Number(histogramRows.find((r) => Number(r.bin) === i)?.users ?? 0),
  }));
  const holdout =
    model.holdout === null
      ? null
      : holdoutEvaluation(
          model.holdout,
          triplesOf(
            await engine.all(
              calibrationTriplesSql(engine.dialect, {
                history: model.tables.history,
                userIds: model.tables.userIds,
                population: relations.population,
              }),
              [maxOrders],
            ),
          ),
          maxOrders,
        );

  return {
    time_unit: options.timeUnit,
    horizon_days: options.horizonDays,
    as_of: model.asOf,
    users: Number(overall?.users ?? 0),
    model: "mbg_nbd",
    fits: { bg_nbd: countFit(model.bg), mbg_nbd: countFit(model.mbg) },
    spend: model.spend ? spendFit(model.spend) : null,
    value: { months: options.clvMonths, monthly_discount_rate: options.monthlyDiscountRate },
    overall: group(overall),
    by_segment: SEGMENT_NAMES.map((segment) => ({
      segment,
      ...group(bySegment.find((r) => r.value === segment)),
    })),
    by_entry_point: byEntryPoint,
    single_order_buyers: {
      ...group(single),
      // P(alive) ≥ 0.5: the bins from [0.5, 0.6) up.
      likely_alive: histogram.filter((b) => b.lo >= 0.5).reduce((n, b) => n + b.users, 0),
      p_alive_histogram: histogram,
    },
    holdout,
  };
}
