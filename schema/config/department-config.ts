import type { DatabaseSettings } from '../database/database-target';
import { type HopKeys, readHopKeys } from '../identity/hop-keys';
import { readDatabaseSettings, readPort, readString } from './env';

/** What every department subgraph is configured with. */
export interface DepartmentConfig {
  port: number;
  database: DatabaseSettings;
  /** Where the centre's intake subgraph answers; a function because tests learn it after start-up. */
  intakeUrl: () => string;
  /** Its own key, and the public keys it trusts. */
  hopKeys: HopKeys;
}

export function readDepartmentConfig(code: string, defaultPort: number, env = process.env): DepartmentConfig {
  const intakeUrl = readString('INTAKE_URL', `http://127.0.0.1:${readPort('INTAKE_PORT', 4001, env)}`, env);
  return {
    port: readPort(`${code.toUpperCase()}_PORT`, defaultPort, env),
    database: readDatabaseSettings(code, env),
    intakeUrl: () => intakeUrl,
    hopKeys: readHopKeys(code, env),
  };
}
