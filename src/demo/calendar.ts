/**
 * Days and seconds of the demo, counted from the start of the period (2024-06-01 00:00,
 * local wall-clock time of the service). Integers keep the model exact and fast; the
 * text form is produced only when a row is written.
 */

export const PERIOD_START = "2024-06-01";
export const PERIOD_END = "2024-10-31";
/** June 1 to October 31, 2024 inclusive. */
export const PERIOD_DAYS = 153;
export const SECONDS_PER_DAY = 86_400;

const START_MS = Date.UTC(2024, 5, 1);
const MS_PER_DAY = SECONDS_PER_DAY * 1000;
const dates = new Map<number, string>();

/** `YYYY-MM-DD` of a day number (0 = 2024-06-01; negative days are before the period). */
export function dateOfDay(day: number): string {
  let date = dates.get(day);
  if (date === undefined) {
    date = new Date(START_MS + day * MS_PER_DAY).toISOString().slice(0, 10);
    dates.set(day, date);
  }
  return date;
}

/** ISO weekday of a day number (1 = Monday … 7 = Sunday). */
export function isoWeekday(day: number): number {
  const utcDay = new Date(START_MS + day * MS_PER_DAY).getUTCDay();
  return utcDay === 0 ? 7 : utcDay;
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));

/** `YYYY-MM-DD HH:MM:SS` (or with `T` as the separator) of a second of the period. */
export function formatTimestamp(second: number, separator = " "): string {
  const day = Math.floor(second / SECONDS_PER_DAY);
  const ofDay = second - day * SECONDS_PER_DAY;
  const hh = TWO_DIGITS[Math.floor(ofDay / 3600)];
  const mm = TWO_DIGITS[Math.floor(ofDay / 60) % 60];
  const ss = TWO_DIGITS[ofDay % 60];
  return `${dateOfDay(day)}${separator}${hh}:${mm}:${ss}`;
}

export const dayOfSecond = (second: number): number => Math.floor(second / SECONDS_PER_DAY);
