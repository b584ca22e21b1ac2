import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { CENTRE_ROLES } from '../access/oversight-access';
import type { OversightContext } from '../context';
import { toOversightPeriod } from '../period/oversight-period.type';
import { PeriodInput } from '../period/period.input';
import { resolvePeriod } from '../period/resolve-period';
import { CENTRE } from '../rollup/counters';
import { OversightFilter } from './oversight-filter.input';
import { OversightSummary } from './oversight-summary.type';
import { periodFigures } from './period-figures';

@Resolver()
export class SummaryResolver {
  @Authorized(...CENTRE_ROLES)
  @Query(() => OversightSummary, { description: "周报告 / 月通报: the centre's figures for a period (the centre's roles only)" })
  async oversightSummary(
    @Arg('period', () => PeriodInput) period: PeriodInput,
    @Arg('filter', () => OversightFilter, { nullable: true }) filter: OversightFilter | null,
    @Ctx() context: OversightContext,
  ): Promise<OversightSummary> {
    const resolved = resolvePeriod(period);
    const figures = await periodFigures(context.dataSource, resolved, filter, [CENTRE]);
    return { period: toOversightPeriod(resolved), figures: figures.current.get(CENTRE)!, previous: figures.previous.get(CENTRE)! };
  }
}
