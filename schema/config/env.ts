import path from 'node:path';
import type { DatabaseSettings } from '../database/database-target';

/** Small, strict readers for environment variables; a bad value stops start-up with its name. */
export function readPort(name: string, fallback: number, env = process.env): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be a port number, got "${raw}"`);
  return port;
}

export function readString(name: string, fallback: string, env = process.env): string {
  const raw = env[name];
  return raw === undefined || raw === '' ? fallback : raw;
}

export function readMilliseconds(name: string, fallback: number, env = process.env): number {
  const raw = readString(name, String(fallback), env);
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number of milliseconds, got "${raw}"`);
  return value;
}

export function readBoolean(name: string, fallback: boolean, env = process.env): boolean {
  const raw = readString(name, String(fallback), env).toLowerCase();
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new Error(`${name} must be true or false, got "${env[name]}"`);
}

export function readTimeZone(env = process.env): string {
  const zone = readString('TIME_ZONE', 'Asia/Shanghai', env);
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new Error(`TIME_ZONE "${zone}" is not an IANA time zone`);
  }
  return zone;
}

/**
 * `<SUBGRAPH>_DATABASE_URL` lets one department keep its data on its own
 * server; otherwise `DATABASE_URL` is shared (one database per subgraph on it);
 * with neither, the embedded SQLite files under `DATA_DIR`. With a list of
 * hosts (a Galera cluster), `<SUBGRAPH>_DATABASE_NODE` names the node it writes to first.
 */
export function readDatabaseSettings(subgraph: string, env = process.env): DatabaseSettings {
  const own = env[`${subgraph.toUpperCase()}_DATABASE_URL`];
  const node = readString(`${subgraph.toUpperCase()}_DATABASE_NODE`, '', env);
  return {
    databaseUrl: own || env.DATABASE_URL || undefined,
    ...(node ? { firstNode: Number(node) } : {}),
    dataDir: path.resolve(readString('DATA_DIR', 'data', env)),
    migrate: readBoolean('MIGRATE_ON_START', true, env),
  };
}

/** Only for a developer's machine: `npm run token` signs with it; production refuses it. */
export const DEVELOPMENT_TOKEN_SECRET = 'hotline-development-token-secret-do-not-use-in-production';

/** It is in this public repository: whoever holds it can sign tokens. */
export function isDevelopmentSecret(value: string | undefined): boolean {
  return value === DEVELOPMENT_TOKEN_SECRET;
}

export function isProduction(env = process.env): boolean {
  return env.NODE_ENV === 'production';
}

/** Where subgraphs deliver their audit events (their outbox relays post to it). */
export function readAuditUrl(env = process.env): string {
  return readString('AUDIT_URL', `http://127.0.0.1:${readPort('AUDIT_PORT', 4005, env)}`, env);
}
