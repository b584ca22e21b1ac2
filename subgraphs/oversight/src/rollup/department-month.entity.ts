import { Entity, Index } from 'typeorm';
import { RollupRow } from './rollup-row';

/**
 * Per local month and unit: what unfiltered figures of whole months read
 * (a month, a quarter, a year): a quarterly ranking sums three rows a
 * department whatever the number of tickets. `day` holds the month, YYYYMM.
 */
@Entity('department_month')
@Index(['day', 'departmentCode'])
export class DepartmentMonth extends RollupRow {}

export const departmentMonthKey = (day: string, unit: string) => `${day.slice(0, 6)}|${unit}`;
