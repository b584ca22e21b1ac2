import { DataSource } from 'typeorm';
import { TEST_MYSQL_URL } from '../../tests/support/stack';
import { freePort } from '../../tests/support/service-process';
import { databaseTarget, type DatabaseNode } from './database-target';
import { failoverDriver } from './node-failover';

/** The real test server, and a port on which nothing listens: a node that is down. */
const server = databaseTarget('failover', { databaseUrl: TEST_MYSQL_URL, dataDir: '.' });
if (server.kind !== 'mysql') throw new Error('TEST_DATABASE_URL must be a MySQL URL');

async function portServing(nodes: DatabaseNode[]): Promise<number> {
  const dataSource = new DataSource({ type: 'mysql', driver: failoverDriver(nodes), username: server.kind === 'mysql' ? server.user : 'root', password: server.kind === 'mysql' ? server.password : '' });
  await dataSource.initialize();
  try {
    const [{ port }] = (await dataSource.query('SELECT @@port AS port')) as [{ port: number }];
    return Number(port);
  } finally {
    await dataSource.destroy();
  }
}

describe('the failover driver', () => {
  it('serves from the next node when the first is down', async () => {
    const down = { host: '127.0.0.1', port: await freePort() };
    expect(await portServing([down, server.nodes[0]])).toBe(server.nodes[0].port);
  });

  it('keeps to the first node while it answers', async () => {
    const down = { host: '127.0.0.1', port: await freePort() };
    expect(await portServing([server.nodes[0], down])).toBe(server.nodes[0].port);
  });

  it('fails with the driver’s own error when no node answers', async () => {
    const nodes = [{ host: '127.0.0.1', port: await freePort() }, { host: '127.0.0.1', port: await freePort() }];
    await expect(portServing(nodes)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
