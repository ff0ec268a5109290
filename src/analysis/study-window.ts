import type { Engine } from "../engine/engine.js";
import { configError } from "../errors.js";
import {
  ordersAfterSql,
  ordersPerDateSql,
  rowsBetweenSql,
  studyWindowSql,
} from "../queries/order-dates.js";
import { TABLES } from "../queries/tables.js";
import { pluralRu } from "../text/plural-ru.js";
import { outlyingDates, outlyingDatesNote } from "./outlying-dates.js";
import type { Note } from "./results.js";

/**
 * A configured data_end ends the observation (§3): it is kept in a one-row table for the
 * orders view to read, and the accepted orders after it are counted. One before the first
 * order leaves nothing to study.
 */
export async function studyWindow(
  engine: Engine,
  dataEnd: string | null,
  firstDate: string | null,
): Promise<number> {
  if (dataEnd === null) return 0;
  if (firstDate !== null && dataEnd < firstDate) {
    throw configError(
      `data_end ${dataEnd} is before the first order (${firstDate})`,
      "Set data_end on or after the first order's date, or leave it out to end with the last order",
    );
  }
  await engine.createTable(TABLES.studyWindow, studyWindowSql());
  await engine.insert(TABLES.studyWindow, ["data_end"], [[dataEnd]]);
  const [after] = await engine.all(ordersAfterSql(), [dataEnd]);
  return Number(after?.n ?? 0);
}

export function afterDataEndNote(n: number, dataEnd: string | null): Note {
  const en = `${n} accepted ${n === 1 ? "order is" : "orders are"} dated after data_end (${dataEnd}) and left out of the study.`;
  const ru = `${n} ${pluralRu(n, ["принятый заказ датирован", "принятых заказа датированы", "принятых заказов датированы"])} позже data_end (${dataEnd}) и не входят в исследование.`;
  return { code: "orders_after_data_end", text: en, texts: { en, ru } };
}

/** Notes naming the orders dated far from the rest (§11.13), with their rows in the source. */
export async function outlyingDateNotes(engine: Engine): Promise<Note[]> {
  const days = (await engine.all(ordersPerDateSql(engine.dialect))).map((r) => ({
    date: String(r.date),
    orders: Number(r.orders),
  }));
  const notes: Note[] = [];
  for (const found of outlyingDates(days)) {
    const [from, to] = [found.dates[0] ?? "", found.dates.at(-1) ?? ""];
    const rows = await engine.all(rowsBetweenSql(), [from, to]);
    notes.push(
      outlyingDatesNote(
        found,
        rows.map((r) => Number(r.row_number)),
      ),
    );
  }
  return notes;
}
