import { registerEnumType } from 'type-graphql';
import { PeriodKind } from '../period/period.input';
import { RankingDirection, RankingMetric } from '../ranking/ranking-metric';

export enum ReportKind {
  WEEKLY = 'WEEKLY',
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
}
registerEnumType(ReportKind, {
  name: 'ReportKind',
  description: 'Which of the centre\'s reports to export',
  valuesConfig: {
    WEEKLY: { description: '周报告: a week, Monday to Sunday; period like "2026-W47" (ISO week)' },
    MONTHLY: { description: '月通报: a calendar month; period like "2026-11"' },
    QUARTERLY: { description: '季排名: a quarter; period like "2026-Q4"' },
  },
});

export enum ReportFormat {
  CSV = 'CSV',
  HTML = 'HTML',
}
registerEnumType(ReportFormat, {
  name: 'ReportFormat',
  valuesConfig: {
    CSV: { description: 'text/csv, RFC 4180, one block per table; text cells a spreadsheet would run as formulas start with \'' },
    HTML: { description: 'a printable page, everything inline (charts as SVG, no script, nothing fetched)' },
  },
});

export interface RankingSpec {
  metric: RankingMetric;
  direction: RankingDirection;
}

export interface ReportDefinition {
  periodKind: PeriodKind;
  zh: string;
  en: string;
  /** The file name's stem. */
  slug: string;
  /** The rankings the report holds, the first one charted. */
  rankings: RankingSpec[];
}

const by = (metric: RankingMetric, direction = RankingDirection.DESC): RankingSpec => ({ metric, direction });

// the longer the period, the more a ranking means: a week ranks by timeliness, a quarter by everything the centre scores
export const REPORTS: Record<ReportKind, ReportDefinition> = {
  WEEKLY: { periodKind: PeriodKind.WEEK, zh: '周报告', en: 'Weekly report', slug: 'weekly-report', rankings: [by(RankingMetric.ON_TIME_RATE)] },
  MONTHLY: {
    periodKind: PeriodKind.MONTH,
    zh: '月通报',
    en: 'Monthly bulletin',
    slug: 'monthly-bulletin',
    rankings: [by(RankingMetric.ON_TIME_RATE), by(RankingMetric.SATISFACTION_RATE)],
  },
  QUARTERLY: {
    periodKind: PeriodKind.QUARTER,
    zh: '季排名',
    en: 'Quarterly ranking',
    slug: 'quarterly-ranking',
    rankings: [by(RankingMetric.ON_TIME_RATE), by(RankingMetric.SATISFACTION_RATE), by(RankingMetric.COMPLETION_RATE), by(RankingMetric.AVERAGE_HANDLING_HOURS, RankingDirection.ASC)],
  },
};
