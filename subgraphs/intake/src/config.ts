import { type HopKeys, readHopKeys } from '../../../schema/identity/hop-keys';
import { readDatabaseSettings, readPort, readString, readTimeZone } from '../../../schema/config/env';
import type { DatabaseSettings } from '../../../schema/database/database-target';
import { type ClockConfig, readClockConfig } from './clock/clock-config';

export interface IntakeConfig {
  port: number;
  database: DatabaseSettings;
  timeZone: string;
  /** Working days a department gets when the category sets no limit of its own. */
  defaultTimeLimitDays: number;
  hopKeys: HopKeys;
  /** For how many days after the first rating a citizen may change it. */
  ratingChangeDays: number;
  /** The deadline clock; absent (as in in-process tests) it does not run. */
  clock?: ClockConfig;
}

export function readIntakeConfig(env = process.env): IntakeConfig {
  return {
    port: readPort('INTAKE_PORT', 4001, env),
    database: readDatabaseSettings('intake', env),
    timeZone: readTimeZone(env),
    defaultTimeLimitDays: 5,
    hopKeys: readHopKeys('intake', env),
    ratingChangeDays: readDays('RATING_CHANGE_DAYS', 7, env),
    clock: readClockConfig(env),
  };
}

function readDays(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = readString(name, String(fallback), env);
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 0 || days > 366) throw new Error(`${name} must be a whole number of days (0–366), got "${raw}"`);
  return days;
}
