import 'reflect-metadata';
import { MAX_FEED_PAGE, readAuditFeed } from '../../../schema/audit/audit-feed';
import { IntakeCalendar } from './calendar/intake-calendar';
import { readOversightConfig } from './config';
import { openOversightDataSource } from './data-source';
import { rebuildOversight } from './rebuild/rebuild-oversight';

/** `npm run oversight:rebuild`: the rollups made again from the audit service's feed, while the service runs. */
async function main(): Promise<void> {
  const config = readOversightConfig();
  const { dataSource } = await openOversightDataSource(config.database);
  const started = Date.now();
  try {
    const auditUrl = config.feed!.auditUrl();
    const report = await rebuildOversight(dataSource, {
      read: (after) => readAuditFeed(auditUrl, config.hopKeys, after, MAX_FEED_PAGE, { timeoutMs: 60_000 }),
      calendar: new IntakeCalendar(config.intakeUrl, config.hopKeys, config.timeZone),
      timeZone: config.timeZone,
      log: (message) => console.log(`[oversight:rebuild] ${message}`),
    });
    console.log(
      `[oversight:rebuild] ${report.events} events → ${report.tickets} tickets, ${report.assignments} assignments; feed at ${report.position.seq}; ${report.skipped} skipped; ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error('[oversight:rebuild] failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
