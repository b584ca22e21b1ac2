import { type DataSource, LessThan } from 'typeorm';
import type { OperationUsage } from './read-usage-batch';
import { UsageRecord } from './usage-record.entity';
import { usageDay, windowStartDay } from './usage-window';

const COLUMNS = ['day', 'operationName', 'clientName', 'coordinate', 'count', 'lastSeenAt'];
const KEY = ['coordinate', 'day', 'operationName', 'clientName'];
const ROWS_PER_STATEMENT = 500;
const quote = (name: string) => `\`${name}\``; // SQLite accepts MySQL's backticks too

/**
 * Adds a batch to the day's counters. An upsert that *adds* is the one thing
 * TypeORM's `orUpdate` cannot say (it overwrites), hence the two dialects;
 * concurrent flushes from several gateways then never lose a count.
 */
export async function recordUsage(dataSource: DataSource, operations: OperationUsage[], windowDays: number, now = new Date()): Promise<void> {
  const day = usageDay(now);
  const totals = new Map<string, [string, string, string, number]>();
  for (const operation of operations) {
    const client = operation.client ?? '';
    for (const coordinate of operation.coordinates) {
      const key = JSON.stringify([operation.name, client, coordinate]);
      const total = totals.get(key) ?? [operation.name, client, coordinate, 0];
      total[3] += operation.count;
      totals.set(key, total);
    }
  }
  const seenAt = dataSource.driver.preparePersistentValue(now, dataSource.getMetadata(UsageRecord).findColumnWithPropertyName('lastSeenAt')!);
  const rows = [...totals.values()].map(([name, client, coordinate, count]) => [day, name, client, coordinate, count, seenAt]);
  const mysql = dataSource.options.type === 'mysql';
  const onKey = mysql
    ? `ON DUPLICATE KEY UPDATE \`count\` = \`count\` + VALUES(\`count\`), \`lastSeenAt\` = VALUES(\`lastSeenAt\`)`
    : `ON CONFLICT (${KEY.map(quote).join(', ')}) DO UPDATE SET \`count\` = \`count\` + excluded.\`count\`, \`lastSeenAt\` = excluded.\`lastSeenAt\``;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const values = chunk.map(() => `(${COLUMNS.map(() => '?').join(', ')})`).join(', ');
    await dataSource.query(`INSERT INTO \`usage_record\` (${COLUMNS.map(quote).join(', ')}) VALUES ${values} ${onKey}`, chunk.flat());
  }
  // the window rolls: days before it no longer make a change "used"
  await dataSource.getRepository(UsageRecord).delete({ day: LessThan(windowStartDay(now, windowDays)) });
}
