import * as echarts from 'echarts';
import { RankingDirection } from '../ranking/ranking-metric';
import { type FigureColumn, metricColumn } from './report-columns';
import type { ReportRanking, TrendPoint } from './report-content';

// single quotes: ECharts writes the family into a double-quoted style attribute unescaped
export const FONT_FAMILY = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
const WIDTH = 680;

/**
 * ECharts' server-side SVG rendering: the page holds plain SVG, so it prints
 * and opens offline with no script. The namespace attributes go: inline SVG in
 * HTML needs none, and a page with no "http" in it is easy to check for
 * anything fetched.
 */
function svg(height: number, option: echarts.EChartsOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT_FAMILY }, ...option });
    return chart.renderToSVGString().replace(/\s+xmlns(:\w+)?="[^"]*"/g, '');
  } finally {
    chart.dispose();
  }
}

const scaled = (c: FigureColumn, value: number | null) => (value === null ? null : c.kind === 'rate' ? Number((value * 100).toFixed(1)) : Number(value.toFixed(1)));
const unit = (c: FigureColumn) => (c.kind === 'rate' ? ' %' : c.kind === 'hours' ? ' h' : '');

/** The departments of a ranking as horizontal bars, best at the top, each bar labelled with its value. */
export function rankingChart(ranking: ReportRanking): string {
  const c = metricColumn(ranking.metric);
  const entries = [...ranking.entries].reverse();
  const order = ranking.direction === RankingDirection.ASC ? '低→高 lowest first' : '高→低 highest first';
  return svg(Math.max(170, 80 + entries.length * 34), {
    title: { text: `${c.zh} ${c.en}`, subtext: order, left: 0, textStyle: { fontSize: 14 } },
    grid: { left: 110, right: 60, top: 64, bottom: 24 },
    xAxis: { type: 'value', max: c.kind === 'rate' ? 100 : undefined, axisLabel: { formatter: `{value}${unit(c)}` } },
    yAxis: { type: 'category', data: entries.map((e) => (e.rank === null ? e.departmentCode : `${e.rank}. ${e.departmentCode}`)) },
    series: [
      {
        type: 'bar',
        data: entries.map((e) => scaled(c, e.value)),
        barMaxWidth: 22,
        itemStyle: { color: '#2f5f98' },
        label: { show: true, position: 'right', formatter: `{c}${unit(c)}` },
      },
    ],
  });
}

/** Received and closed as bars, the on-time and satisfaction rates as lines on their own axis, over the report's steps. */
export function trendChart(title: string, points: TrendPoint[]): string {
  const rate = (value: number | null) => (value === null ? null : Number((value * 100).toFixed(1)));
  return svg(300, {
    title: { text: title, left: 0, textStyle: { fontSize: 14 } },
    legend: { bottom: 0, data: ['受理 Received', '办结 Closed', '按时办结率 On-time %', '满意率 Satisfaction %'] },
    grid: { left: 50, right: 56, top: 54, bottom: 60 },
    xAxis: { type: 'category', data: points.map((p) => p.label), axisLabel: { interval: 0 } },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' }, splitLine: { show: false } },
    ],
    series: [
      { name: '受理 Received', type: 'bar', data: points.map((p) => p.figures.received), itemStyle: { color: '#8fb3de' } },
      { name: '办结 Closed', type: 'bar', data: points.map((p) => p.figures.closed), itemStyle: { color: '#2f5f98' } },
      { name: '按时办结率 On-time %', type: 'line', yAxisIndex: 1, data: points.map((p) => rate(p.figures.onTimeRate.value)), itemStyle: { color: '#c0392b' }, connectNulls: true },
      { name: '满意率 Satisfaction %', type: 'line', yAxisIndex: 1, data: points.map((p) => rate(p.figures.satisfactionRate.value)), itemStyle: { color: '#27ae60' }, connectNulls: true },
    ],
  });
}
