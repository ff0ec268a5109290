import type { AnalysisConfig } from "../config/config.js";
import type { Engine } from "../engine/engine.js";
import { SOURCE_LABELS } from "../engine/registry.js";
import { sourceLabel } from "../engine/stage-source.js";
import { cancelledError, configError } from "../errors.js";
import { writeOutputFile } from "../io/output-file.js";
import type { OutputSet } from "../io/output-set.js";
import { DIMENSIONS, type DimensionColumn, ORDER_COLUMNS } from "../model/columns.js";
import { CURRENCIES } from "../model/currencies.js";
import { SEGMENT_NAMES, type SegmentName } from "../model/segments.js";
import { userPeriodsSql } from "../queries/cohorts.js";
import type { ListName } from "../queries/customer-lists.js";
import { dimensionValuesSql, firstOrderRangeSql } from "../queries/filter-options.js";
import { groupUsersSql, type UserGroup } from "../queries/group-users.js";
import { keptGapsSql, keptUsersSql, userGapCountsSql } from "../queries/orders.js";
import { runPredictionsSql } from "../queries/purchase-history.js";
import { type PopulationFilter, populationSql, segmentsSql } from "../queries/summaries.js";
import { type RunTables, runTables, TABLES } from "../queries/tables.js";
import { VERSION } from "../version.js";
import { adjustedEffectsStage } from "./adjusted-effects.js";
import { cohortStage } from "./cohorts.js";
import { comparePeriods } from "./compare-periods.js";
import { correlationStage } from "./correlation.js";
import { listSizes, type PlannedList, planLists } from "./customer-lists.js";
import { entryPointsStage } from "./entry-points.js";
import { headline, orderCountFilter } from "./filter.js";
import { findingsAndRecommendations } from "./findings/index.js";
import type { CustomerList } from "./list-results.js";
import { fitPredictionModel, type PredictionModel, predictionSection } from "./prediction.js";
import { type PreparedOrders, prepareOrders } from "./prepare-orders.js";
import { repeatStage } from "./repeat.js";
import {
  type AnalysisResults,
  type FilterResult,
  type Note,
  SCHEMA_VERSION,
  SEGMENTS,
  type Segment,
  type SegmentTotals,
} from "./results.js";
import { revenueStage } from "./revenue.js";
import { segmentProfilesStage } from "./segment-profiles.js";
import type { StudyContext } from "./study-context.js";
import { timeStage } from "./time.js";
import { writeLists, writeRows, writeTables } from "./write-outputs.js";

/**
 * The users a run is about: first orders in a date range (§12), first-order attributes among
 * given values, one segment of total orders. Every field empty is every user.
 */
export interface StudyFilter {
  readonly from: string | null;
  readonly to: string | null;
  readonly where: Readonly<Partial<Record<DimensionColumn, readonly string[]>>>;
  readonly segment: SegmentName | null;
}

export const EVERYONE: StudyFilter = { from: null, to: null, where: {}, segment: null };

/** The filter a config states (cohort_from/to, where, segment). */
export const configFilter = (config: AnalysisConfig): StudyFilter => ({
  from: config.cohorts.from,
  to: config.cohorts.to,
  where: config.where,
  segment: config.segment,
});

/** One row of the report: a first-order value of a dimension, or a cohort by its first day. */
export type StudyGroup =
  | { readonly dimension: DimensionColumn; readonly value: string }
  | { readonly cohort: string };

/** A value a filter can keep, and how many users' first order has it. */
export interface OptionValue {
  readonly value: string;
  readonly users: number;
}

export interface StudyOptions {
  readonly users: number;
  /** The first and last first-order dates (null without users). */
  readonly first_order: { readonly from: string | null; readonly to: string | null };
  /** Per dimension the orders have, its values (at most OPTION_VALUES of them). */
  readonly dimensions: Readonly<Partial<Record<DimensionColumn, readonly OptionValue[]>>>;
  readonly segments: readonly SegmentName[];
}

/** The most values a dimension offers a filter; the rarest beyond it are left out. */
export const OPTION_VALUES = 1000;

