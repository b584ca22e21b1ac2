import type { DataSource } from 'typeorm';
import { toOversightFigures } from '../figures/oversight-figures.type';
import { periodFigures } from '../figures/period-figures';
import { readFigures } from '../figures/read-figures';
import { emptyFigures } from '../figures/unit-figures';
import { resolvePeriod } from '../period/resolve-period';
import { rankDepartments } from '../ranking/rank-departments';
import { CENTRE } from '../rollup/counters';
import type { OversightReport, TrendPoint, UnitRow } from './report-content';
import { REPORTS, type ReportKind } from './report-kind';
import { periodLabel, reportPeriod, trendSteps } from './report-period';
import type { ReportScope } from './report-scope';

export interface ReportRequest {
  kind: ReportKind;
  /** "2026-W47", "2026-11", "2026-Q4", or a date inside the period */
  period: string;
  scope: ReportScope;
  timeZone: string;
  now?: Date;
}

const ZERO = toOversightFigures(emptyFigures());

/**
 * A report's figures, read with the same functions the queries answer with
 * (periodFigures, rankDepartments, readFigures), so a report can never tell a
 * different number from `oversightSummary` or `departmentRanking`.
 */
export async function readReport(dataSource: DataSource, request: ReportRequest): Promise<OversightReport> {
  const definition = REPORTS[request.kind];
  const period = resolvePeriod(reportPeriod(request.kind, request.period));
  const { scope } = request;
  const [departments, centre] = await Promise.all([
    periodFigures(dataSource, period, null),
    scope.kind === 'centre' ? periodFigures(dataSource, period, null, [CENTRE]) : null,
  ]);
  const own = scope.kind === 'department' ? scope.code : null;
  const shown = (code: string) => own === null || code === own;
  const rankings = definition.rankings.map((spec) => ({
    ...spec,
    entries: rankDepartments(departments.current, departments.previous, spec.metric, spec.direction).filter((entry) => shown(entry.departmentCode)),
  }));
  const rows: UnitRow[] =
    scope.kind === 'press'
      ? []
      : (own ? [own] : [...departments.current.keys()].sort()).map((unit) => ({
          unit,
          current: departments.current.get(unit) ?? ZERO,
          previous: departments.previous.get(unit) ?? ZERO,
        }));
  const trendUnit = scope.kind === 'centre' ? CENTRE : own;
  const now = request.now ?? new Date();
  const trend: TrendPoint[] = trendUnit
    ? await Promise.all(
        trendSteps(request.kind, period).map(async (step) => {
          const figures = await readFigures(dataSource, { range: step, units: [trendUnit], now });
          return { ...step, figures: toOversightFigures(figures.get(trendUnit) ?? emptyFigures()) };
        }),
      )
    : [];
  return {
    kind: request.kind,
    definition,
    label: periodLabel(request.kind, period),
    period,
    timeZone: request.timeZone,
    generatedAt: now,
    scope,
    summary: centre ? { unit: CENTRE, current: centre.current.get(CENTRE)!, previous: centre.previous.get(CENTRE)! } : null,
    departments: rows,
    rankings,
    trendUnit,
    trend,
  };
}
