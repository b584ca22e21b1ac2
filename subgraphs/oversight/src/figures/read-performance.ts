import { assertMayRead } from '../access/oversight-access';
import type { OversightContext } from '../context';
import { toOversightPeriod } from '../period/oversight-period.type';
import type { PeriodInput } from '../period/period.input';
import { resolvePeriod } from '../period/resolve-period';
import type { DepartmentPerformance } from './department-performance.type';
import type { OversightFilter } from './oversight-filter.input';
import { periodFigures } from './period-figures';

/** One department's figures, for whoever may read them. */
export async function readPerformance(context: OversightContext, departmentCode: string, period: PeriodInput, filter: OversightFilter | null): Promise<DepartmentPerformance> {
  assertMayRead(context.actor, departmentCode);
  const resolved = resolvePeriod(period);
  const figures = await periodFigures(context.dataSource, resolved, filter, [departmentCode]);
  return {
    departmentCode,
    period: toOversightPeriod(resolved),
    figures: figures.current.get(departmentCode)!,
    previous: figures.previous.get(departmentCode)!,
    resolved,
    filter,
  };
}
