import type { DataSource } from 'typeorm';
import type { OversightFilter } from '../figures/oversight-filter.input';
import { periodFigures } from '../figures/period-figures';
import type { ResolvedPeriod } from '../period/resolve-period';
import { rankDepartments } from './rank-departments';
import type { RankingEntry } from './ranking-entry.type';
import type { RankingDirection, RankingMetric } from './ranking-metric';

/** Every department with figures in the period or the one before, ranked. */
export async function readRanking(
  dataSource: DataSource,
  period: ResolvedPeriod,
  metric: RankingMetric,
  direction: RankingDirection,
  filter: OversightFilter | null | undefined,
): Promise<RankingEntry[]> {
  const figures = await periodFigures(dataSource, period, filter);
  return rankDepartments(figures.current, figures.previous, metric, direction);
}
