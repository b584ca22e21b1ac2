import { Counter, Histogram, type Registry } from 'prom-client';
import type { DataSource, EntitySubscriberInterface } from 'typeorm';
import type { AfterQueryEvent } from 'typeorm/subscriber/event/QueryEvent';
import { metric } from './metrics-registry';

const SQL_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/**
 * Times every SQL statement a data source runs. TypeORM's query runners time
 * each statement themselves (from sending it on a held connection to its
 * result, in whole milliseconds) and hand the time to subscribers'
 * `afterQuery`; the logger only hears of statements over the slow threshold.
 * Works alike on MySQL and SQLite; one array walk and one observe per statement.
 * Statements are labelled by kind only: their text may hold citizens' data.
 */
export function observeSql(dataSource: DataSource, registry: Registry): void {
  const duration = metric(registry, 'sql_query_duration_seconds', (registers) =>
    new Histogram({
      name: 'sql_query_duration_seconds',
      help: 'SQL statements that succeeded, by kind, as timed by TypeORM (millisecond resolution)',
      labelNames: ['statement'],
      buckets: SQL_BUCKETS,
      registers,
    }));
  const failures = metric(registry, 'sql_query_failures_total', (registers) =>
    new Counter({ name: 'sql_query_failures_total', help: 'SQL statements that failed, by kind', labelNames: ['statement'], registers }));
  const subscriber: EntitySubscriberInterface = {
    afterQuery(event: AfterQueryEvent) {
      const statement = statementKind(event.query);
      if (event.success) duration.observe({ statement }, (event.executionTime ?? 0) / 1000);
      else failures.inc({ statement });
    },
  };
  dataSource.subscribers.push(subscriber);
}

const KINDS: Record<string, string> = {
  SELECT: 'select',
  INSERT: 'insert',
  UPDATE: 'update',
  DELETE: 'delete',
  START: 'transaction',
  BEGIN: 'transaction',
  COMMIT: 'transaction',
  ROLLBACK: 'transaction',
  SAVEPOINT: 'transaction',
  RELEASE: 'transaction',
};

function statementKind(query: string): string {
  const keyword = /^\s*([A-Za-z]+)/.exec(query)?.[1]?.toUpperCase() ?? '';
  return KINDS[keyword] ?? 'other';
}
