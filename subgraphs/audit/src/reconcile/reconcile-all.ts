import type { DataSource } from 'typeorm';
import type { DatabaseSettings } from '../../../../schema/database/database-target';
import { TrailEvent } from '../trail/trail-event.entity';
import { openOutbox } from './open-outbox';
import { type Reconciliation, reconcileOutbox } from './reconcile-outbox';

export interface ReconcileOptions {
  /** Whose outboxes; by default every subgraph the trail has events from. */
  subgraphs?: string[];
  from: Date;
  to: Date;
  /** Where each subgraph's database is, as the subgraph itself reads it (`<SUBGRAPH>_DATABASE_URL`, `DATABASE_URL`, `DATA_DIR`). */
  settingsOf: (subgraph: string) => DatabaseSettings;
}

export type OutboxCheck = Reconciliation | { subgraph: string; unreachable: string };

async function trailSubgraphs(trail: DataSource): Promise<string[]> {
  const rows = await trail.getRepository(TrailEvent).createQueryBuilder('e').select('e.subgraph', 'subgraph').distinct(true).getRawMany<{ subgraph: string }>();
  return rows.map((row) => row.subgraph).sort();
}

/** Reconciles each subgraph's outbox with the trail; a database it cannot open is reported, not fatal. */
export async function reconcileAll(trail: DataSource, options: ReconcileOptions): Promise<OutboxCheck[]> {
  const checks: OutboxCheck[] = [];
  for (const subgraph of options.subgraphs?.length ? options.subgraphs : await trailSubgraphs(trail)) {
    let outbox: DataSource;
    try {
      outbox = await openOutbox(subgraph, options.settingsOf(subgraph));
    } catch (error) {
      checks.push({ subgraph, unreachable: (error as Error).message });
      continue;
    }
    try {
      checks.push(await reconcileOutbox(outbox, trail, subgraph, options.from, options.to));
    } finally {
      await outbox.destroy();
    }
  }
  return checks;
}

/** One line per finding (problems) and one per subgraph, for `npm run audit:verify`. */
export function describeCheck(check: OutboxCheck): { problems: string[]; summary: string | null } {
  if ('unreachable' in check) return { problems: [`UNCHECKED outbox of ${check.subgraph}: ${check.unreachable}`], summary: null };
  const window = `${check.from.toISOString()} – ${check.to.toISOString()}`;
  return {
    problems: [
      ...check.missing.map((event) => `MISSING event ${event.id} (ticket ${event.ticketId}): ${check.subgraph} delivered it, the trail does not hold it`),
      ...check.extra.map((event) => `EXTRA event ${event.id} (ticket ${event.ticketId}): in the trail as ${check.subgraph}'s, not in its outbox`),
    ],
    summary: `${check.subgraph}: ${check.recorded} events in its outbox ${window}, ${check.waiting} waiting, ${check.missingCount} missing, ${check.extraCount} extra`,
  };
}

export const isLoss = (check: OutboxCheck) => !('unreachable' in check) && check.missingCount + check.extraCount > 0;
