import { readDatabaseSettings, readPort, readString } from '../../../schema/config/env';
import type { DatabaseSettings } from '../../../schema/database/database-target';

export interface StreetlightConfig {
  port: number;
  database: DatabaseSettings;
  /** Where the centre's intake subgraph answers; a function because tests learn it after start-up. */
  intakeUrl: () => string;
}

export function readStreetlightConfig(env = process.env): StreetlightConfig {
  const intakeUrl = readString('INTAKE_URL', `http://127.0.0.1:${readPort('INTAKE_PORT', 4001, env)}`, env);
  return { port: readPort('STREETLIGHT_PORT', 4003, env), database: readDatabaseSettings('streetlight', env), intakeUrl: () => intakeUrl };
}
