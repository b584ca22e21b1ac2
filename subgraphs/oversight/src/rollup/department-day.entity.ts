import { Entity, Index } from 'typeorm';
import { RollupRow } from './rollup-row';

/**
 * Per local day and unit only: what unfiltered figures and rankings read, a
 * few thousand rows a quarter whatever the number of tickets.
 */
@Entity('department_day')
@Index(['day', 'departmentCode'])
export class DepartmentDay extends RollupRow {}

export const departmentDayKey = (day: string, unit: string) => `${day}|${unit}`;