export interface OpenOptions {
  /** Called as each step starts, for progress on stderr. */
  readonly onProgress?: (step: string) => void;
  /** Called at once with what the user should know before the study goes on. */
  readonly onWarning?: (text: string) => void;
  /** Aborting it cancels the running statement; opening then fails as cancelled. */
  readonly signal?: AbortSignal;
  /** Keep the rejected rows as read, for rejects.csv (a run that writes no outputs needs none). */
  readonly keepRejects?: boolean;
  /**
   * The study will answer many filtered runs (encore serve): build what every filtered run
   * reads but no filter changes (the days between orders of each user) as it opens, instead
   * of in the first filtered run.
   */
  readonly forFilters?: boolean;
}

export interface StudyRunOptions {
  /** The users the run is about; every user by default. */
  readonly filter?: StudyFilter;
  readonly onProgress?: (step: string) => void;
  /** Aborting it cancels this run only; the study stays open for the next. */
  readonly signal?: AbortSignal;
  /** When the run happens (the report's footer states its date); the clock's time by default. */
  readonly now?: Date;
  /** Where to write results.json, agg_users, rejects, predictions and the lists; null: nowhere. */
  readonly output?: OutputSet | null;
}

/**
 * A study opened once: the orders read, checked and aggregated per user (the ledger, the
 * checked orders, agg_users), then asked any number of questions, each a run over a population
 * with working tables of its own. Runs take turns on the engine's one session.
 */
export interface Study {
  readonly config: AnalysisConfig;
  /** The preparation's figures (ledger, notes, dates), the same for every run. */
  readonly prepared: PreparedOrders;
  /** Every figure of §3–§9, §12–§14 and the predictions, for the filter's users. */
  run(options?: StudyRunOptions): Promise<AnalysisResults>;
  /**
   * One customer list (§14) of the filter's users, as CSV into `file`; its size and revenue,
   * or null when the list cannot be made (no P(alive) or no repeat window).
   */
  writeList(
    name: ListName,
    file: string,
    options?: Omit<StudyRunOptions, "output">,
  ): Promise<CustomerList | null>;
  /**
   * The filter's users of one report row, as CSV into `file`: those whose first order has one
   * value of a dimension (§4), or who belong to one cohort (§12, its first day). Returns how
   * many were written.
   */
  writeGroup(
    group: StudyGroup,
    file: string,
    options?: Omit<StudyRunOptions, "output">,
  ): Promise<number>;
  /**
   * What a filter can choose from, over every user: each first-order dimension's values with
   * their users (the most common first), the range of first-order dates, the segments.
   */
  options(): Promise<StudyOptions>;
  /** Drops every working table and closes the engine. */
  close(): Promise<void>;
}

/** Reads, checks and aggregates the config's orders once, in the engine it is given. */
export async function openStudy(
  engine: Engine,
  config: AnalysisConfig,
  options: OpenOptions = {},
): Promise<Study> {
  const { signal } = options;
  const report = options.onProgress ?? (() => {});
  const progress = (step: string) => {
    if (signal?.aborted) throw cancelledError();
    report(step);
  };
  const cancel = () => void engine.cancel().catch(() => undefined);
  signal?.addEventListener("abort", cancel, { once: true });
  try {
    if (signal?.aborted) throw cancelledError();
    const prepared = await prepareOrders(engine, config, progress, {
      keepRejects: options.keepRejects ?? true,
      ...(options.onWarning ? { warn: options.onWarning } : {}),
    });
    const study = new OpenStudy(engine, config, prepared);
    if (options.forFilters) {
      progress("days between orders of each user");
      await study.userGapCounts();
      progress("orders of each user per cohort period");
      await study.userPeriodCounts();
    }
    return study;
  } catch (error) {
    if (signal?.aborted) throw cancelledError(signal.reason === "SIGTERM" ? "SIGTERM" : "SIGINT");
    throw error;
  } finally {
    signal?.removeEventListener("abort", cancel);
  }
}

/** A run's own view of the study: its tables, the context of its stages, its notes. */
interface RunState {
  readonly tables: RunTables;
  readonly filter: StudyFilter;
  readonly ctx: StudyContext;
  readonly population: string;
  /** The population's order-count filter (§3); its P is every stage's. */
  readonly orderFilter: FilterResult;
  readonly notes: Note[];
  readonly made: { name: string; kind: "table" | "view" }[];
}

