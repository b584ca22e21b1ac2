import { type OversightFigures } from '../figures/oversight-figures.type';
import { RankingDirection, type RankingMetric, readMetric } from './ranking-metric';
import type { RankingEntry } from './ranking-entry.type';

type Ranked = { code: string; value: number | null; rank: number | null; rate: RankingEntry['rate'] };

/** Competition ranking (1, 2, 2, 4) by value in `direction`; departments without a value come last, unranked. */
function rank(figures: Map<string, OversightFigures>, metric: RankingMetric, direction: RankingDirection): Ranked[] {
  const readings = [...figures].map(([code, f]) => ({ code, ...readMetric(metric, f) }));
  const sign = direction === RankingDirection.ASC ? 1 : -1;
  readings.sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === b.value ? a.code.localeCompare(b.code) : a.value === null ? 1 : -1;
    return sign * (a.value - b.value) || a.code.localeCompare(b.code);
  });
  let previous: number | null = null;
  let previousRank = 0;
  return readings.map((reading, index) => {
    if (reading.value === null) return { ...reading, rank: null };
    if (reading.value !== previous) previousRank = index + 1;
    previous = reading.value;
    return { ...reading, rank: previousRank };
  });
}

/** The ranking of a period, each department held against its own place and value in the period before. */
export function rankDepartments(
  current: Map<string, OversightFigures>,
  previous: Map<string, OversightFigures>,
  metric: RankingMetric,
  direction: RankingDirection,
): RankingEntry[] {
  const before = new Map(rank(previous, metric, direction).map((entry) => [entry.code, entry]));
  return rank(current, metric, direction).map((entry) => {
    const then = before.get(entry.code);
    const previousValue = then?.value ?? null;
    return {
      rank: entry.rank,
      departmentCode: entry.code,
      department: { code: entry.code },
      value: entry.value,
      rate: entry.rate,
      previousRank: then?.rank ?? null,
      previousValue,
      change: entry.value !== null && previousValue !== null ? entry.value - previousValue : null,
    };
  });
}
