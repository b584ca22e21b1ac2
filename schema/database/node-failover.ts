import mysql, { type Pool, type PoolConnection, type PoolOptions } from 'mysql2';
import type { DatabaseNode } from './database-target';
import { readCommittedPool } from './read-committed';

/** How long a node that refused a connection (or was not ready) is passed over before it is tried again. */
const OFFLINE_MS = 3000;

type Callback = (error: NodeJS.ErrnoException | null, connection?: PoolConnection) => void;

interface NodePool {
  node: DatabaseNode;
  pool: Pool;
  offlineUntil: number;
}

/**
 * A mysql2 pool per node of a multi-primary cluster, behind the two calls TypeORM makes on its pool
 * (`getConnection`, `end`). Connections come from the first node that is up; a node that refuses is skipped for a
 * few seconds and then preferred again once it answers. A new connection is asked whether its node is a synced
 * member (`wsrep_ready`): a Galera node that is still joining, or cut off from the majority, accepts logins but
 * refuses every statement, and a service must not be sent there. A server without Galera (wsrep off or absent) is
 * always ready. Each node's connections read committed data (`readCommittedPool`).
 */
class FailoverPool {
  private readonly pools: NodePool[];
  private readonly checked = new WeakSet<PoolConnection>();

  constructor(nodes: DatabaseNode[], options: PoolOptions) {
    this.pools = nodes.map((node) => ({ node, pool: readCommittedPool(mysql.createPool({ ...options, host: node.host, port: node.port })), offlineUntil: 0 }));
  }

  getConnection(callback: Callback): void {
    const now = Date.now();
    const online = this.pools.filter((each) => each.offlineUntil <= now);
    // when every node is marked down, try them all again rather than fail without asking
    void this.firstAnswering(online.length > 0 ? online : this.pools).then(
      (connection) => callback(null, connection),
      (error: NodeJS.ErrnoException) => callback(error),
    );
  }

  end(callback: (error?: unknown) => void): void {
    Promise.all(this.pools.map(({ pool }) => new Promise<void>((resolve) => pool.end(() => resolve())))).then(() => callback(), callback);
  }

  private async firstAnswering(candidates: NodePool[]): Promise<PoolConnection> {
    let lastError: unknown;
    for (const candidate of candidates) {
      try {
        const connection = await this.connectionFrom(candidate);
        candidate.offlineUntil = 0;
        return connection;
      } catch (error) {
        lastError = error;
        candidate.offlineUntil = Date.now() + OFFLINE_MS;
      }
    }
    throw lastError;
  }

  private async connectionFrom({ pool, node }: NodePool): Promise<PoolConnection> {
    const connection = await new Promise<PoolConnection>((resolve, reject) => pool.getConnection((error, got) => (error ? reject(error) : resolve(got))));
    if (this.checked.has(connection)) return connection;
    try {
      // a MariaDB server without Galera also reports wsrep_ready (OFF): only a node with wsrep on is asked
      const ready = (await valueOf(connection, "SHOW GLOBAL VARIABLES LIKE 'wsrep_on'")) !== 'ON' || (await valueOf(connection, "SHOW GLOBAL STATUS LIKE 'wsrep_ready'")) === 'ON';
      if (!ready) throw Object.assign(new Error(`database node ${node.host}:${node.port} is not a synced cluster member`), { code: 'WSREP_NOT_READY' });
    } catch (error) {
      connection.destroy();
      throw error;
    }
    this.checked.add(connection);
    return connection;
  }
}

/** The value of a one-row SHOW … LIKE, or undefined where the server has no such variable (MySQL, plain MariaDB). */
function valueOf(connection: PoolConnection, sql: string): Promise<string | undefined> {
  return new Promise((resolve, reject) =>
    connection.query(sql, (error, rows) => (error ? reject(error) : resolve((rows as Array<{ Value?: string }>)[0]?.Value))),
  );
}

/** The module TypeORM loads as its MySQL driver (`driver` option), with `createPool` spread over `nodes`. */
export function failoverDriver(nodes: DatabaseNode[]): typeof mysql {
  return { ...mysql, createPool: (options: PoolOptions) => new FailoverPool(nodes, options) } as unknown as typeof mysql;
}
