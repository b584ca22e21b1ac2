import type { DataSource } from 'typeorm';
import type { ResolvedPeriod } from '../period/resolve-period';
import type { OversightFilter } from './oversight-filter.input';
import { type OversightFigures, toOversightFigures } from './oversight-figures.type';
import { readFigures } from './read-figures';
import { emptyFigures, type UnitFigures } from './unit-figures';

export interface PeriodFigures {
  current: Map<string, OversightFigures>;
  previous: Map<string, OversightFigures>;
}

/**
 * The figures of a period and the one before it, for `units` (absent: every
 * department). A unit with figures in only one of the two appears in both,
 * with zeros where it had none, so it can be held against itself.
 */
export async function periodFigures(dataSource: DataSource, period: ResolvedPeriod, filter: OversightFilter | null | undefined, units?: readonly string[]): Promise<PeriodFigures> {
  const now = new Date();
  const [current, previous] = await Promise.all([
    readFigures(dataSource, { range: period.current, filter, units, now }),
    readFigures(dataSource, { range: period.previous, filter, units, now }),
  ]);
  const all = new Set([...(units ?? []), ...current.keys(), ...previous.keys()]);
  const shown = (figures: Map<string, UnitFigures>) => new Map([...all].map((unit) => [unit, toOversightFigures(figures.get(unit) ?? emptyFigures())]));
  return { current: shown(current), previous: shown(previous) };
}