class OpenStudy implements Study {
  private runs = 0;
  /** Runs take turns: each waits for the one before it. */
  private queue: Promise<unknown> = Promise.resolve();
  private model: Promise<PredictionModel | null> | null = null;
  private userGaps: Promise<void> | null = null;
  /** The engine's second session (fork), opened on the first run; null where it has none. */
  private side: Promise<Engine | null> | null = null;
  private closed = false;

  constructor(
    private readonly engine: Engine,
    readonly config: AnalysisConfig,
    readonly prepared: PreparedOrders,
  ) {}

  run(options: StudyRunOptions = {}): Promise<AnalysisResults> {
    return this.take(options, (state, progress) =>
      this.answer(state, progress, options.now ?? new Date(), options.output ?? null),
    );
  }

  writeList(
    name: ListName,
    file: string,
    options: Omit<StudyRunOptions, "output"> = {},
  ): Promise<CustomerList | null> {
    return this.take(options, async (state, progress) => {
      progress("time between purchases");
      const time = await timeStage(state.ctx);
      const predictions = await this.predictions(state);
      progress("customer lists");
      const planned = (
        await planLists(
          state.ctx,
          predictions,
          time.repeat_window.window,
          this.config.lists,
          state.notes,
        )
      ).filter((list) => list.name === name);
      const sizes = await listSizes(state.ctx, predictions, planned);
      const list = planned[0];
      if (!list) return null;
      await writeLists(
        this.engine,
        state.tables.listPrefix,
        [list],
        this.config.csvRaw,
        () => file,
      );
      return sizes[name];
    });
  }

  writeGroup(
    group: StudyGroup,
    file: string,
    options: Omit<StudyRunOptions, "output"> = {},
  ): Promise<number> {
    const { prepared, config } = this;
    if ("dimension" in group && !prepared.dims.includes(group.dimension)) {
      return Promise.reject(
        configError(`cannot list users by ${group.dimension}: the orders have no such column`),
      );
    }
    const rows: UserGroup =
      "dimension" in group
        ? { dimension: DIMENSIONS[group.dimension], value: group.value }
        : { cohort: group.cohort, period: config.cohorts.period };
    return this.take(options, (state) =>
      writeRows(
        this.engine,
        `${state.tables.listPrefix}group`,
        groupUsersSql(this.engine.dialect, state.ctx.users, rows),
        config.csvRaw,
        file,
      ),
    );
  }

  options(): Promise<StudyOptions> {
    this.choices ??= this.queued(async () => {
      const { engine, prepared } = this;
      const d = engine.dialect;
      const [range] = await engine.all(firstOrderRangeSql(d, TABLES.users));
      const dimensions: Partial<Record<DimensionColumn, OptionValue[]>> = {};
      for (const column of prepared.dims) {
        const rows = await engine.all(
          dimensionValuesSql(d, TABLES.users, DIMENSIONS[column], OPTION_VALUES),
        );
        dimensions[column] = rows.map((r) => ({ value: String(r.value), users: Number(r.users) }));
      }
      return {
        users: Number(range?.users ?? 0),
        first_order: {
          from: range?.first ? String(range.first) : null,
          to: range?.last ? String(range.last) : null,
        },
        dimensions,
        segments: SEGMENT_NAMES,
      };
    }).catch((error: unknown) => {
      this.choices = null;
      throw error;
    });
    return this.choices;
  }

  private choices: Promise<StudyOptions> | null = null;

