import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { ownDepartmentOnly, RANKING_READERS } from '../access/oversight-access';
import type { OversightContext } from '../context';
import { OversightFilter } from '../figures/oversight-filter.input';
import { toOversightPeriod } from '../period/oversight-period.type';
import { PeriodInput } from '../period/period.input';
import { resolvePeriod } from '../period/resolve-period';
import { DepartmentRanking } from './department-ranking.type';
import { RankingDirection, RankingMetric } from './ranking-metric';
import { readRanking } from './read-ranking';

@Resolver()
export class RankingResolver {
  @Authorized(...RANKING_READERS)
  @Query(() => DepartmentRanking, {
    description: "季排名: departments ranked by a metric, with each one's change against the previous period. The centre and the press seat see every department; a department's staff their own place alone",
  })
  async departmentRanking(
    @Arg('period', () => PeriodInput) period: PeriodInput,
    @Arg('metric', () => RankingMetric) metric: RankingMetric,
    @Arg('direction', () => RankingDirection, { defaultValue: RankingDirection.DESC }) direction: RankingDirection,
    @Arg('filter', () => OversightFilter, { nullable: true }) filter: OversightFilter | null,
    @Ctx() context: OversightContext,
  ): Promise<DepartmentRanking> {
    const resolved = resolvePeriod(period);
    const own = ownDepartmentOnly(context.actor);
    const entries = await readRanking(context.dataSource, resolved, metric, direction, filter);
    return { period: toOversightPeriod(resolved), metric, direction, entries: own === null ? entries : entries.filter((entry) => entry.departmentCode === own) };
  }
}
