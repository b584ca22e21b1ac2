import 'reflect-metadata';
import { AnchorLedger } from './anchor/anchor-ledger';
import { readAnchorSettings } from './anchor/anchor-settings';
import { writeAnchor } from './anchor/write-anchor';
import { readAuditConfig } from './config';
import { openAuditDataSource } from './data-source';
import { describeCheck, isLoss, reconcileAll } from './reconcile/reconcile-all';
import { readReconcileOptions } from './reconcile/reconcile-window';
import { verifyAllTrails } from './trail/verify-trail';

/**
 * `npm run audit:verify`: recomputes every ticket's chain and holds it against
 * the signed anchors (e.g. as a nightly job), anchors the current heads when
 * it holds the anchor key, then reconciles each subgraph's outbox with the
 * trail. Exit code 1 and one line per broken ticket, bad anchor or
 * missing/extra event when anything was altered or lost; 0 when everything
 * holds; 2 when it could not check (all or part).
 */
async function main(): Promise<number> {
  const reconcile = readReconcileOptions(process.argv.slice(2));
  const anchor = readAnchorSettings();
  const { dataSource } = await openAuditDataSource(readAuditConfig().database);
  try {
    const ledger = anchor ? new AnchorLedger(anchor.file, anchor.verifyKey) : null;
    const { checked, broken } = await verifyAllTrails(dataSource, ledger);
    for (const result of broken) {
      const event = result.firstBadEventId ?? '(deleted)';
      console.error(`BROKEN ticket ${result.ticketId}: ${result.problem} at #${result.firstBadSeq}, event ${event}: ${result.message}`);
    }
    for (const problem of ledger?.problems ?? []) console.error(`ANCHOR ${problem}`);
    console.log(`${checked} trails checked, ${broken.length} broken`);
    if (!anchor) console.log('no AUDIT_ANCHOR_KEY or AUDIT_ANCHOR_PUBLIC_KEY: a trail rewritten and re-hashed, or deleted whole, would not show');
    else if (anchor.signingKey) console.log(`${await writeAnchor(dataSource, anchor)} chain heads anchored to ${anchor.file}`);
    const checks = reconcile ? await reconcileAll(dataSource, reconcile) : [];
    for (const check of checks) {
      const { problems, summary } = describeCheck(check);
      for (const line of problems) console.error(line);
      if (summary) console.log(summary);
    }
    if (broken.length || ledger?.problems.length || checks.some(isLoss)) return 1;
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
