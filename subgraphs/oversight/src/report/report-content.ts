import type { OversightFigures } from '../figures/oversight-figures.type';
import type { ResolvedPeriod } from '../period/resolve-period';
import type { RankingEntry } from '../ranking/ranking-entry.type';
import type { ReportDefinition, ReportKind, RankingSpec } from './report-kind';
import type { TrendStep } from './report-period';
import type { ReportScope } from './report-scope';

export interface UnitRow {
  /** A department's code, or CENTRE. */
  unit: string;
  current: OversightFigures;
  previous: OversightFigures;
}

export interface ReportRanking extends RankingSpec {
  entries: RankingEntry[];
}

export interface TrendPoint extends TrendStep {
  figures: OversightFigures;
}

/** Everything a report shows, read once; the CSV and the HTML page are two renderings of it. */
export interface OversightReport {
  kind: ReportKind;
  definition: ReportDefinition;
  /** "2026-W47", "2026-11", "2026-Q4" */
  label: string;
  period: ResolvedPeriod;
  timeZone: string;
  generatedAt: Date;
  scope: ReportScope;
  /** The centre's own figures; null outside the centre's scope. */
  summary: UnitRow | null;
  departments: UnitRow[];
  rankings: ReportRanking[];
  /** Whose figures the trend follows (CENTRE, or the department's code); empty for the press seat. */
  trendUnit: string | null;
  trend: TrendPoint[];
}
