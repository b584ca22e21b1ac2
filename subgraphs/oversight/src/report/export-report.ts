import type { DataSource } from 'typeorm';
import { readReport, type ReportRequest } from './read-report';
import { reportCsv } from './report-csv';
import type { ReportFile } from './report-file.type';
import { reportHtml } from './report-html';
import { ReportFormat } from './report-kind';

const CONTENT_TYPES: Record<ReportFormat, string> = { CSV: 'text/csv; charset=utf-8', HTML: 'text/html; charset=utf-8' };

/** One report as a file: what `exportOversightReport` answers and `npm run report` writes. */
export async function exportReport(dataSource: DataSource, request: ReportRequest & { format: ReportFormat }): Promise<ReportFile> {
  const report = await readReport(dataSource, request);
  const { scope } = report;
  const whose = scope.kind === 'centre' ? '' : scope.kind === 'press' ? '-press' : `-${scope.code}`;
  return {
    filename: `${report.definition.slug}-${report.label}${whose}.${request.format.toLowerCase()}`,
    contentType: CONTENT_TYPES[request.format],
    content: request.format === ReportFormat.CSV ? reportCsv(report) : reportHtml(report),
    generatedAt: report.generatedAt,
  };
}
