import type { Logger } from 'typeorm';

/**
 * A TypeORM logger that counts the SQL statements a data source runs.
 * The N+1 test and the benchmarks read it; it costs one increment per query.
 */
export class QueryCounter implements Logger {
  count = 0;
  slowQueryWarn: (message: string) => void = (message) => console.warn(message);

  logQuery(): void {
    this.count += 1;
  }
  logQueryError(error: string | Error, query: string): void {
    this.count += 1;
    // deliberately terse: parameters may hold a citizen's phone number
    console.error(`query failed: ${error instanceof Error ? error.message : error} :: ${query.slice(0, 200)}`);
  }
  logQuerySlow(time: number, query: string): void {
    this.slowQueryWarn(`slow query (${time} ms): ${query.slice(0, 200)}`);
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    if (process.env.LOG_MIGRATIONS === 'true') console.log(message);
  }
  log(): void {}
}
