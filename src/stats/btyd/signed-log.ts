/**
 * A real number v held as sign · e^log, so that values far beyond the range of
 * a double (2F1 with parameters in the thousands) survive. `sign` is −1, 0 or 1
 * (NaN when undefined); `log` is ln|v|, −∞ for 0.
 */
export interface SignedLog {
  sign: number;
  log: number;
}

/** The number a `SignedLog` stands for (±∞ when it overflows a double). */
export function signedLogValue(v: SignedLog): number {
  return v.sign === 0 ? 0 : v.sign * Math.exp(v.log);
}

/** The product of two signed logs. */
export function signedLogProduct(u: SignedLog, v: SignedLog): SignedLog {
  return { sign: u.sign * v.sign, log: u.log + v.log };
}
