import { Arg, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { FIGURE_READERS } from '../access/oversight-access';
import type { OversightContext } from '../context';
import { DepartmentPerformance } from '../figures/department-performance.type';
import { OversightFilter } from '../figures/oversight-filter.input';
import { readPerformance } from '../figures/read-performance';
import { PeriodInput } from '../period/period.input';
import { Department } from './department.type';

@Resolver(() => Department)
export class DepartmentPerformanceResolver {
  @Authorized(...FIGURE_READERS)
  @FieldResolver(() => DepartmentPerformance, {
    nullable: true,
    description: "The department's figures for a period (oversight): the centre's roles for any department, a department's staff for their own (FORBIDDEN for another)",
  })
  performance(
    @Root() department: Department,
    @Arg('period', () => PeriodInput) period: PeriodInput,
    @Arg('filter', () => OversightFilter, { nullable: true }) filter: OversightFilter | null,
    @Ctx() context: OversightContext,
  ): Promise<DepartmentPerformance> {
    return readPerformance(context, department.code, period, filter);
  }
}
