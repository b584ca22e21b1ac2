import { PeriodKind } from './period.input';
import { resolvePeriod } from './resolve-period';

const resolve = (kind: PeriodKind, date: string, until?: string) => resolvePeriod({ kind, date, until });

describe('resolvePeriod', () => {
  it('aligns a week to Monday–Sunday, the previous week before it', () => {
    expect(resolve(PeriodKind.WEEK, '2026-11-26')).toEqual({
      kind: PeriodKind.WEEK,
      current: { from: '2026-11-23', to: '2026-11-29' },
      previous: { from: '2026-11-16', to: '2026-11-22' },
    });
    expect(resolve(PeriodKind.WEEK, '2026-11-29').current.from).toBe('2026-11-23');
  });

  it('takes whole months, quarters and years, across the year end', () => {
    expect(resolve(PeriodKind.MONTH, '2026-03-15')).toMatchObject({ current: { from: '2026-03-01', to: '2026-03-31' }, previous: { from: '2026-02-01', to: '2026-02-28' } });
    expect(resolve(PeriodKind.QUARTER, '2026-02-10')).toMatchObject({ current: { from: '2026-01-01', to: '2026-03-31' }, previous: { from: '2025-10-01', to: '2025-12-31' } });
    expect(resolve(PeriodKind.YEAR, '2026-07-01')).toMatchObject({ current: { from: '2026-01-01', to: '2026-12-31' }, previous: { from: '2025-01-01', to: '2025-12-31' } });
  });

  it('takes custom whole weeks or whole months, the same length before as the previous period', () => {
    expect(resolve(PeriodKind.CUSTOM, '2026-11-02', '2026-11-15')).toMatchObject({ previous: { from: '2026-10-19', to: '2026-11-01' } });
    expect(resolve(PeriodKind.CUSTOM, '2026-11-01', '2027-01-31')).toMatchObject({ previous: { from: '2026-08-01', to: '2026-10-31' } });
  });

  it('refuses ranges not aligned to weeks or months, and bad dates', () => {
    expect(() => resolve(PeriodKind.CUSTOM, '2026-11-03', '2026-11-15')).toThrow(/Monday to a Sunday/);
    expect(() => resolve(PeriodKind.CUSTOM, '2026-11-01')).toThrow(/needs until/);
    expect(() => resolve(PeriodKind.MONTH, '2026-02-30')).toThrow(/YYYY-MM-DD/);
    expect(() => resolve(PeriodKind.MONTH, '2026-02-01', '2026-02-28')).toThrow(/CUSTOM periods only/);
  });
});
