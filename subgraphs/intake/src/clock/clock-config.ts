import { readMilliseconds } from '../../../../schema/config/env';

/** When the centre's clock acts on its own; hours against an assignment's deadline. */
export interface ClockConfig {
  /** How often it looks; 0 switches it off. */
  intervalMs: number;
  /** Urge a department automatically once its deadline is this close (the yellow light's reminder). */
  urgeBeforeMs: number;
  /** While overdue, urge again this often. */
  urgeRepeatMs: number;
  /** Put the ticket under supervision (督办) once an assignment is overdue by this much. */
  escalateAfterMs: number;
}

const HOUR = 3_600_000;

export function readClockConfig(env = process.env): ClockConfig {
  return {
    intervalMs: readMilliseconds('CLOCK_INTERVAL_MS', 60_000, env),
    urgeBeforeMs: readMilliseconds('CLOCK_URGE_BEFORE_MS', 4 * HOUR, env),
    urgeRepeatMs: readMilliseconds('CLOCK_URGE_REPEAT_MS', 24 * HOUR, env),
    escalateAfterMs: readMilliseconds('CLOCK_ESCALATE_AFTER_MS', 24 * HOUR, env),
  };
}
