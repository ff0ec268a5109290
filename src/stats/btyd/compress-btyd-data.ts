import { type BtydData, checkBtydData } from "./btyd-data.js";

/**
 * The same data with identical (x, tx, T) triples merged and their weights
 * summed, sorted by x, then tx, then T. The likelihood is a sum over triples, so
 * fitting the compressed data gives the same estimates, faster: subjects
 * observed on a daily grid share few distinct triples.
 */
export function compressBtydData(data: BtydData): Required<BtydData> {
  const n = checkBtydData(data);
  const { x, tx, T, weights } = data;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const at = (v: BtydData["x"], i: number) => v[i] ?? 0;
  order.sort(
    (i, j) => at(x, i) - at(x, j) || at(tx, i) - at(tx, j) || at(T, i) - at(T, j) || i - j,
  );
  const out = { x: [] as number[], tx: [] as number[], T: [] as number[], weights: [] as number[] };
  for (const i of order) {
    const last = out.x.length - 1;
    const weight = weights ? at(weights, i) : 1;
    if (
      last >= 0 &&
      out.x[last] === at(x, i) &&
      out.tx[last] === at(tx, i) &&
      out.T[last] === at(T, i)
    ) {
      out.weights[last] = (out.weights[last] ?? 0) + weight;
    } else {
      out.x.push(at(x, i));
      out.tx.push(at(tx, i));
      out.T.push(at(T, i));
      out.weights.push(weight);
    }
  }
  return {
    x: Float64Array.from(out.x),
    tx: Float64Array.from(out.tx),
    T: Float64Array.from(out.T),
    weights: Float64Array.from(out.weights),
  };
}
