import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { FIGURE_READERS } from '../access/oversight-access';
import type { OversightContext } from '../context';
import { PeriodInput } from '../period/period.input';
import { RankingEntry } from '../ranking/ranking-entry.type';
import { RankingDirection, RankingMetric } from '../ranking/ranking-metric';
import { readRanking } from '../ranking/read-ranking';
import { DepartmentPerformance } from './department-performance.type';
import { OversightFilter } from './oversight-filter.input';
import { readPerformance } from './read-performance';

/**
 * A department's figures, asked by its code: what a department's own console
 * asks (`departments { performance }` would answer FORBIDDEN for every other
 * department); the same as `Department.performance`.
 */
@Resolver(() => DepartmentPerformance)
export class PerformanceResolver {
  @Authorized(...FIGURE_READERS)
  @Query(() => DepartmentPerformance, { description: "A department's figures for a period: the centre's roles for any department, a department's staff for their own" })
  departmentPerformance(
    @Arg('departmentCode', () => String) departmentCode: string,
    @Arg('period', () => PeriodInput) period: PeriodInput,
    @Arg('filter', () => OversightFilter, { nullable: true }) filter: OversightFilter | null,
    @Ctx() context: OversightContext,
  ): Promise<DepartmentPerformance> {
    return readPerformance(context, departmentCode, period, filter);
  }

  @FieldResolver(() => RankingEntry, { nullable: true, description: "The department's place among all departments by `metric` over the same period and filter; null when it has no figures" })
  async rank(
    @Root() performance: DepartmentPerformance,
    @Arg('metric', () => RankingMetric) metric: RankingMetric,
    @Arg('direction', () => RankingDirection, { defaultValue: RankingDirection.DESC }) direction: RankingDirection,
    @Ctx() context: OversightContext,
  ): Promise<RankingEntry | null> {
    const entries = await readRanking(context.dataSource, performance.resolved, metric, direction, performance.filter);
    return entries.find((entry) => entry.departmentCode === performance.departmentCode) ?? null;
  }
}
