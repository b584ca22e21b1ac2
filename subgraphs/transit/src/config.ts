import { type DepartmentConfig, readDepartmentConfig } from '../../../schema/config/department-config';

export type TransitConfig = DepartmentConfig;

export function readTransitConfig(env = process.env): TransitConfig {
  return readDepartmentConfig('transit', 4004, env);
}
