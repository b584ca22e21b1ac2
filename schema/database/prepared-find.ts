import type { ExecuteValues, PoolConnection } from 'mysql2';
import { type DataSource, type EntityMetadata, type FindOptionsOrder, type FindOptionsWhere, In, type ObjectLiteral, QueryFailedError, type Repository } from 'typeorm';
import type { MysqlDriver } from 'typeorm/driver/mysql/MysqlDriver';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { boundedMemo } from '../runtime/bounded-memo';

/** Finds the rows whose `column` is one of the keys, in `order`. */
export type KeyFind<T> = (keys: readonly string[]) => Promise<T[]>;

/** `?, ?, …` for a batch of `count` parameters. */
export const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(', ');

/** The loaders' largest batch (DataLoader's maxBatchSize): a statement's text is remembered for each size up to it. */
export const MAX_BATCH = 500;

const quote = (name: string) => `\`${name.replace(/`/g, '``')}\``;

/**
 * The loaders' one query (`column IN (…)`, a fixed order) as a prepared statement on MySQL: the SQL is written once
 * per entity and batch size, mysql2 prepares it once per connection (its statement cache) and sends only the keys,
 * and the rows become entities by TypeORM's own per-column hydration. This is the read every ticket(id) and every
 * page makes in every subgraph; TypeORM's find wrote the same SELECT anew for each call (its query builder was 11 %
 * of a subgraph's CPU) and sent it as text. Anything but plain columns (relations, embedded columns, soft deletes,
 * listeners) and SQLite keep TypeORM's find. The statement is counted and timed like TypeORM's own
 * (QueryCounter, sql_query_duration_seconds).
 */
export function keyFind<T extends ObjectLiteral>(repository: Repository<T>, column: keyof T & string, order?: FindOptionsOrder<T>): KeyFind<T> {
  return keysIn(preparedSelect(repository), column, order, (keys) => repository.find({ where: { [column]: In([...keys]) } as FindOptionsWhere<T>, order }));
}

/** keyFind for a few of an entity's own columns (preparedColumns): a link table's pairs, relations or not. */
export function columnsKeyFind<T extends ObjectLiteral, P extends keyof T & string>(repository: Repository<T>, column: keyof T & string, properties: P[]): KeyFind<Pick<T, P>> {
  const fallback = (keys: readonly string[]) =>
    repository.find({ select: Object.fromEntries(properties.map((property) => [property, true])) as never, where: { [column]: In([...keys]) } as FindOptionsWhere<T> });
  return keysIn(preparedColumns(repository, properties), column, undefined, fallback);
}

function keysIn<T extends ObjectLiteral, R>(select: PreparedSelect<R> | null, column: keyof T & string, order: FindOptionsOrder<T> | undefined, fallback: KeyFind<R>): KeyFind<R> {
  if (!select) return fallback;
  const orderBy = Object.entries(order ?? {})
    .map(([property, direction]) => `${select.column(property)} ${String(direction).toUpperCase() === 'DESC' ? 'DESC' : 'ASC'}`)
    .join(', ');
  const tailFor = boundedMemo(MAX_BATCH, (count: number) => `WHERE ${select.column(column)} IN (${placeholders(count)})${orderBy ? ` ORDER BY ${orderBy}` : ''}`);
  return async (keys) => (keys.length === 0 ? [] : select.rows(tailFor(keys.length), [...keys]));
}

/** Every column of one entity selected by a prepared statement: `rows(tail, parameters)` with the WHERE and ORDER BY as `tail`. */
export interface PreparedSelect<T> {
  rows(tail: string, parameters: ExecuteValues[]): Promise<T[]>;
  /** A property's column, quoted, to write `tail` with. */
  column(property: string): string;
}

/**
 * The same for a loader's own query: the SELECT list written once, `tail` kept by the caller per batch size, so
 * mysql2 prepares each text once per connection. `null` where TypeORM's find must stay (SQLite; anything but plain
 * columns): the caller keeps its query builder for those.
 */
