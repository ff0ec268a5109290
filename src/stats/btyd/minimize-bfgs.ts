/** Options of `minimizeBfgs`. */
export interface MinimizeOptions {
  /** ∇f; central differences of f when absent. */
  gradient?: (x: readonly number[]) => number[];
  /** Stop when every |∂f/∂xᵢ| is at most this. Default 1e-9. */
  gradientTolerance?: number;
  maxIterations?: number;
  /** Longest step, in the largest coordinate, that one line search may try. Default 5. */
  maxStep?: number;
}

/** Where `minimizeBfgs` stopped. */
export interface MinimizeResult {
  x: number[];
  value: number;
  gradient: number[];
  iterations: number;
  /**
   * The gradient test was met, or f could not be lowered any further in double
   * precision with every |∂f/∂xᵢ| below 1000 times the tolerance.
   */
  converged: boolean;
}

const ARMIJO = 1e-4;
const MAX_HALVINGS = 60;
// Relative size of the rounding noise of a sum of many log-likelihood terms.
const NOISE = 1e-14;

/**
 * Minimizes a smooth function of a few variables by BFGS (quasi-Newton with an
 * inverse-Hessian estimate) and a backtracking Armijo line search; non-finite
 * values of f count as "too far" and shorten the step. Deterministic. Restarts
 * from steepest descent whenever the estimate stops giving a descent direction.
 */
export function minimizeBfgs(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: MinimizeOptions = {},
): MinimizeResult {
  const gradientOf = options.gradient ?? ((x: readonly number[]) => centralGradient(f, x));
  const tolerance = options.gradientTolerance ?? 1e-9;
  const maxIterations = options.maxIterations ?? 500;
  const maxStep = options.maxStep ?? 5;
  const n = start.length;
  let x = [...start];
  let value = f(x);
  let gradient = gradientOf(x);
  let inverse = identity(n);
  let fresh = true;
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    if (Math.max(...gradient.map(Math.abs)) <= tolerance) return done(true);
    let direction = multiply(inverse, gradient).map((v) => -v);
    if (dot(direction, gradient) >= 0) {
      inverse = identity(n);
      direction = gradient.map((v) => -v);
    }
    const longest = Math.max(...direction.map(Math.abs));
    let step = longest > maxStep ? maxStep / longest : 1;
    const slope = dot(direction, gradient);
    let next: number[] = x;
    let nextValue = Number.NaN;
    for (let halving = 0; halving < MAX_HALVINGS; halving++, step /= 2) {
      // A decrease this small is lost in the rounding of f itself: stop shortening.
      if (-step * slope < NOISE * Math.abs(value)) break;
      next = x.map((v, i) => v + step * (direction[i] ?? 0));
      nextValue = f(next);
      if (nextValue <= value + ARMIJO * step * slope) break;
    }
    if (!(nextValue <= value + ARMIJO * step * slope)) {
      // No decrease along this direction: try once more from steepest descent, else stop.
      if (fresh) return stalled();
      inverse = identity(n);
      fresh = true;
      continue;
    }
    const nextGradient = gradientOf(next);
    const s = next.map((v, i) => v - (x[i] ?? 0));
    const y = nextGradient.map((v, i) => v - (gradient[i] ?? 0));
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (fresh) inverse = scaled(identity(n), sy / dot(y, y));
      inverse = bfgsUpdate(inverse, s, y, sy);
      fresh = false;
    }
    const change = value - nextValue;
    [x, value, gradient] = [next, nextValue, nextGradient];
    if (change === 0) return stalled();
  }
  return done(false);

  // f cannot be lowered in double precision: a minimum if the gradient is small by then.
  function stalled(): MinimizeResult {
    return done(Math.max(...gradient.map(Math.abs)) <= 1000 * tolerance);
  }

  function done(converged: boolean): MinimizeResult {
    return { x, value, gradient, iterations, converged };
  }
}

/** H⁺ = (I − ρsyᵀ) H (I − ρysᵀ) + ρssᵀ with ρ = 1/(sᵀy). */
function bfgsUpdate(h: number[][], s: number[], y: number[], sy: number): number[][] {
  const hy = multiply(h, y);
  const yhy = dot(y, hy);
  const rho = 1 / sy;
  return h.map((row, i) =>
    row.map((v, j) => {
      const [si, sj, hyi, hyj] = [s[i] ?? 0, s[j] ?? 0, hy[i] ?? 0, hy[j] ?? 0];
      return v - rho * (hyi * sj + si * hyj) + (rho * rho * yhy + rho) * si * sj;
    }),
  );
}

/** Central differences with steps of 1e-6 relative (absolute near 0). */
function centralGradient(f: (x: readonly number[]) => number, x: readonly number[]): number[] {
  return x.map((v, i) => {
    const h = 1e-6 * Math.max(1, Math.abs(v));
    const plus = x.map((u, j) => (j === i ? v + h : u));
    const minus = x.map((u, j) => (j === i ? v - h : u));
    return (f(plus) - f(minus)) / (2 * h);
  });
}

function identity(n: number): number[][] {
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)),
  );
}

function scaled(m: number[][], factor: number): number[][] {
  return m.map((row) => row.map((v) => v * factor));
}

function multiply(m: number[][], v: readonly number[]): number[] {
  return m.map((row) => dot(row, v));
}

function dot(u: readonly number[], v: readonly number[]): number {
  return u.reduce((sum, ui, i) => sum + ui * (v[i] ?? 0), 0);
}
