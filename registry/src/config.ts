import { readDatabaseSettings, readPort, readString } from '../../schema/config/env';
import type { DatabaseSettings } from '../../schema/database/database-target';
import { type AuthConfig, readAuthConfig } from '../../schema/identity/auth-config';
import { type HopKeys, readHopKeys } from '../../schema/identity/hop-keys';
import { readExplorerSwitch } from '../../schema/http/explorer/explorer-config';
import { REGISTRY_SERVICE } from '../../schema/identity/roles';

/** The registry's settings, read once at start-up; a bad value stops it with the variable's name. */
export interface RegistryConfig {
  port: number;
  database: DatabaseSettings;
  /** Bearer tokens of the admin API are checked exactly as the gateway checks them. */
  auth: AuthConfig;
  /** Its own key (it probes subgraphs and reads intake's catalogue) and the public keys that check the gateway's `GET /supergraph` and `POST /usage`. */
  hopKeys: HopKeys;
  /** How far back recorded usage makes a breaking change "used". */
  usageWindowDays: number;
  /** Where intake answers: its `departments` catalogue decides which department codes exist. */
  intakeUrl: () => string;
  /** GraphiQL at GET /graphql; absent: off. */
  explorer?: boolean;
}

export function readRegistryConfig(env = process.env): RegistryConfig {
  const window = Number(readString('REGISTRY_USAGE_WINDOW_DAYS', '7', env));
  if (!Number.isInteger(window) || window < 1 || window > 366) {
    throw new Error(`REGISTRY_USAGE_WINDOW_DAYS must be a whole number of days (1–366), got "${env.REGISTRY_USAGE_WINDOW_DAYS}"`);
  }
  const intakeUrl = readString('INTAKE_URL', `http://127.0.0.1:${readPort('INTAKE_PORT', 4001, env)}`, env);
  return {
    port: readPort('REGISTRY_PORT', 4010, env),
    database: readDatabaseSettings('registry', env),
    auth: readAuthConfig(env),
    hopKeys: readHopKeys(REGISTRY_SERVICE, env),
    usageWindowDays: window,
    intakeUrl: () => intakeUrl,
    explorer: readExplorerSwitch(env),
  };
}
