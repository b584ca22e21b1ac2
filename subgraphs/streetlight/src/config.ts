import { type DepartmentConfig, readDepartmentConfig } from '../../../schema/config/department-config';

export type StreetlightConfig = DepartmentConfig;

export function readStreetlightConfig(env = process.env): StreetlightConfig {
  return readDepartmentConfig('streetlight', 4003, env);
}
