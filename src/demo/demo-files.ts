import { open } from "node:fs/promises";
import { ORDER_COLUMNS } from "../model/columns.js";
import { writeCsv } from "./csv.js";
import type { DemoRow } from "./demo-row.js";
import type { RateRow } from "./rates.js";

export async function writeOrdersCsv(file: string, rows: Iterable<DemoRow>): Promise<void> {
  const handle = await open(file, "w");
  try {
    await writeCsv(handle, ORDER_COLUMNS, cellsOf(rows));
  } finally {
    await handle.close();
  }
}

export async function writeRatesCsv(file: string, rates: readonly RateRow[]): Promise<void> {
  const handle = await open(file, "w");
  try {
    const rows = rates.map((r) => [r.date, r.currencyCode, String(r.nominal), r.rate]);
    await writeCsv(handle, ["date", "currency_code", "nominal", "rate"], rows);
  } finally {
    await handle.close();
  }
}

function* cellsOf(rows: Iterable<DemoRow>): Generator<string[]> {
  for (const row of rows) yield row.cells;
}
