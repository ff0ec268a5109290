/** Numbers as a plain array or a Float64Array. */
export type NumericArray = Float64Array | readonly number[];

/**
 * The sufficient statistics of the BG/NBD and MBG/NBD models, one entry per
 * subject (or per distinct triple, with `weights`): `x` events after the first
 * (the repeat count, an integer), `tx` the time of the last of them since the
 * first event (0 when x = 0), `T` the time from the first event to the end of
 * observation. Time is in any unit, the same for all three.
 */
export interface BtydData {
  x: NumericArray;
  tx: NumericArray;
  T: NumericArray;
  /** How many subjects have this triple; 1 each when absent. */
  weights?: NumericArray;
}

/**
 * The number of entries, after checking that every entry is a valid triple:
 * x an integer ≥ 0, 0 ≤ tx ≤ T finite, tx = 0 when x = 0, weights finite ≥ 0.
 * Throws a RangeError naming the first bad entry.
 */
export function checkBtydData(data: BtydData): number {
  const { x, tx, T, weights } = data;
  const n = x.length;
  if (tx.length !== n || T.length !== n || (weights && weights.length !== n)) {
    throw new RangeError(
      `invalid data: x, tx, T${weights ? " and weights" : ""} must have the same length`,
    );
  }
  for (let i = 0; i < n; i++) {
    const [xi, ti, Ti, wi] = [
      x[i] ?? Number.NaN,
      tx[i] ?? Number.NaN,
      T[i] ?? Number.NaN,
      weights?.[i] ?? 1,
    ];
    if (!(Number.isInteger(xi) && xi >= 0)) {
      throw new RangeError(`invalid x[${i}]: ${xi}; expected an integer ≥ 0`);
    }
    if (!(Number.isFinite(Ti) && Ti >= 0)) {
      throw new RangeError(`invalid T[${i}]: ${Ti}; expected a finite number ≥ 0`);
    }
    if (!(ti >= 0 && ti <= Ti) || (xi === 0 && ti !== 0)) {
      throw new RangeError(
        `invalid tx[${i}]: ${ti}; expected 0 ≤ tx ≤ T = ${Ti}, and 0 when x = 0`,
      );
    }
    if (!(Number.isFinite(wi) && wi >= 0)) {
      throw new RangeError(`invalid weights[${i}]: ${wi}; expected a finite number ≥ 0`);
    }
  }
  return n;
}
