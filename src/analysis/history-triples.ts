import type { Row } from "../engine/engine.js";

/** One distinct (x, t_x, T) of the purchase history, in days, with its users. */
export interface Triple {
  x: number;
  tx: number;
  T: number;
  users: number;
  /** Of them, the users the holdout check compares (calibration triples only). */
  checkedUsers: number;
  /** The checked users' occasions after the calibration end (calibration triples only). */
  holdout: number;
}

export const triplesOf = (rows: readonly Row[]): Triple[] =>
  rows.map((r) => ({
    x: Number(r.x),
    tx: Number(r.t_x),
    T: Number(r.t_age),
    users: Number(r.users),
    checkedUsers: Number(r.checked_users ?? 0),
    holdout: Number(r.holdout ?? 0),
  }));

/** The models' data: the triples (kept in days) in a unit of `unit` days. */
export const btydData = (triples: readonly Triple[], unit: number) => ({
  x: triples.map((t) => t.x),
  tx: triples.map((t) => t.tx / unit),
  T: triples.map((t) => t.T / unit),
  weights: triples.map((t) => t.users),
});
