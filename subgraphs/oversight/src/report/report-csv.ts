import { safeCsv } from '../../../../schema/csv/safe-csv';
import type { OversightFigures } from '../figures/oversight-figures.type';
import { RankingDirection } from '../ranking/ranking-metric';
import { FIGURE_COLUMNS, type FigureColumn, metricColumn } from './report-columns';
import type { OversightReport, ReportRanking } from './report-content';
import { reportHeadings, SECTIONS } from './report-headings';

// a rate's value to four places: its numerator and denominator beside it are exact
const ratio = (value: number | null) => (value === null ? null : Number(value.toFixed(4)));
const figureHeader = (columns: FigureColumn[]) =>
  columns.flatMap((c) => (c.kind === 'rate' ? [`${c.zh} ${c.en}`, `${c.zh} 分子 numerator`, `${c.zh} 分母 denominator`] : [`${c.zh} ${c.en}`]));
const figureCells = (columns: FigureColumn[], f: OversightFigures) =>
  columns.flatMap((c) => (c.kind === 'rate' ? [ratio(f[c.field].value), f[c.field].numerator, f[c.field].denominator] : [f[c.field]]));
const valueOf = (c: FigureColumn, f: OversightFigures) => (c.kind === 'rate' ? f[c.field].value : f[c.field]);

/** A table under a one-cell title row; blocks are parted by an empty line, so each parses on its own. */
const block = (title: string, header: string[], rows: unknown[][]) => safeCsv([title], []) + safeCsv(header, rows);

function summaryBlock(report: OversightReport): string | null {
  if (!report.summary) return null;
  const { current, previous } = report.summary;
  const rows = FIGURE_COLUMNS.map((c) => {
    const now = valueOf(c, current);
    const before = valueOf(c, previous);
    const change = now !== null && before !== null ? now - before : null;
    const parts = c.kind === 'rate' ? [current[c.field].numerator, current[c.field].denominator] : [null, null];
    return c.kind === 'rate' ? [`${c.zh} ${c.en}`, c.field, ratio(now), ...parts, ratio(before), ratio(change)] : [`${c.zh} ${c.en}`, c.field, now, ...parts, before, change];
  });
  return block(SECTIONS.summary, ['指标 Figure', 'key', '本期 Value', '分子 Numerator', '分母 Denominator', '上期 Previous', '变化 Change'], rows);
}

function rankingBlock(ranking: ReportRanking): string {
  const c = metricColumn(ranking.metric);
  const order = ranking.direction === RankingDirection.ASC ? '低→高 lowest first' : '高→低 highest first';
  const shown = (value: number | null) => (c.kind === 'rate' ? ratio(value) : value);
  const rows = ranking.entries.map((e) => [e.rank, e.departmentCode, shown(e.value), e.rate?.numerator ?? null, e.rate?.denominator ?? null, e.previousRank, shown(e.previousValue), shown(e.change)]);
  return block(`排名 Ranking: ${c.zh} ${c.en} (${order})`, ['名次 Rank', '部门 Department', '值 Value', '分子 Numerator', '分母 Denominator', '上期名次 Previous rank', '上期值 Previous value', '变化 Change'], rows);
}

/** The report as CSV: a header block, then the summary, departments, rankings and trend that the scope holds. */
export function reportCsv(report: OversightReport): string {
  const h = reportHeadings(report);
  const brief = FIGURE_COLUMNS.filter((c) => c.brief);
  const { current, previous } = report.period;
  const blocks = [
    block(h.title, ['报告 Report', '期间 Period', '起 From', '止 To', '上期起 Previous from', '上期止 Previous to', '时区 Time zone', '生成时间 Generated at', '范围 Scope'], [
      [report.kind, report.label, current.from, current.to, previous.from, previous.to, report.timeZone, report.generatedAt, h.scope],
    ]),
    summaryBlock(report),
    report.departments.length
      ? block(SECTIONS.departments, ['部门 Department', ...figureHeader(FIGURE_COLUMNS)], report.departments.map((row) => [row.unit, ...figureCells(FIGURE_COLUMNS, row.current)]))
      : null,
    ...report.rankings.map(rankingBlock),
    report.trend.length
      ? block(`${h.trend} (${report.trendUnit === '*' ? '中心 centre' : report.trendUnit})`, ['期间 Period', '起 From', '止 To', ...figureHeader(brief)], report.trend.map((p) => [p.label, p.from, p.to, ...figureCells(brief, p.figures)]))
      : null,
  ];
  // the byte-order mark is what makes Excel read the Chinese headings as UTF-8
  return `\uFEFF${blocks.filter((b): b is string => b !== null).join('\r\n')}`;
}
