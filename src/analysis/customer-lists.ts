import type { ListSettings } from "../config/config.js";
import type { BoundSql } from "../queries/bound-sql.js";
import {
  customerListSizesSql,
  customerListSql,
  LIST_NAMES,
  type ListName,
  type ListRule,
  repeaterMedianRevenueSql,
} from "../queries/customer-lists.js";
import type { CustomerList } from "./list-results.js";
import { numberOrNull } from "./numbers.js";
import type { Note } from "./results.js";
import type { StudyContext } from "./study-context.js";

/** A list ready to be counted or written: its rule and the query of its rows. */
export interface PlannedList {
  name: ListName;
  rule: ListRule;
  describe: string;
  rows: BoundSql;
}

/**
 * The lists' rules with their thresholds resolved (§14): the repeat window for `nudge_now`, the
 * median revenue of repeat customers for `at_risk_valuable`. A list that needs P(alive) is left
 * out when the prediction models were not fitted, with a note.
 */
export async function planLists(
  ctx: StudyContext,
  predictions: string | null,
  repeatWindow: [number, number] | null,
  settings: ListSettings,
  notes: Note[],
): Promise<PlannedList[]> {
  const { engine } = ctx;
  const d = engine.dialect;
  const rules: ListRule[] = [];
  const window = settings.nudgeWindow ?? repeatWindow;
  if (window) rules.push({ list: "nudge_now", window });
  if (predictions !== null) {
    const [median] = await engine.all(repeaterMedianRevenueSql(d, ctx.users));
    rules.push(
      {
        list: "one_order_likely_active",
        maxRepeatOccasions: settings.likelyActiveMaxRepeatOccasions,
        minPAlive: settings.likelyActivePAlive,
      },
      {
        list: "at_risk_valuable",
        minOrders: settings.atRiskMinOrders,
        maxPAlive: settings.atRiskPAlive,
        minRevenue: settings.atRiskMinRevenue ?? numberOrNull(median?.median) ?? 0,
      },
      {
        list: "champions",
        minOrders: settings.championsMinOrders,
        minPAlive: settings.championsPAlive,
      },
    );
  } else {
    const texts = {
      en: "Without the prediction models there is no P(alive): of the customer lists only nudge_now is made.",
      ru: "Без моделей прогноза нет вероятности активности: из списков покупателей составлен только nudge_now («напомнить сейчас»).",
    };
    notes.push({ code: "lists_without_prediction", text: texts.en, texts });
  }
  const relations = { users: ctx.users, predictions };
  return rules.map((rule) => {
    const describe = describeRule(rule);
    return {
      name: rule.list,
      rule,
      describe,
      rows: customerListSql(d, relations, rule, ctx.dataEnd, describe),
    };
  });
}

/** Sizes and revenue of the planned lists; the lists not planned are null. */
export async function listSizes(
  ctx: StudyContext,
  predictions: string | null,
  planned: readonly PlannedList[],
): Promise<Record<ListName, CustomerList | null>> {
  const out = Object.fromEntries(LIST_NAMES.map((n) => [n, null])) as Record<
    ListName,
    CustomerList | null
  >;
  if (planned.length === 0) return out;
  const { sql, params } = customerListSizesSql(
    ctx.engine.dialect,
    { users: ctx.users, predictions },
    planned.map((list) => list.rule),
    ctx.dataEnd,
  );
  const [row] = await ctx.engine.all(sql, params);
  planned.forEach((list, i) => {
    out[list.name] = {
      users: Number(row?.[`users_${i}`] ?? 0),
      revenue_rub: Number(row?.[`revenue_rub_${i}`] ?? 0),
      file: `lists/${list.name}.csv`,
      rule: list.describe,
      thresholds: thresholdsOf(list.rule),
    };
  });
  return out;
}

/** A rule's numbers, as results.json names them. */
function thresholdsOf(rule: ListRule): Record<string, number> {
  switch (rule.list) {
    case "nudge_now":
      return { min_days: rule.window[0], max_days: rule.window[1] };
    case "one_order_likely_active":
      return { max_repeat_occasions: rule.maxRepeatOccasions, min_p_alive: rule.minPAlive };
    case "at_risk_valuable":
      return {
        min_orders: rule.minOrders,
        max_p_alive: rule.maxPAlive,
        min_revenue_rub: rule.minRevenue,
      };
    case "champions":
      return { min_orders: rule.minOrders, min_p_alive: rule.minPAlive };
  }
}

const fmt = (x: number) => String(Number(x.toFixed(6)));

/** The rule in words, written on every row of the list's file. */
export function describeRule(rule: ListRule): string {
  switch (rule.list) {
    case "nudge_now":
      return `one order, placed ${fmt(rule.window[0])} to ${fmt(rule.window[1])} days before the data end (the repeat window)`;
    case "one_order_likely_active":
      return `at most ${fmt(rule.maxRepeatOccasions)} repeat purchase day(s), P(alive) at least ${fmt(rule.minPAlive)}`;
    case "at_risk_valuable":
      return `${fmt(rule.minOrders)}+ orders, P(alive) below ${fmt(rule.maxPAlive)}, total revenue at least ${fmt(rule.minRevenue)}`;
    case "champions":
      return `${fmt(rule.minOrders)}+ orders, P(alive) at least ${fmt(rule.minPAlive)}`;
  }
}
