import { readAuditUrl, readDatabaseSettings, readMilliseconds, readPort, readString, readTimeZone } from '../../../schema/config/env';
import { MAX_FEED_PAGE } from '../../../schema/audit/audit-feed';
import type { DatabaseSettings } from '../../../schema/database/database-target';
import { type HopKeys, readHopKeys } from '../../../schema/identity/hop-keys';

/** How oversight follows the audit service's feed. */
export interface FeedSettings {
  /** The audit service's base URL; a function because tests learn it after start-up. */
  auditUrl: () => string;
  /** How often to ask for new events once caught up; a full page is followed at once. */
  pollMs: number;
  /** Events asked for per page (at most MAX_FEED_PAGE). */
  pageSize: number;
}

export interface OversightConfig {
  port: number;
  database: DatabaseSettings;
  /** The city's days: rollups are per local day, handling time counts working days. */
  timeZone: string;
  /** intake's base URL, for the working calendar (holidays, make-up days) handling time is counted on. */
  intakeUrl: () => string;
  hopKeys: HopKeys;
  /** Absent: the service answers queries but does not follow the feed (tests drive it themselves). */
  feed?: FeedSettings | null;
}

export function readOversightConfig(env = process.env): OversightConfig {
  const intakeUrl = readString('INTAKE_URL', `http://127.0.0.1:${readPort('INTAKE_PORT', 4001, env)}`, env);
  const auditUrl = readAuditUrl(env);
  return {
    port: readPort('OVERSIGHT_PORT', 4006, env),
    database: readDatabaseSettings('oversight', env),
    timeZone: readTimeZone(env),
    intakeUrl: () => intakeUrl,
    hopKeys: readHopKeys('oversight', env),
    feed: {
      auditUrl: () => auditUrl,
      pollMs: readMilliseconds('OVERSIGHT_FEED_POLL_MS', 500, env),
      pageSize: readPageSize(env),
    },
  };
}

function readPageSize(env: NodeJS.ProcessEnv): number {
  const raw = readString('OVERSIGHT_FEED_PAGE', '500', env);
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > MAX_FEED_PAGE) throw new Error(`OVERSIGHT_FEED_PAGE must be a whole number from 1 to ${MAX_FEED_PAGE}, got "${raw}"`);
  return size;
}