export function preparedSelect<T extends ObjectLiteral>(repository: Repository<T>): PreparedSelect<T> | null {
  const { metadata } = repository;
  if (!plainColumns(metadata)) return null;
  const select = metadata.columns.filter((each) => each.isSelect);
  return selectOf(repository, select, (row, driver) => {
    const entity = metadata.create() as T;
    for (const each of select) each.setEntityValue(entity, driver.prepareHydratedValue(row[each.databaseName], each));
    return entity;
  });
}

/**
 * A few of an entity's own columns as plain objects, whatever relations it has: for a loader that needs keys, not
 * entities (a link table's pairs). `null` on SQLite, where the caller keeps TypeORM's find.
 */
function preparedColumns<T extends ObjectLiteral, P extends keyof T & string>(repository: Repository<T>, properties: P[]): PreparedSelect<Pick<T, P>> | null {
  const select = properties.map((property) => repository.metadata.findColumnWithPropertyName(property)!);
  return selectOf(repository, select, (row, driver) => {
    const values = {} as Pick<T, P>;
    for (const [index, each] of select.entries()) values[properties[index]] = driver.prepareHydratedValue(row[each.databaseName], each);
    return values;
  });
}

function selectOf<T extends ObjectLiteral, R>(repository: Repository<T>, select: ColumnMetadata[], hydrate: (row: Record<string, unknown>, driver: MysqlDriver) => R): PreparedSelect<R> | null {
  const { manager, metadata } = repository;
  const dataSource = manager.connection;
  if (dataSource.options.type !== 'mysql') return null;
  const head = `SELECT ${select.map((each) => quote(each.databaseName)).join(', ')} FROM ${quote(metadata.tablePath)} `;
  const driver = dataSource.driver as MysqlDriver;
  return {
    column: (property) => quote(metadata.findColumnWithPropertyName(property)!.databaseName),
    async rows(tail, parameters) {
      return (await execute(dataSource, head + tail, parameters)).map((row) => hydrate(row, driver));
    },
  };
}

function plainColumns(metadata: EntityMetadata): boolean {
  return (
    metadata.relations.length === 0 &&
    metadata.embeddeds.length === 0 &&
    !metadata.deleteDateColumn &&
    metadata.afterLoadListeners.length === 0 &&
    metadata.columns.every((each) => !each.isVirtual && !each.embeddedMetadata && !each.relationMetadata)
  );
}

/** One prepared statement on a pooled connection, reported to the data source's logger and subscribers as TypeORM reports its own. */
async function execute(dataSource: DataSource, sql: string, parameters: ExecuteValues[]): Promise<Array<Record<string, unknown>>> {
  const driver = dataSource.driver as MysqlDriver;
  const connection = (await driver.obtainMasterConnection()) as PoolConnection;
  dataSource.logger.logQuery(sql, parameters);
  const started = Date.now();
  try {
    const rows = await new Promise<Array<Record<string, unknown>>>((resolve, reject) =>
      connection.execute(sql, parameters, (error, result) => (error ? reject(error) : resolve(result as Array<Record<string, unknown>>))),
    );
    const took = Date.now() - started;
    const slow = driver.options.maxQueryExecutionTime;
    if (slow && took > slow) dataSource.logger.logQuerySlow(took, sql, parameters);
    afterQuery(dataSource, { query: sql, parameters, success: true, executionTime: took, rawResults: rows });
    return rows;
  } catch (error) {
    dataSource.logger.logQueryError(error as Error, sql, parameters);
    afterQuery(dataSource, { query: sql, parameters, success: false, executionTime: undefined, error });
    throw new QueryFailedError(sql, parameters, error as Error);
  } finally {
    connection.release();
  }
}

function afterQuery(dataSource: DataSource, event: { query: string; parameters: unknown[]; success: boolean; executionTime?: number; rawResults?: unknown; error?: unknown }): void {
  for (const subscriber of dataSource.subscribers) {
    subscriber.afterQuery?.({ dataSource, connection: dataSource, queryRunner: undefined as never, manager: dataSource.manager, ...event });
  }
}
