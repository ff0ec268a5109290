import { para } from "../html.js";
import { table } from "../table.js";
import type { SectionBuilder } from "./section.js";

/** The ledger, the currency conversion and the order-count filter with its sensitivity. */
export const dataQualitySection: SectionBuilder = (r, { t, f }) => {
  const { ledger, filter } = r;
  const reasonLabel = (reason: string) => (t.reasons as Record<string, string>)[reason] ?? reason;
  const rejected = ledger.rows_read - ledger.rows_accepted;
  const ledgerRows = [
    [t.rowsRead, f.count(ledger.rows_read)],
    [t.rowsAccepted, f.count(ledger.rows_accepted)],
    ...Object.entries(ledger.rows_rejected).map(([reason, rows]) => [
      `${t.rejected}: ${reasonLabel(reason)}`,
      f.count(rows),
    ]),
  ];
  // The base currency, `rub` in the data, is the one the amounts are in (the currency setting).
  const base = (r.currency?.code ?? "rub").toUpperCase();
  const currencies = r.preparation.currencies.map((c) => [
    c.currency_code === "rub" ? base : c.currency_code.toUpperCase(),
    f.count(c.orders),
    f.decimal(c.revenue, 0),
    f.count(c.revenue_rub),
  ]);
  const filterText =
    filter.q === null || filter.P === null
      ? t.filterOff
      : t.filterText(
          f.decimal(filter.q * 100, 0),
          f.trimmed(filter.P),
          f.count(filter.users_removed),
          f.percent(filter.removed_share?.users),
          f.count(filter.orders_removed),
          f.percent(filter.removed_share?.orders),
          f.money(filter.revenue_removed_rub),
          f.percent(filter.removed_share?.revenue),
        );
  const sensitivity = filter.sensitivity.map((s) => [
    s.q === null ? t.noFilter : f.decimal(s.q, 2),
    s.P === null ? "—" : f.trimmed(s.P),
    f.count(s.users),
    f.percent(s.share_2plus),
    f.percent(s.share_5plus),
    f.money(s.mean_avg_revenue_rub),
  ]);
  const body = [
    para(t.ledgerText(f.count(ledger.rows_read), f.count(ledger.rows_accepted), f.count(rejected))),
    table([t.ledgerRow, t.rows], ledgerRows),
    para(r.preparation.rates === null ? t.currencyTextNoRates : t.currencyText),
    currencies.length
      ? table([t.currency, t.orders, t.revenueOriginal, t.revenueRub], currencies)
      : para(t.noData),
    para(filterText),
    sensitivity.length
      ? table(
          [t.filterQ, t.filterP, t.users, t.share2plus, t.share5plus, t.meanAvgCheck],
          sensitivity,
        )
      : "",
  ].join("");
  return { id: "data-quality", title: t.dataQualityTitle, body, charts: [] };
};
