import { para } from "../html.js";
import { STUDY_WORDS } from "../i18n/study-words.js";
import { table } from "../table.js";
import type { SectionBuilder } from "./section.js";

/** §14: each list's rule, size, revenue and file. */
export const customerListsSection: SectionBuilder = (r, ctx) => {
  const w = STUDY_WORDS[ctx.lang];
  const { f } = ctx;
  const rows = Object.entries(r.lists).flatMap(([name, list]) =>
    list
      ? [
          [
            w.listName[name] ?? name,
            w.listRule(
              name,
              Object.fromEntries(
                Object.entries(list.thresholds).map(([k, v]) => [
                  k,
                  k.endsWith("_rub") ? f.money(v) : f.decimal(v, Number.isInteger(v) ? 0 : 2),
                ]),
              ),
            ),
            f.count(list.users),
            f.money(list.revenue_rub),
            list.file,
          ],
        ]
      : [],
  );
  const body = [para(w.listsLead), table(w.listsTable, rows, 2, { wrap: true })].join("");
  return { id: "lists", title: w.listsTitle, body, charts: [] };
};
