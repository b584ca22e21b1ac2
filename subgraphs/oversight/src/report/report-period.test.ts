import { resolvePeriod } from '../period/resolve-period';
import { ReportKind } from './report-kind';
import { periodLabel, reportPeriod, trendSteps } from './report-period';

const resolved = (kind: ReportKind, label: string) => resolvePeriod(reportPeriod(kind, label));

describe('report periods', () => {
  it('reads ISO weeks, months and quarters, and names them back', () => {
    expect(resolved(ReportKind.WEEKLY, '2026-W47').current).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    // ISO week 1 of 2027 starts on 2027-01-04; 2026-W53 holds 2026-12-31
    expect(resolved(ReportKind.WEEKLY, '2027-W01').current.from).toBe('2027-01-04');
    expect(resolved(ReportKind.WEEKLY, '2026-W53').current).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(resolved(ReportKind.MONTHLY, '2026-11').current).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(resolved(ReportKind.QUARTERLY, '2026-Q4').current).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodLabel(ReportKind.WEEKLY, resolved(ReportKind.WEEKLY, '2026-11-26'))).toBe('2026-W48');
    expect(periodLabel(ReportKind.WEEKLY, resolved(ReportKind.WEEKLY, '2027-01-01'))).toBe('2026-W53');
    expect(periodLabel(ReportKind.QUARTERLY, resolved(ReportKind.QUARTERLY, '2026-08-15'))).toBe('2026-Q3');
    expect(periodLabel(ReportKind.MONTHLY, resolved(ReportKind.MONTHLY, '2026-11'))).toBe('2026-11');
  });

  it.each([
    [ReportKind.WEEKLY, '2026-11'],
    [ReportKind.WEEKLY, '2025-W53'],
    [ReportKind.MONTHLY, '2026-13'],
    [ReportKind.MONTHLY, '2026-Q4'],
    [ReportKind.QUARTERLY, '2026-Q5'],
    [ReportKind.QUARTERLY, '2026-02-30'],
  ])('refuses a %s period %j with BAD_USER_INPUT', (kind, label) => {
    expect(() => resolved(kind, label)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: expect.any(String) }) }));
  });

  it('draws the trend over days, weeks cut at the month, or months', () => {
    expect(trendSteps(ReportKind.WEEKLY, resolved(ReportKind.WEEKLY, '2026-W47')).map((s) => s.from)).toEqual([16, 17, 18, 19, 20, 21, 22].map((d) => `2026-11-${d}`));
    expect(trendSteps(ReportKind.MONTHLY, resolved(ReportKind.MONTHLY, '2026-11')).map(({ from, to }) => [from, to])).toEqual([
      ['2026-11-01', '2026-11-01'],
      ['2026-11-02', '2026-11-08'],
      ['2026-11-09', '2026-11-15'],
      ['2026-11-16', '2026-11-22'],
      ['2026-11-23', '2026-11-29'],
      ['2026-11-30', '2026-11-30'],
    ]);
    expect(trendSteps(ReportKind.QUARTERLY, resolved(ReportKind.QUARTERLY, '2026-Q1')).map(({ from, to }) => [from, to])).toEqual([
      ['2026-01-01', '2026-01-31'],
      ['2026-02-01', '2026-02-28'],
      ['2026-03-01', '2026-03-31'],
    ]);
  });
});
