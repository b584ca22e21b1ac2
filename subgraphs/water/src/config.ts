import { type DepartmentConfig, readDepartmentConfig } from '../../../schema/config/department-config';

export type WaterConfig = DepartmentConfig;

export function readWaterConfig(env = process.env): WaterConfig {
  return readDepartmentConfig('water', 4002, env);
}
