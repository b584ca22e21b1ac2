import { type HopKeys, readHopKeys } from '../../../schema/identity/hop-keys';
import { readDatabaseSettings, readPort, readTimeZone } from '../../../schema/config/env';
import type { DatabaseSettings } from '../../../schema/database/database-target';

export interface IntakeConfig {
  port: number;
  database: DatabaseSettings;
  timeZone: string;
  /** Working days a department gets when the category sets no limit of its own. */
  defaultTimeLimitDays: number;
  hopKeys: HopKeys;
}

export function readIntakeConfig(env = process.env): IntakeConfig {
  return {
    port: readPort('INTAKE_PORT', 4001, env),
    database: readDatabaseSettings('intake', env),
    timeZone: readTimeZone(env),
    defaultTimeLimitDays: 5,
    hopKeys: readHopKeys('intake', env),
  };
}
