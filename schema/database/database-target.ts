import path from 'node:path';

/**
 * Where a subgraph keeps its data. With a MySQL/MariaDB URL every subgraph gets
 * its own database on that server; without one, its own SQLite file, so a
 * newcomer needs nothing but Node.
 */
export type DatabaseTarget = (
  | { kind: 'mysql'; host: string; port: number; user: string; password: string; database: string }
  | { kind: 'sqlite'; file: string }
) & { migrate?: boolean };

export interface DatabaseSettings {
  /** `mysql://user:pass@host:port/prefix`; the path is the prefix of each subgraph's database name. */
  databaseUrl?: string;
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
  const url = new URL(settings.databaseUrl);
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') {
    throw new Error(`DATABASE_URL must start with mysql:// or mariadb://, not ${url.protocol}`);
  }
  const prefix = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'hotline';
  const database = `${prefix}_${subgraph}`;
  if (!SAFE_NAME.test(database)) throw new Error(`database name "${database}" is not a plain identifier`);
  return {
    kind: 'mysql',
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    database,
    migrate: settings.migrate,
  };
}

/** For logs and /health: never print a password. */
export function describeTarget(target: DatabaseTarget): string {
  return target.kind === 'sqlite'
    ? `sqlite:${target.file}`
    : `mysql://${target.user}@${target.host}:${target.port}/${target.database}`;
}
