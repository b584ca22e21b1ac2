import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AssignmentFact } from '../facts/assignment-fact.entity';
import { dayKey, type DayRange } from '../period/resolve-period';
import { CENTRE, COUNTERS } from '../rollup/counters';
import { DepartmentDay } from '../rollup/department-day.entity';
import { parseHistogram } from '../rollup/handling-buckets';
import { RollupDay } from '../rollup/rollup-day.entity';
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

function narrowed<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, dayColumn: string, { range, filter, units }: FigureQuery): SelectQueryBuilder<T> {
  query.where(`r.${dayColumn} BETWEEN :from AND :to`, { from: dayKey(range.from), to: dayKey(range.to) });
  if (units) query.andWhere('r.departmentCode IN (:...units)', { units: units.length ? units : [''] });
  else query.andWhere('r.departmentCode <> :centre', { centre: CENTRE });
  if (filter?.categoryCodes?.length) query.andWhere('r.categoryCode IN (:...categories)', { categories: filter.categoryCodes });
  if (filter?.channels?.length) query.andWhere('r.channel IN (:...channels)', { channels: filter.channels });
  if (filter?.districts?.length) query.andWhere('r.district IN (:...districts)', { districts: filter.districts });
  return query;
}

/**
 * The figures of each unit over a period: the counts summed in the database,
 * the handling-time buckets merged here, and open work past its deadline
 * counted live. Unfiltered figures read the per-department table (a few
 * thousand rows a quarter); a filter reads the fine one.
 */
export async function readFigures(dataSource: DataSource, query: FigureQuery): Promise<Map<string, UnitFigures>> {
  const table = dataSource.getRepository<DepartmentDay | RollupDay>(isFiltered(query.filter) ? RollupDay : DepartmentDay);
  const sums = narrowed(table.createQueryBuilder('r'), 'day', query)
    .select('r.departmentCode', 'unit')
    .addSelect('SUM(r.handlingMs)', 'handlingMs')
    .groupBy('r.departmentCode');
  for (const counter of COUNTERS) sums.addSelect(`SUM(r.${counter})`, counter);
  const histograms = narrowed(table.createQueryBuilder('r'), 'day', query)
    .select('r.departmentCode', 'unit')
    .addSelect('r.handlingHistogram', 'histogram')
    .andWhere('r.handlingHistogram IS NOT NULL');
  // open work is an assignment's: the centre's share is every department's
  const wantsCentre = query.units?.includes(CENTRE) ?? false;
  const open = narrowed(dataSource.getRepository(AssignmentFact).createQueryBuilder('r'), 'deadlineDay', { ...query, units: wantsCentre ? undefined : query.units })
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
