import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AssignmentFact } from '../facts/assignment-fact.entity';
import { dayKey, type DayRange } from '../period/resolve-period';
import { CENTRE, COUNTERS } from '../rollup/counters';
import { DepartmentDay } from '../rollup/department-day.entity';
import { DepartmentMonth } from '../rollup/department-month.entity';
import { parseHistogram } from '../rollup/handling-buckets';
import { RollupDay } from '../rollup/rollup-day.entity';
import type { RollupRow } from '../rollup/rollup-row';
import { isFiltered, type OversightFilter } from './oversight-filter.input';
import { emptyFigures, type UnitFigures } from './unit-figures';

export interface FigureQuery {
  range: DayRange;
  filter?: OversightFilter | null;
  /** Which units to read (department codes, CENTRE); absent: every department, not the centre. */
  units?: readonly string[];
  /** The moment open work is judged overdue at. */
  now?: Date;
}

type Keys = { from: string; to: string };

function narrowed<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, dayColumn: string, keys: Keys, { filter, units }: FigureQuery): SelectQueryBuilder<T> {
  query.where(`r.${dayColumn} BETWEEN :from AND :to`, keys);
  if (units) query.andWhere('r.departmentCode IN (:...units)', { units: units.length ? units : [''] });
  else query.andWhere('r.departmentCode <> :centre', { centre: CENTRE });
  if (filter?.categoryCodes?.length) query.andWhere('r.categoryCode IN (:...categories)', { categories: filter.categoryCodes });
  if (filter?.channels?.length) query.andWhere('r.channel IN (:...channels)', { channels: filter.channels });
  if (filter?.districts?.length) query.andWhere('r.district IN (:...districts)', { districts: filter.districts });
  return query;
}

const wholeMonths = ({ from, to }: DayRange) => from.endsWith('-01') && new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).getUTCDate() === 1;

/** The coarsest rollup that answers the query, and its keys: months for whole months, else days; a filter needs the fine table. */
function rollupFor(query: FigureQuery): { entity: typeof DepartmentDay | typeof DepartmentMonth | typeof RollupDay; keys: Keys } {
  const days = { from: dayKey(query.range.from), to: dayKey(query.range.to) };
  if (isFiltered(query.filter)) return { entity: RollupDay, keys: days };
  if (wholeMonths(query.range)) return { entity: DepartmentMonth, keys: { from: days.from.slice(0, 6), to: days.to.slice(0, 6) } };
  return { entity: DepartmentDay, keys: days };
}

/**
 * The figures of each unit over a period: the counts summed in the database,
 * the handling-time buckets merged here, and open work past its deadline
 * counted live. Unfiltered figures read the per-department tables (three rows
 * a department for a quarter, seven for a week); a filter reads the fine one.
 */
export async function readFigures(dataSource: DataSource, query: FigureQuery): Promise<Map<string, UnitFigures>> {
  const { entity, keys } = rollupFor(query);
  const table = dataSource.getRepository<RollupRow>(entity);
  const sums = narrowed(table.createQueryBuilder('r'), 'day', keys, query)
    .select('r.departmentCode', 'unit')
    .addSelect('SUM(r.handlingMs)', 'handlingMs')
    .groupBy('r.departmentCode');
  for (const counter of COUNTERS) sums.addSelect(`SUM(r.${counter})`, counter);
  const histograms = narrowed(table.createQueryBuilder('r'), 'day', keys, query)
    .select('r.departmentCode', 'unit')
    .addSelect('r.handlingHistogram', 'histogram')
    .andWhere('r.handlingHistogram IS NOT NULL');
  // open work is an assignment's: the centre's share is every department's
  const wantsCentre = query.units?.includes(CENTRE) ?? false;
  const deadlineDays = { from: dayKey(query.range.from), to: dayKey(query.range.to) };
  const open = narrowed(dataSource.getRepository(AssignmentFact).createQueryBuilder('r'), 'deadlineDay', deadlineDays, { ...query, units: wantsCentre ? undefined : query.units })
    .select('r.departmentCode', 'unit')
    .addSelect('COUNT(*)', 'open')
    .andWhere('r.open = :open AND r.deadline < :now', { open: true, now: query.now ?? new Date() })
    .groupBy('r.departmentCode');
  const [sumRows, histogramRows, openRows] = await Promise.all([
    sums.getRawMany<Record<string, string | number | null>>(),
    histograms.getRawMany<{ unit: string; histogram: string }>(),
    open.getRawMany<{ unit: string; open: string | number }>(),
  ]);

  const figures = new Map<string, UnitFigures>();
  const of = (unit: string) => figures.get(unit) ?? figures.set(unit, emptyFigures()).get(unit)!;
  for (const row of sumRows) {
    const unit = of(String(row.unit));
    for (const counter of COUNTERS) unit.counts[counter] = Number(row[counter] ?? 0);
    unit.handlingMs = Number(row.handlingMs ?? 0);
  }
  for (const row of histogramRows) parseHistogram(row.histogram, of(row.unit).histogram);
  for (const row of openRows) {
    if (!query.units || query.units.includes(row.unit)) of(row.unit).overdueOpen += Number(row.open);
    if (wantsCentre) of(CENTRE).overdueOpen += Number(row.open);
  }
  return figures;
}
