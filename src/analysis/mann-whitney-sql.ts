import { rankSumSql } from "../queries/rank-sum.js";
import { mannWhitneyFromRankSum } from "../stats/index.js";
import type { MannWhitneySummary } from "./results.js";
import type { StudyContext } from "./study-context.js";

/** Two-sided Mann–Whitney U of `value` between two groups of users, ranks summed in SQL. */
export async function mannWhitneyInSql(
  ctx: StudyContext,
  value: string,
  group1: string,
  group2: string,
): Promise<MannWhitneySummary> {
  const [row] = await ctx.engine.all(
    rankSumSql(ctx.engine.dialect, ctx.users, value, group1, group2),
  );
  const sums = {
    n1: Number(row?.n1 ?? 0),
    n2: Number(row?.n2 ?? 0),
    rankSum1: Number(row?.rank_sum1 ?? 0),
    tieTerm: Number(row?.tie_term ?? 0),
  };
  const test = mannWhitneyFromRankSum(sums);
  return {
    u1: test.u1,
    p_value: Number.isFinite(test.pValue) ? test.pValue : null,
    n1: sums.n1,
    n2: sums.n2,
  };
}
