import { readDatabaseSettings, readPort, readString } from '../../../schema/config/env';
import type { DatabaseSettings } from '../../../schema/database/database-target';

export interface WaterConfig {
  port: number;
  database: DatabaseSettings;
  /** Where the centre's intake subgraph answers; a function because tests learn it after start-up. */
  intakeUrl: () => string;
}

export function readWaterConfig(env = process.env): WaterConfig {
  const intakeUrl = readString('INTAKE_URL', `http://127.0.0.1:${readPort('INTAKE_PORT', 4001, env)}`, env);
  return { port: readPort('WATER_PORT', 4002, env), database: readDatabaseSettings('water', env), intakeUrl: () => intakeUrl };
}
