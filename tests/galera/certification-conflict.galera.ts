import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { inTransaction } from '../../schema/database/transaction';
import { galeraNodes } from './galera-cluster';

/**
 * Two nodes change the same row at once: Galera lets the first commit win and fails the other at its commit
 * (certification), which the client sees as a deadlock. inTransaction must run the loser again, on fresh data.
 */
describe('a certification conflict between two nodes', () => {
  const database = `gc${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const [first, second] = galeraNodes();
  const connect = (port: number) => mysql.createConnection({ host: '127.0.0.1', port, user: 'root', database });
  let dataSource: DataSource;

  beforeAll(async () => {
    const admin = await mysql.createConnection({ host: '127.0.0.1', port: first.sqlPort, user: 'root' });
    await admin.query(`CREATE DATABASE \`${database}\``);
    await admin.query(`CREATE TABLE \`${database}\`.counter (id INT PRIMARY KEY, value INT NOT NULL) ENGINE=InnoDB`);
    await admin.query(`INSERT INTO \`${database}\`.counter VALUES (1, 0)`);
    await admin.end();
    dataSource = await new DataSource({ type: 'mysql', host: '127.0.0.1', port: second.sqlPort, username: 'root', database }).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    const admin = await mysql.createConnection({ host: '127.0.0.1', port: first.sqlPort, user: 'root' });
    await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await admin.end();
  });

  it('fails the later commit with ER_LOCK_DEADLOCK', async () => {
    const [a, b] = await Promise.all([connect(first.sqlPort), connect(second.sqlPort)]);
    try {
      await a.query('START TRANSACTION');
      await b.query('START TRANSACTION');
      await a.query('UPDATE counter SET value = value + 1 WHERE id = 1');
      await b.query('UPDATE counter SET value = value + 10 WHERE id = 1');
      await a.query('COMMIT');
      await expect(b.query('COMMIT')).rejects.toMatchObject({ code: 'ER_LOCK_DEADLOCK' });
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
  });

  it('is run again by inTransaction, which then adds to the winner’s value', async () => {
    const [{ value: start }] = (await dataSource.query('SELECT value FROM counter WHERE id = 1')) as [{ value: number }];
    const rival = await connect(first.sqlPort);
    let attempts = 0;
    try {
      await inTransaction(dataSource, async (manager) => {
        attempts += 1;
        await manager.query('UPDATE counter SET value = value + 10 WHERE id = 1');
        // the first attempt holds its change open while another node commits one to the same row
        if (attempts === 1) await rival.query('UPDATE counter SET value = value + 1 WHERE id = 1');
      });
    } finally {
      await rival.end();
    }
    const [{ value }] = (await dataSource.query('SELECT value FROM counter WHERE id = 1')) as [{ value: number }];
    expect(attempts).toBe(2);
    expect(value).toBe(start + 11);
  });
});
