import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { RANKING_READERS } from '../access/oversight-access';
import type { OversightContext } from '../context';
import { exportReport } from './export-report';
import { ReportFile } from './report-file.type';
import { ReportFormat, ReportKind } from './report-kind';
import { reportScope } from './report-scope';

@Resolver()
export class ReportResolver {
  @Authorized(...RANKING_READERS)
  @Query(() => ReportFile, {
    description:
      '周报告 / 月通报 / 季排名 as a file (CSV, or a printable HTML page with tables and SVG charts). It holds what its reader may query and no more: ' +
      "the centre's roles (operators, supervisors, auditors, system administrators) get the whole report; the press seat (OBSERVER) the published rankings only; " +
      "a department's staff their own department's figures and trend and their own entry in each ranking (its rank among all); anyone else FORBIDDEN. " +
      'A period not written for its kind is BAD_USER_INPUT (extensions.field "period")',
  })
  exportOversightReport(
    @Arg('kind', () => ReportKind) kind: ReportKind,
    @Arg('period', () => String, { description: 'WEEKLY "2026-W47" (ISO week), MONTHLY "2026-11", QUARTERLY "2026-Q4"; or any local date YYYY-MM-DD inside the period' }) period: string,
    @Arg('format', () => ReportFormat) format: ReportFormat,
    @Ctx() context: OversightContext,
  ): Promise<ReportFile> {
    return exportReport(context.dataSource, { kind, period, format, scope: reportScope(context.actor), timeZone: context.config.timeZone });
  }
}
