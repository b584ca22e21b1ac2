import { MAX_FEED_PAGE, readAuditFeed } from '../../../schema/audit/audit-feed';
import { IntakeCalendar } from '../../../subgraphs/oversight/src/calendar/intake-calendar';
import { FeedFollower } from '../../../subgraphs/oversight/src/feed/feed-follower';
import { rebuildOversight, type RebuildReport } from '../../../subgraphs/oversight/src/rebuild/rebuild-oversight';
import { testKeys } from '../personas';
import type { Stack } from '../stack';

const ZONE = 'Asia/Shanghai';
const OUTBOXES = ['intake', 'water', 'streetlight', 'transit'] as const;

/** Oversight following the in-process stack's audit feed, as its process would (small pages, to cross many). */
export function followerFor(stack: Stack, pageSize = 50): FeedFollower {
  const keys = testKeys('oversight');
  return new FeedFollower({
    dataSource: stack.subgraphs.oversight.data.dataSource,
    feed: { auditUrl: () => stack.subgraphs.audit.url, pollMs: 100, pageSize },
    hopKeys: keys,
    calendar: new IntakeCalendar(() => stack.subgraphs.intake.url, keys, ZONE),
    timeZone: ZONE,
  });
}

/** Waits until every outbox has handed its events to audit (the stack's relays run), then applies the feed to its head. */
export async function drainIntoOversight(stack: Stack, follower: FeedFollower, seconds = 60): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const waiting = await Promise.all(
      OUTBOXES.map(async (name) => Number((await stack.subgraphs[name].data.dataSource.query('SELECT COUNT(*) AS n FROM audit_event WHERE deliveredAt IS NULL'))[0].n)),
    );
    if (waiting.every((n) => n === 0)) break;
    if (Date.now() > deadline) throw new Error(`events still wait in the outboxes: ${waiting.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await follower.catchUp();
}

/** `npm run oversight:rebuild` against the stack's audit service. */
export function rebuildFromStack(stack: Stack): Promise<RebuildReport> {
  const keys = testKeys('oversight');
  return rebuildOversight(stack.subgraphs.oversight.data.dataSource, {
    read: (after) => readAuditFeed(stack.subgraphs.audit.url, keys, after, MAX_FEED_PAGE),
    calendar: new IntakeCalendar(() => stack.subgraphs.intake.url, keys, ZONE),
    timeZone: ZONE,
  });
}

/** Every row oversight keeps, in a stable order: what a rebuild must reproduce. */
export async function oversightRows(stack: Stack): Promise<Record<string, unknown[]>> {
  const dataSource = stack.subgraphs.oversight.data.dataSource;
  const rows: Record<string, unknown[]> = {};
  for (const [table, key] of [['department_day', '`key`'], ['department_month', '`key`'], ['rollup_day', '`key`'], ['ticket_fact', 'ticketId'], ['assignment_fact', 'assignmentId']]) {
    rows[table] = await dataSource.query(`SELECT * FROM ${table} ORDER BY ${key}`);
  }
  return rows;
}
