import type { OversightFigures } from '../figures/oversight-figures.type';
import { FIGURE_COLUMNS, type FigureColumn, metricColumn, shownChange, shownValue } from './report-columns';
import type { OversightReport, ReportRanking } from './report-content';
import { rankingChart, trendChart } from './report-charts';
import { localTime, reportHeadings, SECTIONS } from './report-headings';
import { REPORT_CSS } from './report-style';
import { RankingDirection } from '../ranking/ranking-metric';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const text = (value: unknown) => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
const row = (cells: string[], tag = 'td') => `<tr>${cells.map((cell) => `<${tag}>${cell}</${tag}>`).join('')}</tr>`;
/** Headings are "中文 English": the Chinese on its line, the English smaller beneath it. */
const headingCell = (heading: string) => {
  const [zh, ...en] = heading.split(' ');
  return en.length ? `${text(zh)}<br><small>${text(en.join(' '))}</small>` : text(zh);
};
const table = (className: string, header: string[], rows: string[]) => `<table class="${className}"><thead>${row(header.map(headingCell), 'th')}</thead><tbody>${rows.join('')}</tbody></table>`;

const valueOf = (c: FigureColumn, f: OversightFigures) => (c.kind === 'rate' ? f[c.field].value : f[c.field]);
/** A rate always with what it is made of: "87.5 % (7/8)". */
const cell = (c: FigureColumn, f: OversightFigures) => (c.kind === 'rate' ? `${shownValue(c, f[c.field].value)} <span class="parts">(${f[c.field].numerator}/${f[c.field].denominator})</span>` : text(shownValue(c, valueOf(c, f))));
const changeCell = (c: FigureColumn, change: number | null) => `<span class="${change === null || change === 0 ? '' : change > 0 ? 'up' : 'down'}">${text(shownChange(c, change))}</span>`;

function summarySection(report: OversightReport): string {
  if (!report.summary) return '';
  const { current, previous } = report.summary;
  const rows = FIGURE_COLUMNS.map((c) => {
    const now = valueOf(c, current);
    const before = valueOf(c, previous);
    return row([text(`${c.zh} ${c.en}`), cell(c, current), cell(c, previous), changeCell(c, now !== null && before !== null ? now - before : null)]);
  });
  return `<section><h2>${text(SECTIONS.summary)}</h2>${table('summary', ['指标 Figure', '本期 This period', '上期 Previous', '变化 Change'], rows)}</section>`;
}

function departmentSection(report: OversightReport): string {
  if (!report.departments.length) return '';
  const brief = FIGURE_COLUMNS.filter((c) => c.brief);
  const rows = report.departments.map((d) => row([text(d.unit), ...brief.map((c) => cell(c, d.current))]));
  return `<section><h2>${text(SECTIONS.departments)}</h2>${table('departments', ['部门 Department', ...brief.map((c) => `${c.zh} ${c.en}`)], rows)}</section>`;
}

function rankingTable(ranking: ReportRanking): string {
  const c = metricColumn(ranking.metric);
  const order = ranking.direction === RankingDirection.ASC ? '低→高 lowest first' : '高→低 highest first';
  const rows = ranking.entries.map((e) =>
    row([
      text(e.rank ?? '—'),
      text(e.departmentCode),
      text(shownValue(c, e.value)) + (e.rate ? ` <span class="parts">(${e.rate.numerator}/${e.rate.denominator})</span>` : ''),
      text(e.previousRank ?? '—'),
      text(shownValue(c, e.previousValue)),
      changeCell(c, e.change),
    ]),
  );
  return `<h3>${text(`${c.zh} ${c.en}`)} <small>(${text(order)})</small></h3>${table('ranking', ['名次 Rank', '部门 Department', '值 Value', '上期名次 Previous rank', '上期值 Previous value', '变化 Change'], rows)}`;
}

function chartSection(report: OversightReport, trendTitle: string): string {
  const charts = [...report.rankings.filter((r) => r.entries.length).map(rankingChart), ...(report.trend.length ? [trendChart(trendTitle, report.trend)] : [])];
  return charts.length ? `<section class="page-break"><h2>${text(SECTIONS.charts)}</h2>${charts.map((svg) => `<figure>${svg}</figure>`).join('')}</section>` : '';
}

/** The printable page: self-contained (styles and SVG charts inline, no script, nothing fetched). */
export function reportHtml(report: OversightReport): string {
  const h = reportHeadings(report);
  const { current, previous } = report.period;
  const trendTitle = `${h.trend} · ${report.trendUnit === '*' ? '中心 Centre' : report.trendUnit}`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text(h.title)}</title><style>${REPORT_CSS}</style></head>
<body>
<header><h1>${text(`${h.zh} ${h.en}`)}</h1>
<p class="meta">统计期间 Period: <strong>${text(report.label)}</strong> · ${text(current.from)} – ${text(current.to)} (${text(report.timeZone)})</p>
<p class="meta">对比上期 Against: ${text(previous.from)} – ${text(previous.to)} · 范围 Scope: ${text(h.scope)}</p>
<p class="meta">生成时间 Generated: ${text(localTime(report.generatedAt, report.timeZone))} (${text(report.timeZone)})</p></header>
${summarySection(report)}
${departmentSection(report)}
<section class="${report.summary ? 'page-break' : ''}"><h2>${text(SECTIONS.rankings)}</h2>${report.rankings.map(rankingTable).join('')}</section>
${chartSection(report, trendTitle)}
<footer>比率均列出分子/分母 Every rate is shown with its numerator and denominator. 按时办结率 on-time rate = 按时 / (按时 + 超期); 满意率 satisfaction = (满意 + 基本满意) / (满意 + 基本满意 + 不满意); 办结率 completion = (办结 + 直接答复) / 受理. 处理时长按工作日计 handling time in working hours.</footer>
</body></html>
`;
}
