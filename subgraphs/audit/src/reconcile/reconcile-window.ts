import { readDatabaseSettings, readString } from '../../../../schema/config/env';
import type { ReconcileOptions } from './reconcile-all';

const DAY_MS = 86_400_000;

function readTime(argv: string[], flag: string, fallback: Date): Date {
  const raw = argv.find((arg) => arg.startsWith(`${flag}=`))?.slice(flag.length + 1);
  if (raw === undefined) return fallback;
  const time = new Date(raw);
  if (Number.isNaN(time.getTime())) throw new Error(`${flag} must be an ISO 8601 time, got "${raw}"`);
  return time;
}

/**
 * `npm run audit:verify -- --from=2025-03-01 --to=2025-04-01` (default: the
 * last 7 days); `--no-reconcile` checks the chains only, e.g. where this
 * machine cannot reach the departments' databases. Which outboxes:
 * `AUDIT_RECONCILE_SUBGRAPHS` (comma-separated), else every subgraph the trail
 * has events from; a subgraph whose events were all deleted here is found
 * only when named.
 */
export function readReconcileOptions(argv: string[], env = process.env, now = new Date()): ReconcileOptions | null {
  if (argv.includes('--no-reconcile')) return null;
  const to = readTime(argv, '--to', now);
  const from = readTime(argv, '--from', new Date(to.getTime() - 7 * DAY_MS));
  if (from >= to) throw new Error('--from must be before --to');
  const subgraphs = readString('AUDIT_RECONCILE_SUBGRAPHS', '', env).split(',').map((name) => name.trim()).filter(Boolean);
  return { subgraphs, from, to, settingsOf: (subgraph) => readDatabaseSettings(subgraph, env) };
}