  /** Runs `work` when the runs before it are done. */
  private queued<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error("the study is closed"));
    const turn = this.queue.catch(() => undefined).then(work);
    this.queue = turn;
    return turn;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue.catch(() => undefined);
    const side = await this.side?.catch(() => null);
    await side?.close();
    await this.engine.close();
  }

  /** Runs `work` on a run's tables when the runs before it are done, then drops the tables. */
  private take<T>(
    options: Omit<StudyRunOptions, "output">,
    work: (state: RunState, progress: (step: string) => void) => Promise<T>,
  ): Promise<T> {
    if (this.closed) return Promise.reject(new Error("the study is closed"));
    const { signal } = options;
    const turn = this.queue
      .catch(() => undefined)
      .then(async () => {
        const report = options.onProgress ?? (() => {});
        const progress = (step: string) => {
          if (signal?.aborted) throw cancelledError();
          report(step);
        };
        if (signal?.aborted) throw cancelledError();
        const cancel = () => {
          void this.engine.cancel().catch(() => undefined);
          void this.side?.then((side) => side?.cancel()).catch(() => undefined);
        };
        signal?.addEventListener("abort", cancel, { once: true });
        const state = await this.begin(options.filter ?? EVERYONE, progress).catch(
          (error: unknown) => {
            signal?.removeEventListener("abort", cancel);
            throw error;
          },
        );
        try {
          return await work(state, progress);
        } catch (error) {
          if (signal?.aborted) {
            throw cancelledError(signal.reason === "SIGTERM" ? "SIGTERM" : "SIGINT");
          }
          throw error;
        } finally {
          signal?.removeEventListener("abort", cancel);
          // A cancelled statement leaves the engine ready for the next run once it is resumed.
          this.engine.resume();
          (await this.side?.catch(() => null))?.resume();
          await this.end(state);
        }
      });
    this.queue = turn;
    return turn;
  }

  /** The engine's second session, opened once; null where the engine has none. */
  private sideSession(): Promise<Engine | null> {
    this.side ??= this.engine.fork().catch(() => null);
    return this.side;
  }

  /** The days between orders counted per user, made once for every filtered run. */
  userGapCounts(): Promise<void> {
    const { engine, prepared } = this;
    this.userGaps ??= engine
      .createTable(
        TABLES.userGaps,
        userGapCountsSql(engine.dialect, prepared.orderIds, TABLES.orders),
      )
      .catch((error: unknown) => {
        this.userGaps = null;
        throw error;
      });
    return this.userGaps;
  }

  /**
   * Each user's orders per cohort period, made once where the study answers many filtered
   * runs: their cohort cells then read it instead of every order.
   */
  async userPeriodCounts(): Promise<void> {
    const { engine, config } = this;
    await engine.createTable(
      TABLES.userPeriods,
      userPeriodsSql(
        engine.dialect,
        { users: TABLES.users, userIds: TABLES.userIds, orders: TABLES.orders },
        config.cohorts.period,
      ),
      [this.dataEnd()],
    );
    this.userPeriods = TABLES.userPeriods;
  }

  private userPeriods: string | null = null;

  /** The end of the observation window: data_end, else the last accepted order's date. */
  private dataEnd(): string {
    return this.config.dataEnd ?? this.prepared.lastDate ?? "1970-01-01";
  }

  /** The run's population, its order-count filter and the context its stages read. */
  private async begin(filter: StudyFilter, progress: (step: string) => void): Promise<RunState> {
    const { engine, config, prepared } = this;
    const d = engine.dialect;
    const tables = runTables(++this.runs);
    const made: RunState["made"] = [];
    try {
      const everyone = isEveryone(filter);
      let population: string = TABLES.users;
      if (!everyone) {
        const where = Object.entries(filter.where).map(([column, values]) => {
          if (!prepared.dims.includes(column as DimensionColumn)) {
            throw configError(
              `cannot keep users by ${column}: the orders have no such column`,
              `Filter on one of ${prepared.dims.join(", ") || "no first-order attribute"}`,
            );
          }
          return [DIMENSIONS[column as DimensionColumn], values ?? []] as const;
        });
        const pop: PopulationFilter = { ...filter, where };
        const { sql, params } = populationSql(d, TABLES.users, pop);
        await engine.createTable(tables.population, sql, params);
        made.push({ name: tables.population, kind: "table" });
        population = tables.population;
      }
      progress("applying the order-count filter");
      const orderFilter = await orderCountFilter(engine, population, config.filterQuantile);
      const P = orderFilter.P;
      await engine.createView(tables.keptUsers, keptUsersSql(population, P));
      made.unshift({ name: tables.keptUsers, kind: "view" });
      let gaps: string;
      if (everyone) {
        gaps = keptGapsSql({ orderGaps: TABLES.orderGaps }, P);
      } else {
        await this.userGapCounts();
        gaps = keptGapsSql(
          { userGaps: TABLES.userGaps, userIds: TABLES.userIds, keptUsers: tables.keptUsers },
          P,
        );
      }
      const ctx: StudyContext = {
        engine,
        users: tables.keptUsers,
        orders: TABLES.orders,
        userIds: TABLES.userIds,
        orderGaps: `(${gaps}) AS kept_gaps`,
        dimensions: prepared.dims.map((c) => DIMENSIONS[c]),
        minUsers: config.minUsers,
        topN: config.topN,
        userPeriods: this.userPeriods,
        dataEnd: this.dataEnd(),
      };
      return { tables, filter, ctx, population, orderFilter, notes: [...prepared.notes], made };
    } catch (error) {
      await this.end({ made });
      throw error;
    }
  }

  /** Drops what the run made, views before the tables they read. */
  private async end(state: Pick<RunState, "made">): Promise<void> {
    for (const { name, kind } of state.made.splice(0)) {
      await this.engine.drop(name, kind).catch(() => undefined);
    }
  }

  /** The models, fitted on the first run that asks for them; null when switched off or failed. */
  private async fitted(notes: Note[]): Promise<PredictionModel | null> {
    const { config, prepared, engine } = this;
    this.model ??= fitPredictionModel(
      engine,
      {
        orders: TABLES.orders,
        userIds: TABLES.userIds,
        history: TABLES.history,
        pairs: TABLES.pairExpectations,
        predictions: TABLES.modelPredictions,
      },
      prepared.firstDate ?? config.dataEnd ?? prepared.lastDate ?? "1970-01-01",
      this.dataEnd(),
      config.prediction,
    ).catch((error: unknown) => {
      // A fit that fails on unusual data must not cost the rest of the study.
      if (!(error instanceof RangeError)) throw error;
      this.fitFailure = error.message;
      return null;
    });
    const model = await this.model;
    if (model === null && this.fitFailure !== null) {
      notes.push({
        code: "prediction_failed",
        text: `The prediction models could not be fitted: ${this.fitFailure}.`,
      });
    }
    return model;
  }

  private fitFailure: string | null = null;

  /** The run's view of the per-user predictions, or null without models. */
  private async predictions(
    state: RunState,
    notes: Note[] = state.notes,
    engine: Engine = this.engine,
  ): Promise<string | null> {
    if (!this.config.prediction.enabled) return null;
    const model = await this.fitted(notes);
    if (model === null) return null;
    await engine.createView(
      state.tables.predictions,
      runPredictionsSql(engine.dialect, model.tables.predictions, state.orderFilter.P),
    );
    state.made.unshift({ name: state.tables.predictions, kind: "view" });
    return state.tables.predictions;
  }

  private async answer(
    state: RunState,
    progress: (step: string) => void,
    now: Date,
    output: OutputSet | null,
  ): Promise<AnalysisResults> {
    const { engine, config, prepared } = this;
    const d = engine.dialect;
    const { ctx, population, notes, filter, orderFilter } = state;
    const { P } = orderFilter;
    const overall = await headline(engine, population, P);
    const segments = segmentTotals(await engine.all(segmentsSql(d, population), [P]));

    // Two groups of stages that read the same tables and none of each other's results run
    // side by side where the engine has a second session (embedded DuckDB): on two cores a
    // filtered run of encore serve then takes the time of the longer group, not of both. Each
    // group reports its own steps; its notes keep the order of a run one stage at a time.
    const side = await this.sideSession();
    if (side && config.prediction.enabled) {
      // The models first, on this session alone: both groups may read what the fit writes.
      if (this.model === null) progress("fitting the prediction models");
      await this.fitted([]);
    }
    const sideNotes: Note[] = [];
    const sideCtx: StudyContext = side ? { ...ctx, engine: side } : ctx;
    const first = async () => {
      progress("entry points");
      const entry_points = await entryPointsStage(ctx);
      progress("adjusted effects");
      const adjusted_effects = await adjustedEffectsStage(
        ctx,
        entry_points,
        config.adjustedDays,
        notes,
      );
      progress("repeat purchases");
      const repeat = await repeatStage(ctx, overall, segments);
      progress("revenue");
      const revenue = await revenueStage(ctx);
      progress("time between purchases");
      const time_between_purchases = await timeStage(ctx);
      progress("cohorts");
      const { cohorts, trend } = await cohortStage(ctx, population, config.cohorts.period);
      return {
        entry_points,
        adjusted_effects,
        repeat,
        revenue,
        time_between_purchases,
        cohorts,
        trend,
      };
    };
    const second = async () => {
      const comparison = config.compare
        ? await comparePeriods(sideCtx, config.compare, state.tables.compared)
        : null;
      progress("correlation and segments");
      const correlation = await correlationStage(sideCtx);
      const segmentProfiles = await segmentProfilesStage(sideCtx);
      if (config.prediction.enabled) progress("predicting who comes back");
      else
        sideNotes.push({
          code: "prediction_off",
          text: "The prediction models were switched off.",
        });
      const predictions = await this.predictions(state, sideNotes, sideCtx.engine);
      const model = predictions === null ? null : await this.model;
      const prediction =
        model && predictions
          ? await predictionSection(sideCtx, model, { predictions, population }, P)
          : null;
      return { comparison, correlation, segmentProfiles, predictions, prediction };
    };
    // Both groups end before the run does (its tables are dropped after): the first failure
    // is the run's.
    const [
      { entry_points, adjusted_effects, repeat, revenue, time_between_purchases, cohorts, trend },
      { comparison, correlation, segmentProfiles, predictions, prediction },
    ] = side ? await both(first(), second()) : [await first(), await second()];
    notes.push(...sideNotes);

    progress("customer lists");
    const plannedLists: PlannedList[] = await planLists(
      ctx,
      predictions,
      time_between_purchases.repeat_window.window,
      config.lists,
      notes,
    );
    const lists = await listSizes(ctx, predictions, plannedLists);

    if (output) {
      progress("writing agg_users and rejects");
      await writeTables(
        engine,
        output,
        { users: TABLES.users, rejects: TABLES.rejects, predictions },
        P,
        config.csvRaw,
      );
      progress("writing the customer lists");
      await writeLists(engine, state.tables.listPrefix, plannedLists, config.csvRaw, (name) =>
        output.file(`lists/${name}.csv`),
      );
    }

    const study: Omit<AnalysisResults, "findings" | "recommendations"> = {
      schema_version: SCHEMA_VERSION,
      run: { date: now.toISOString().slice(0, 10), encore_version: VERSION },
      currency: { code: config.currency, symbol: CURRENCIES[config.currency].symbol },
      data_end: config.dataEnd ?? prepared.lastDate,
      data_start: prepared.firstDate,
      orders_after_data_end: prepared.ordersAfterDataEnd,
      input: {
        source: SOURCE_LABELS[config.copiedFrom ?? config.engine.kind],
        orders: sourceLabel(config.orders),
        rates: config.rates ? sourceLabel(config.rates) : null,
        columns: Object.fromEntries(
          ORDER_COLUMNS.map((c) => {
            const b = prepared.bindings[c];
            return [c, b ? (b.source ?? "@row_number") : null];
          }),
        ),
        absent_columns: prepared.absent,
      },
      population: {
        first_order_from: filter.from,
        first_order_to: filter.to,
        where: Object.fromEntries(
          Object.entries(filter.where).map(([column, values]) => [column, [...(values ?? [])]]),
        ),
        segment: filter.segment,
      },
      ledger: prepared.ledger,
      preparation: prepared.preparation,
      filter: orderFilter,
      overall,
      repeat,
      entry_points,
      adjusted_effects,
      revenue,
      time_between_purchases,
      correlation,
      segments: segmentProfiles,
      cohorts,
      trend,
      comparison,
      prediction,
      lists,
      notes,
    };
    const results: AnalysisResults = { ...study, ...findingsAndRecommendations(study) };
    if (output) {
      await writeOutputFile(output.file("results.json"), `${JSON.stringify(results, null, 2)}\n`);
    }
    return results;
  }
}

/** Both results, once both promises have settled; the first failure if either failed. */
async function both<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [x, y] = await Promise.allSettled([a, b]);
  if (x.status === "rejected") throw x.reason;
  if (y.status === "rejected") throw y.reason;
  return [x.value, y.value];
}

/** Whether the filter keeps every user: no first-order dates, values or segment. */
export const isEveryone = (filter: StudyFilter): boolean =>
  filter.from === null &&
  filter.to === null &&
  filter.segment === null &&
  Object.keys(filter.where).length === 0;

function segmentTotals(rows: readonly Record<string, unknown>[]): Record<Segment, SegmentTotals> {
  const out = {} as Record<Segment, SegmentTotals>;
  for (const s of SEGMENTS) {
    const row = rows.find((r) => r.segment === s);
    out[s] = {
      users: Number(row?.users ?? 0),
      orders: Number(row?.orders ?? 0),
      revenue_rub: Number(row?.revenue_rub ?? 0),
    };
  }
  return out;
}
