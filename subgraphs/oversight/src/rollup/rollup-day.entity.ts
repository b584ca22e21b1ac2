import { Column, Entity, Index } from 'typeorm';
import { RollupRow } from './rollup-row';

/** Per local day × unit × category × channel × district: what filtered figures read. */
@Entity('rollup_day')
@Index(['departmentCode', 'day'])
export class RollupDay extends RollupRow {
  @Column('varchar', { length: 40 })
  categoryCode: string;

  @Column('varchar', { length: 20 })
  channel: string;

  /** '' when intake recorded none */
  @Column('varchar', { length: 40 })
  district: string;
}

export const rollupDayKey = (day: string, unit: string, dims: { categoryCode: string; channel: string; district: string }) =>
  `${day}|${unit}|${dims.categoryCode}|${dims.channel}|${dims.district}`;
