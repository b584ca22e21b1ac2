import path from 'node:path';

/**
 * Where a subgraph keeps its data. With a MySQL/MariaDB URL every subgraph gets
 * its own database on that server; without one, its own SQLite file, so a
 * newcomer needs nothing but Node.
 */
export type DatabaseTarget = (
  | {
      kind: 'mysql';
      /** The node this service uses while it answers: `nodes[0]`. */
      host: string;
      port: number;
      /** Every server of a multi-primary cluster (Galera), this service's own first, then the ones it falls back to. */
      nodes: DatabaseNode[];
      user: string;
      password: string;
      database: string;
    }
  | { kind: 'sqlite'; file: string }
) & { migrate?: boolean };

export interface DatabaseNode {
  host: string;
  port: number;
}

export interface DatabaseSettings {
  /**
   * `mysql://user:pass@host:port/prefix`; the path is the prefix of each subgraph's database name. A cluster whose
   * nodes all take writes (Galera) is a list of hosts: `mysql://user@host1:3306,host2:3306,host3:3306/prefix`.
   */
  databaseUrl?: string;
  /** With a list of hosts: which one (1-based) this service writes to first; default spreads services by name. */
  firstNode?: number;
  /** Folder for the embedded SQLite files. */
  dataDir: string;
  /** Migrate on open (default); false when migrations are a deployment step of their own. */
  migrate?: boolean;
}

const SAFE_NAME = /^[A-Za-z0-9_]{1,64}$/;

export function databaseTarget(subgraph: string, settings: DatabaseSettings): DatabaseTarget {
  if (!settings.databaseUrl) {
    return { kind: 'sqlite', file: path.resolve(settings.dataDir, `${subgraph}.sqlite`), migrate: settings.migrate };
  }
  const urls = splitHosts(settings.databaseUrl);
  const url = urls[0];
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') {
    throw new Error(`DATABASE_URL must start with mysql:// or mariadb://, not ${url.protocol}`);
  }
  const listed = urls.map((each) => ({ host: each.hostname, port: Number(each.port || 3306) }));
  const nodes = rotate(listed, firstNodeOf(subgraph, listed.length, settings.firstNode));
  const prefix = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'hotline';
  const database = `${prefix}_${subgraph}`;
  if (!SAFE_NAME.test(database)) throw new Error(`database name "${database}" is not a plain identifier`);
  return {
    kind: 'mysql',
    host: nodes[0].host,
    port: nodes[0].port,
    nodes,
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    database,
    migrate: settings.migrate,
  };
}

/** WHATWG URLs hold one host: a list is split into one URL per host, each with the same user, password and path. */
function splitHosts(databaseUrl: string): URL[] {
  const match = /^([a-z0-9+.-]+:\/\/)([^@/]*@)?([^/?#]*)(.*)$/i.exec(databaseUrl);
  if (!match) return [new URL(databaseUrl)];
  const [, scheme, userinfo = '', hosts, rest] = match;
  return hosts.split(',').map((host) => new URL(`${scheme}${userinfo}${host.trim()}${rest}`));
}

/**
 * Each service writes to one node, so its own reads follow its writes without waiting for replication, and the
 * services together spread their writes over the cluster. The default is a fixed spread by the name's characters
 * (intake on node 1, audit and water on 2, streetlight and transit on 3, oversight on 1, the registry on 2 with
 * three nodes); `<SERVICE>_DATABASE_NODE` picks one.
 */
function firstNodeOf(subgraph: string, count: number, chosen: number | undefined): number {
  if (chosen !== undefined) {
    if (!Number.isInteger(chosen) || chosen < 1 || chosen > count) throw new Error(`database node ${chosen} is not one of the ${count} listed`);
    return chosen - 1;
  }
  return [...subgraph].reduce((sum, char) => sum + char.charCodeAt(0), 0) % count;
}

function rotate<T>(items: T[], start: number): T[] {
  return [...items.slice(start), ...items.slice(0, start)];
}

/** For logs and /health: never print a password. */
export function describeTarget(target: DatabaseTarget): string {
  return target.kind === 'sqlite'
    ? `sqlite:${target.file}`
    : `mysql://${target.user}@${target.nodes.map((node) => `${node.host}:${node.port}`).join(',')}/${target.database}`;
}
