import { type HopKeys, readHopKeys } from '../../../schema/identity/hop-keys';
import { readDatabaseSettings, readPort, readString, readTimeZone } from '../../../schema/config/env';
import type { DatabaseSettings } from '../../../schema/database/database-target';
import { type ClockConfig, readClockConfig } from './clock/clock-config';
import { DEFAULT_TICKET_NUMBER_BLOCK } from './ticket/ticket-number-blocks';

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
  /** Ticket numbers this instance reserves at a time (see ticket/ticket-number-blocks.ts); absent, the default. */
  ticketNumberBlock?: number;
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
    ticketNumberBlock: readBlockSize(env),
  };
}

function readDays(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = readString(name, String(fallback), env);
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 0 || days > 366) throw new Error(`${name} must be a whole number of days (0–366), got "${raw}"`);
  return days;
}

function readBlockSize(env: NodeJS.ProcessEnv): number {
  const raw = readString('TICKET_NUMBER_BLOCK', String(DEFAULT_TICKET_NUMBER_BLOCK), env);
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > 10_000) throw new Error(`TICKET_NUMBER_BLOCK must be a whole number from 1 to 10000, got "${raw}"`);
  return size;
}
