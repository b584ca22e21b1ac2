import 'reflect-metadata';
import { readAuditConfig } from './config';
import { openAuditDataSource } from './data-source';
import { verifyAllTrails } from './trail/verify-trail';

/**
 * `npm run audit:verify`: recomputes every ticket's chain, e.g. as a nightly
 * job. Exit code 1 and one line per broken ticket, naming the first bad event,
 * when anything was altered; 0 when every trail holds; 2 when it could not check.
 */
async function main(): Promise<number> {
  const { dataSource } = await openAuditDataSource(readAuditConfig().database);
  try {
    const { checked, broken } = await verifyAllTrails(dataSource);
    for (const result of broken) {
      const event = result.firstBadEventId ?? '(deleted)';
      console.error(`BROKEN ticket ${result.ticketId}: ${result.problem} at #${result.firstBadSeq}, event ${event}: ${result.message}`);
    }
    console.log(`${checked} trails checked, ${broken.length} broken`);
    return broken.length ? 1 : 0;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`audit:verify failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
