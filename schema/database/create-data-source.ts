import fs from 'node:fs';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { DataSource, type MixedList } from 'typeorm';
import { type DatabaseTarget, describeTarget } from './database-target';
import { failoverDriver } from './node-failover';
import { QueryCounter } from './query-counter';
import { readCommittedDriver } from './read-committed';

export interface SubgraphDataSource {
  dataSource: DataSource;
  queries: QueryCounter;
}

export interface DataSourceParts {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
}

/**
 * Opens a subgraph's database. With `target.migrate` (a developer's default) it
 * creates the database if missing and brings its schema up to date under a
 * lock; without it (production, where `npm run migrate` is its own step) it
 * only checks that nothing is pending, so the service runs on an account
 * that may read and write rows but not change tables. Never `synchronize`:
 * production schemas change only through reviewed migrations.
 */
export async function openDataSource(target: DatabaseTarget, parts: DataSourceParts): Promise<SubgraphDataSource> {
  const migrate = target.migrate !== false;
  const queries = new QueryCounter();
  const common = {
    entities: parts.entities,
    migrations: parts.migrations,
    logger: queries,
    synchronize: false,
    // statements slower than this are logged (without parameters: they may hold citizens' data)
    maxQueryExecutionTime: Number(process.env.SLOW_QUERY_MS ?? 500),
  };
  let dataSource: DataSource;
  if (target.kind === 'mysql') {
    if (migrate) await createDatabaseIfMissing(target);
    dataSource = new DataSource({
      ...common,
      type: 'mysql',
      host: target.host,
      port: target.port,
      username: target.user,
      password: target.password,
      database: target.database,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      poolSize: 10,
      // TypeORM runs every statement through mysql2's promise wrapper, which by default captures a stack per statement
      // (Error.captureStackTrace) to mend the driver error's stack; TypeORM wraps the error in a QueryFailedError
      // with a stack of its own anyway
      trace: false,
      // a cluster's nodes: connections from this service's own node, from the next when it is down;
      // every connection reads committed data from the start (inTransaction relies on it)
      driver: target.nodes.length > 1 ? failoverDriver(target.nodes) : readCommittedDriver(),
    });
  } else {
    fs.mkdirSync(path.dirname(target.file), { recursive: true });
    dataSource = new DataSource({
      ...common,
      type: 'better-sqlite3',
      database: target.file,
      // WAL lets readers run while a writer commits; the busy timeout rides out short locks
      prepareDatabase: (db: { pragma(statement: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('busy_timeout = 5000');
      },
    });
  }
  try {
    await dataSource.initialize();
  } catch (error) {
    if ((error as { code?: string }).code === 'ER_BAD_DB_ERROR' && !migrate) {
      throw new Error(`${describeTarget(target)} does not exist yet; run \`npm run migrate\` (or this service's \`migrate\` command) first`);
    }
    throw error;
  }
  try {
    if (migrate) await migrateUnderLock(dataSource, target);
    else await refuseIfBehind(dataSource, target);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return { dataSource, queries };
}

const LOCK_WAIT_SECONDS = 120;

/**
 * Replicas starting together on an empty database would each run the same
 * migrations (one fails: "table already exists"). On MySQL a named lock makes
 * them take turns; the second finds nothing left to do. SQLite is one file on
 * one machine, migrated by one `npm run migrate` before the services start.
 */
async function migrateUnderLock(dataSource: DataSource, target: DatabaseTarget): Promise<void> {
  if (target.kind !== 'mysql') {
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  // a named lock belongs to its connection: hold one connection for the whole run
  const runner = dataSource.createQueryRunner();
  const lock = `hotline_migrate_${target.database}`;
  try {
    const [{ got }] = await runner.query('SELECT GET_LOCK(?, ?) AS got', [lock, LOCK_WAIT_SECONDS]);
    if (Number(got) !== 1) throw new Error(`waited ${LOCK_WAIT_SECONDS} s for another migration of ${target.database} to finish`);
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [lock]);
    }
  } finally {
    await runner.release();
  }
}

async function refuseIfBehind(dataSource: DataSource, target: DatabaseTarget): Promise<void> {
  let pending: boolean;
  try {
    pending = await dataSource.showMigrations();
  } catch (error) {
    throw new Error(`cannot read the migrations of ${describeTarget(target)} (${(error as Error).message}); run \`npm run migrate\` first`);
  }
  if (pending) throw new Error(`${describeTarget(target)} has migrations pending; run \`npm run migrate\` first`);
}

async function createDatabaseIfMissing(target: Extract<DatabaseTarget, { kind: 'mysql' }>): Promise<void> {
  const connection = await mysql.createConnection({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
  });
  try {
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${target.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await connection.end();
  }
}

/** Drops a subgraph's database: used by tests that create throwaway databases. */
export async function dropDatabase(target: DatabaseTarget): Promise<void> {
  if (target.kind === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(target.file + suffix, { force: true });
    return;
  }
  const connection = await mysql.createConnection({ host: target.host, port: target.port, user: target.user, password: target.password });
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${target.database}\``);
  } finally {
    await connection.end();
  }
}

/** Whether the database answers: what a service's /health reports. */
export function databaseAnswers(dataSource: DataSource): Promise<boolean> {
  return dataSource.query('SELECT 1').then(
    () => true,
    () => false,
  );
}
