import type { CohortPeriod } from "../engine/dialect.js";

/** Calendar arithmetic on 'YYYY-MM-DD' dates, in UTC so that no machine's zone shifts a day. */
const parse = (date: string): Date => new Date(`${date}T00:00:00Z`);
const text = (date: Date): string => date.toISOString().slice(0, 10);

/** The first day of the month, or ISO week (Monday), that holds `date`. */
export function periodStartOf(date: string, period: CohortPeriod): string {
  const d = parse(date);
  if (period === "month") return `${date.slice(0, 7)}-01`;
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0
  d.setUTCDate(d.getUTCDate() - weekday);
  return text(d);
}

/** The first day of the period k periods after the one starting on `start`. */
export function periodAfter(start: string, k: number, period: CohortPeriod): string {
  const d = parse(start);
  if (period === "month") d.setUTCMonth(d.getUTCMonth() + k, 1);
  else d.setUTCDate(d.getUTCDate() + 7 * k);
  return text(d);
}

/** The last day of the period k periods after the one starting on `start`. */
export function periodEnd(start: string, k: number, period: CohortPeriod): string {
  const d = parse(periodAfter(start, k + 1, period));
  d.setUTCDate(d.getUTCDate() - 1);
  return text(d);
}

/** Whole periods from the period starting on `start` to the one holding `date`. */
export function periodsBetween(start: string, date: string, period: CohortPeriod): number {
  const to = periodStartOf(date, period);
  if (period === "month") {
    return (
      (Number(to.slice(0, 4)) - Number(start.slice(0, 4))) * 12 +
      Number(to.slice(5, 7)) -
      Number(start.slice(5, 7))
    );
  }
  return Math.round((parse(to).getTime() - parse(start).getTime()) / (7 * 86_400_000));
}
