import { useEffect, useState } from 'react';
import { ApiError, request } from '../api/graphql-client';
import { useQuery } from '../api/use-query';
import { DepartmentTrendDocument, type DepartmentTrendQuery, OversightDashboardDocument, type RankingMetric } from '../generated/graphql';
import { useT } from '../i18n/language';
import { ErrorNote } from '../layout/action';
import { BarChart } from './bar-chart';
import { recentPeriods } from './periods';

const METRICS: RankingMetric[] = ['ON_TIME_RATE', 'COMPLETION_RATE', 'SATISFACTION_RATE', 'RETURN_RATE', 'RECEIVED', 'OVERDUE'];

/** 考核: the centre's rates this period, each department's on-time rate over recent periods, and the ranking; figures computed by the oversight subgraph. */
export function OversightDashboard() {
  const { t, name } = useT();
  const [kind, setKind] = useState<'WEEK' | 'MONTH'>('MONTH');
  const [metric, setMetric] = useState<RankingMetric>('ON_TIME_RATE');
  const periods = recentPeriods(kind, 6);
  const current = periods[periods.length - 1];
  const dashboard = useQuery(OversightDashboardDocument, { period: { kind, date: current.date }, metric });
  const trend = useTrend(periods);
  const figures = dashboard.data?.oversightSummary.figures;
  return (
    <section className="oversight">
      <label>
        {t('period')}
        <select name="periodKind" value={kind} onChange={(e) => setKind(e.target.value as 'WEEK' | 'MONTH')}>
          <option value="WEEK">{t('WEEK')}</option>
          <option value="MONTH">{t('MONTH')}</option>
        </select>
      </label>
      <ErrorNote error={dashboard.error ?? trend.error} />
      {figures && (
        <dl className="figures">
          <dt>{t('received')}</dt>
          <dd>{figures.received}</dd>
          <dt>{t('closed')}</dt>
          <dd>{figures.closed}</dd>
          <dt>{t('overdue')}</dt>
          <dd>{figures.overdue}</dd>
          {(['onTimeRate', 'completionRate', 'satisfactionRate', 'returnRate'] as const).map((rate) => (
            <div key={rate}>
              <dt>{t(rate)}</dt>
              <dd>{figures[rate].value == null ? '–' : `${(figures[rate].value! * 100).toFixed(1)}%`}</dd>
            </div>
          ))}
        </dl>
      )}
      <h3>{t('trend')}</h3>
      <div className="trends">
        {trend.departments.map((department) => (
          <figure key={department.code}>
            <BarChart label={name(department)} bars={department.values.map((value, i) => ({ label: periods[i].label, value }))} />
            <figcaption>{name(department)}</figcaption>
          </figure>
        ))}
      </div>
      <h3>{t('ranking')}</h3>
      <select name="metric" value={metric} onChange={(e) => setMetric(e.target.value as RankingMetric)}>
        {METRICS.map((m) => (
          <option key={m}>{m}</option>
        ))}
      </select>
      <table className="ranking">
        <thead>
          <tr>
            <th>{t('rank')}</th>
            <th>{t('departmentCol')}</th>
            <th>{t('value')}</th>
            <th>Δ</th>
          </tr>
        </thead>
        <tbody>
          {dashboard.data?.departmentRanking.entries.map((entry) => (
            <tr key={entry.departmentCode}>
              <td>{entry.rank ?? '–'}</td>
              <td>{name(entry.department)}</td>
              <td>{entry.rate ? `${entry.rate.numerator}/${entry.rate.denominator}` : (entry.value ?? '–')}</td>
              <td>{entry.previousRank == null ? '' : `${entry.previousRank} → ${entry.rank ?? '–'}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Each department's on-time rate per period: one query per period, run together. */
function useTrend(periods: { kind: string; date: string }[]) {
  const [state, setState] = useState<{ departments: { code: string; nameZh: string; nameEn: string; values: (number | null)[] }[]; error: ApiError | null }>({ departments: [], error: null });
  const key = JSON.stringify(periods);
  useEffect(() => {
    let current = true;
    const asked = JSON.parse(key) as { kind: 'WEEK' | 'MONTH'; date: string }[];
    Promise.all(asked.map((period) => request(DepartmentTrendDocument, { period: { kind: period.kind, date: period.date } }))).then(
      (answers: DepartmentTrendQuery[]) => {
        if (!current) return;
        // a chart per department that had work in one of the periods; the other two dozen would be empty axes
        const departments = (answers[0]?.departments ?? [])
          .map((department) => ({
            ...department,
            values: answers.map((answer) => answer.departments.find((d) => d.code === department.code)?.performance?.figures.onTimeRate.value ?? null),
          }))
          .filter((department) => department.values.some((value) => value !== null));
        setState({ departments, error: null });
      },
      (error: unknown) => current && setState({ departments: [], error: error instanceof ApiError ? error : new ApiError(String(error), 'NETWORK') }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return state;
}
