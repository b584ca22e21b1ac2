import { DataSource } from 'typeorm';
import { TEST_MYSQL_URL } from '../../tests/support/stack';
import { databaseTarget, type DatabaseTarget } from './database-target';
import { failoverDriver } from './node-failover';
import { readCommittedDriver } from './read-committed';
import { inTransaction } from './transaction';

const target = databaseTarget('read_committed', { databaseUrl: TEST_MYSQL_URL, dataDir: '.' });
if (target.kind !== 'mysql') throw new Error('TEST_DATABASE_URL must be a MySQL URL');
const server: Extract<DatabaseTarget, { kind: 'mysql' }> = target;

/** MariaDB 10.11 names it tx_isolation, MySQL 8 transaction_isolation. */
async function isolationOf(run: (sql: string) => Promise<Array<{ Value: string }>>): Promise<string> {
  const rows = await run("SHOW SESSION VARIABLES WHERE Variable_name IN ('tx_isolation', 'transaction_isolation')");
  return rows[0].Value;
}

function open(driver: typeof import('mysql2')): DataSource {
  return new DataSource({ type: 'mysql', driver, host: server.nodes[0].host, port: server.nodes[0].port, username: server.user, password: server.password, poolSize: 1 });
}

describe('connections that read committed data', () => {
  it('are read committed from their first statement, and so is every transaction, with no SET per transaction', async () => {
    const dataSource = await open(readCommittedDriver()).initialize();
    const statements: string[] = [];
    dataSource.subscribers.push({ afterQuery: (event) => void statements.push(event.query) });
    try {
      expect(await isolationOf((sql) => dataSource.query(sql))).toBe('READ-COMMITTED');
      statements.length = 0;
      const inside = await inTransaction(dataSource, (manager) => isolationOf((sql) => manager.query(sql)));
      expect(inside).toBe('READ-COMMITTED');
      expect(statements.filter((sql) => /^\s*SET/i.test(sql))).toEqual([]);
      expect(statements).toContain('START TRANSACTION');
    } finally {
      await dataSource.destroy();
    }
  });

  it('stay so when a connection is lost and the pool opens another', async () => {
    const dataSource = await open(readCommittedDriver()).initialize();
    try {
      const [{ id }] = (await dataSource.query('SELECT CONNECTION_ID() AS id')) as [{ id: number }];
      const killer = await open(readCommittedDriver()).initialize();
      await killer.query(`KILL ${Number(id)}`);
      await killer.destroy();
      // the pool notices the closed connection and opens a new one
      let isolation = '';
      for (let attempt = 0; attempt < 20 && !isolation; attempt += 1) {
        isolation = await isolationOf((sql) => dataSource.query(sql)).catch(() => '');
        if (!isolation) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const [{ id: next }] = (await dataSource.query('SELECT CONNECTION_ID() AS id')) as [{ id: number }];
      expect(Number(next)).not.toBe(Number(id));
      expect(isolation).toBe('READ-COMMITTED');
    } finally {
      await dataSource.destroy();
    }
  });

  it('are read committed on every node of a cluster', async () => {
    const dataSource = await open(failoverDriver([server.nodes[0], server.nodes[0]])).initialize();
    try {
      expect(await isolationOf((sql) => dataSource.query(sql))).toBe('READ-COMMITTED');
    } finally {
      await dataSource.destroy();
    }
  });
});
