import 'reflect-metadata';
import { readAuditConfig } from './config';
import { openAuditDataSource } from './data-source';
import { describeCheck, isLoss, reconcileAll } from './reconcile/reconcile-all';
import { readReconcileOptions } from './reconcile/reconcile-window';
import { verifyAllTrails } from './trail/verify-trail';

/**
 * `npm run audit:verify`: recomputes every ticket's chain, e.g. as a nightly
 * job, then reconciles each subgraph's outbox with the trail. Exit code 1 and
 * one line per broken ticket or missing/extra event when anything was altered
 * or lost; 0 when everything holds; 2 when it could not check (all or part).
 */
async function main(): Promise<number> {
  const reconcile = readReconcileOptions(process.argv.slice(2));
  const { dataSource } = await openAuditDataSource(readAuditConfig().database);
  try {
    const { checked, broken } = await verifyAllTrails(dataSource);
    for (const result of broken) {
      const event = result.firstBadEventId ?? '(deleted)';
      console.error(`BROKEN ticket ${result.ticketId}: ${result.problem} at #${result.firstBadSeq}, event ${event}: ${result.message}`);
    }
    console.log(`${checked} trails checked, ${broken.length} broken`);
    const checks = reconcile ? await reconcileAll(dataSource, reconcile) : [];
    for (const check of checks) {
      const { problems, summary } = describeCheck(check);
      for (const line of problems) console.error(line);
      if (summary) console.log(summary);
    }
    if (broken.length || checks.some(isLoss)) return 1;
    return checks.some((check) => 'unreachable' in check) ? 2 : 0;
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
