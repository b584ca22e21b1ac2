import mysql, { type Pool, type PoolConnection, type PoolOptions } from 'mysql2';

/** Run once on every connection a pool opens; see `inTransaction` for why our transactions read committed data. */
export const READ_COMMITTED = 'SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED';

/**
 * Makes every connection `pool` opens read committed data, so a transaction no longer needs its own
 * `SET TRANSACTION ISOLATION LEVEL` statement (one statement fewer per transaction). The pool emits `connection`
 * before it hands a new connection out, and a connection runs its statements in order, so nothing runs on it
 * before the setting: this holds for the first connections, for those reopened after the server restarted, and
 * for each node's pool of a cluster. A connection that cannot take the setting is closed, never used without it.
 */
export function readCommittedPool(pool: Pool): Pool {
  pool.on('connection', (connection: PoolConnection) => {
    connection.query(READ_COMMITTED, (error) => {
      if (error) connection.destroy();
    });
  });
  return pool;
}

/** The module TypeORM loads as its MySQL driver (`driver` option), its pools read committed. */
export function readCommittedDriver(driver: typeof mysql = mysql): typeof mysql {
  return { ...driver, createPool: (options: PoolOptions) => readCommittedPool(driver.createPool(options)) } as typeof mysql;
}
