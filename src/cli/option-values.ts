import { usageError } from "../errors.js";

/**
 * The checks of the command line's option values, one helper per kind, each failing the
 * same way: `invalid ${name}: ${input}` and what to give instead (as Observable Plot's
 * keyword(input, name, allowed) does for its options).
 */

export function keyword<const T extends string>(
  input: string,
  name: string,
  allowed: readonly T[],
): T {
  if (!(allowed as readonly string[]).includes(input)) {
    throw usageError(`invalid ${name}: ${input}`, `Use ${orList(allowed)}`);
  }
  return input as T;
}

/** A whole number in [min, max]. */
export function integer(
  input: string,
  name: string,
  { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = {},
): number {
  const n = /^[+-]?\d+$/.test(input.trim()) ? Number(input) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw usageError(`invalid ${name}: ${input}`, `Give a whole number${range(min, max)}`);
  }
  return n;
}

/** A decimal number in [min, max]. */
export function decimal(input: string, name: string, { min = -Infinity, max = Infinity } = {}) {
  const n = input.trim() === "" ? Number.NaN : Number(input);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw usageError(`invalid ${name}: ${input}`, `Give a number${range(min, max)}`);
  }
  return n;
}

const orList = (words: readonly string[]): string =>
  words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;

function range(min: number, max: number): string {
  const lo = Number.isFinite(min) && min > Number.MIN_SAFE_INTEGER;
  const hi = Number.isFinite(max) && max < Number.MAX_SAFE_INTEGER;
  if (lo && hi) return ` from ${min} to ${max}`;
  if (lo) return ` ≥ ${min}`;
  return hi ? ` ≤ ${max}` : "";
}
