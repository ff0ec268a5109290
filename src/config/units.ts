import { configError } from "../errors.js";

const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|min|h)?$/;
const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, min: 60_000, h: 3_600_000 };

/** A duration such as 30s, 10min, 1h or 250ms, or 0 (none): the number needs a unit unless 0. */
export function durationMs(text: string): number | null {
  const match = DURATION.exec(text.trim());
  if (!match) return null;
  const n = Number(match[1]);
  const unit = match[2] ?? (n === 0 ? "ms" : undefined);
  return unit === undefined ? null : Math.round(n * (DURATION_UNITS[unit] ?? 1));
}

/** A duration in milliseconds, or a config error that says how to write one. */
export function parseDuration(text: string, what: string): number {
  const ms = durationMs(text);
  if (ms === null) {
    throw configError(
      `${what} is not a duration: ${text}`,
      "Write it as a number with a unit: 30s, 10min, 1h (or 0 for none)",
    );
  }
  return ms;
}

/** A memory size as DuckDB's memory_limit takes it: a number above 0 with a unit, e.g. 1GB. */
export const isMemoryLimit = (text: string): boolean => {
  const match = /^(\d+(?:\.\d+)?)\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.exec(text.trim());
  return match !== null && Number(match[1]) > 0;
};

export const MEMORY_LIMIT_HINT = "Give a size with a unit, e.g. 500MB or 2GB";
