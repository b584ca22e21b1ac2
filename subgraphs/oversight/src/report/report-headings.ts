import type { OversightReport } from './report-content';
import { ReportKind } from './report-kind';

/** Section headings, 中文 first and English after, the same in the CSV and on the page. */
export const SECTIONS = {
  summary: '中心汇总 Centre summary',
  departments: '各部门情况 Departments',
  rankings: '部门排名 Department rankings',
  charts: '图表 Charts',
} as const;

const TREND: Record<ReportKind, string> = {
  WEEKLY: '逐日走势 Day by day',
  MONTHLY: '逐周走势 Week by week',
  QUARTERLY: '逐月走势 Month by month',
};

export function reportHeadings(report: OversightReport) {
  const { zh, en } = report.definition;
  const scope =
    report.scope.kind === 'centre' ? '中心 Centre (全部 all figures)' : report.scope.kind === 'press' ? '新闻席 Press seat (公开排名 published rankings)' : `部门 Department ${report.scope.code} (本部门 own figures)`;
  return {
    title: `${zh} ${en} · ${report.label}`,
    zh,
    en,
    scope,
    trend: TREND[report.kind],
  };
}

/** A moment shown in the city's time zone, to the minute: the reader's clock, not the server's. */
export function localTime(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}
