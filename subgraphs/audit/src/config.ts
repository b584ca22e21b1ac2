import { type HopKeys, readHopKeys } from '../../../schema/identity/hop-keys';
import { readDatabaseSettings, readPort } from '../../../schema/config/env';
import type { DatabaseSettings } from '../../../schema/database/database-target';
import { type AnchorSettings, readAnchorSettings } from './anchor/anchor-settings';

/** The audit service keeps its own database: a department that can write its outbox cannot rewrite the trail. */
export interface AuditConfig {
  port: number;
  database: DatabaseSettings;
  /** Verifies the gateway's forwarded identities and the relays' signed deliveries alike. */
  hopKeys: HopKeys;
  /** Signed chain heads outside the database; without them a rewrite of the whole database goes unseen. */
  anchor?: AnchorSettings | null;
}

export function readAuditConfig(env = process.env): AuditConfig {
  return {
    port: readPort('AUDIT_PORT', 4005, env),
    database: readDatabaseSettings('audit', env),
    hopKeys: readHopKeys('audit', env),
    anchor: readAnchorSettings(env),
  };
}
