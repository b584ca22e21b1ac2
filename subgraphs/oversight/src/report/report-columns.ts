import type { OversightFigures } from '../figures/oversight-figures.type';
import type { Rate } from '../figures/rate.type';
import { METRIC_FIELDS, type RankingMetric } from '../ranking/ranking-metric';

type CountField = { [K in keyof OversightFigures]: OversightFigures[K] extends number ? K : never }[keyof OversightFigures];
type HoursField = 'averageHandlingHours' | 'p90HandlingHours';
type RateField = { [K in keyof OversightFigures]: OversightFigures[K] extends Rate ? K : never }[keyof OversightFigures];

export type FigureColumn =
  | { kind: 'count'; field: CountField; zh: string; en: string; brief?: true }
  | { kind: 'hours'; field: HoursField; zh: string; en: string; brief?: true }
  | { kind: 'rate'; field: RateField; zh: string; en: string; brief?: true };

/** Every figure a report shows, in the order shown; `brief` ones make the printed department table. */
export const FIGURE_COLUMNS: FigureColumn[] = [
  { kind: 'count', field: 'received', zh: '受理', en: 'Received', brief: true },
  { kind: 'count', field: 'directlyAnswered', zh: '直接答复', en: 'Directly answered' },
  { kind: 'count', field: 'dispatched', zh: '交办', en: 'Dispatched', brief: true },
  { kind: 'count', field: 'returned', zh: '退单', en: 'Returned', brief: true },
  { kind: 'count', field: 'redispatched', zh: '重新派单', en: 'Re-dispatched' },
  { kind: 'count', field: 'extended', zh: '延期', en: 'Extended' },
  { kind: 'count', field: 'urged', zh: '催办', en: 'Urged' },
  { kind: 'count', field: 'supervised', zh: '督办', en: 'Supervised' },
  { kind: 'count', field: 'resultReported', zh: '办理反馈', en: 'Results reported', brief: true },
  { kind: 'count', field: 'closed', zh: '办结', en: 'Closed', brief: true },
  { kind: 'count', field: 'onTime', zh: '按时', en: 'On time', brief: true },
  { kind: 'count', field: 'overdue', zh: '超期', en: 'Overdue', brief: true },
  { kind: 'count', field: 'overdueOpen', zh: '超期未办', en: 'Overdue, still open' },
  { kind: 'count', field: 'satisfied', zh: '满意', en: 'Satisfied' },
  { kind: 'count', field: 'basicallySatisfied', zh: '基本满意', en: 'Basically satisfied' },
  { kind: 'count', field: 'notSatisfied', zh: '不满意', en: 'Not satisfied' },
  { kind: 'count', field: 'unreachable', zh: '无法联系', en: 'Unreachable' },
  { kind: 'count', field: 'reopened', zh: '重启', en: 'Reopened' },
  { kind: 'count', field: 'repeated', zh: '重复诉求', en: 'Repeated requests' },
  { kind: 'count', field: 'handled', zh: '计时件数', en: 'Handled (timed)' },
  { kind: 'hours', field: 'averageHandlingHours', zh: '平均办理时长（工作小时）', en: 'Mean handling, working hours', brief: true },
  { kind: 'hours', field: 'p90HandlingHours', zh: '90%办理时长（工作小时）', en: 'p90 handling, working hours' },
  { kind: 'rate', field: 'directAnswerRate', zh: '直接答复率', en: 'Direct-answer rate' },
  { kind: 'rate', field: 'completionRate', zh: '办结率', en: 'Completion rate', brief: true },
  { kind: 'rate', field: 'returnRate', zh: '退单率', en: 'Return rate' },
  { kind: 'rate', field: 'extensionRate', zh: '延期率', en: 'Extension rate' },
  { kind: 'rate', field: 'onTimeRate', zh: '按时办结率', en: 'On-time rate', brief: true },
  { kind: 'rate', field: 'satisfactionRate', zh: '满意率', en: 'Satisfaction rate', brief: true },
];

const column = (field: string) => FIGURE_COLUMNS.find((candidate) => candidate.field === field)!;

export const metricColumn = (metric: RankingMetric): FigureColumn => column(METRIC_FIELDS[metric]);

/** 87.5 %, or — when there is nothing to divide. */
export const percent = (value: number | null): string => (value === null ? '—' : `${(value * 100).toFixed(1)} %`);
export const hours = (value: number | null): string => (value === null ? '—' : value.toFixed(1));
/** A value shown the way its column is: a rate as a percentage, hours to a tenth, a count as it is. */
export const shownValue = (column: FigureColumn, value: number | null): string =>
  column.kind === 'rate' ? percent(value) : column.kind === 'hours' ? hours(value) : value === null ? '—' : String(value);
/** ±0.125 as "+12.5 pp" for rates; counts and hours signed as they are. */
export function shownChange(column: FigureColumn, change: number | null): string {
  if (change === null) return '—';
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  const size = Math.abs(change);
  return column.kind === 'rate' ? `${sign}${(size * 100).toFixed(1)} pp` : column.kind === 'hours' ? `${sign}${size.toFixed(1)}` : `${sign}${size}`;
}
