import fs from 'node:fs';
import type { DataSource } from 'typeorm';
import { databaseTarget } from '../../../schema/database/database-target';
import { PROCESS_SUBGRAPHS, type ProcessStack } from '../../support/process-stack';

export interface Sizes {
  tickets: number;
  assignments: number;
  /** Data and indexes on disk per service, MiB (InnoDB's own estimate on MariaDB; the file on SQLite). */
  mebibytes: Record<string, number>;
  /** MariaDB's InnoDB buffer pool, MiB (null on SQLite): whether the hot indexes fit in memory decides latency at size. */
  bufferPoolMiB: number | null;
  summary: string;
}

export async function databaseSizes(stack: ProcessStack, intake: DataSource): Promise<Sizes> {
  const count = async (table: string) => Number((await intake.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const [tickets, assignments] = [await count('ticket'), await count('assignment')];
  const mebibytes: Record<string, number> = {};
  for (const name of PROCESS_SUBGRAPHS) {
    const target = databaseTarget(name, stack.settings);
    if (target.kind === 'mysql') {
      const [row] = await intake.query('SELECT COALESCE(SUM(DATA_LENGTH + INDEX_LENGTH), 0) AS bytes FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?', [target.database]);
      mebibytes[name] = Math.round(Number(row.bytes) / 2 ** 20);
    } else {
      mebibytes[name] = fs.existsSync(target.file) ? Math.round(fs.statSync(target.file).size / 2 ** 20) : 0;
    }
  }
  const disk = Object.entries(mebibytes).map(([name, size]) => `${name} ${size}`).join(', ');
  const bufferPoolMiB = intake.options.type === 'mysql' ? Math.round(Number((await intake.query('SELECT @@innodb_buffer_pool_size AS bytes'))[0].bytes) / 2 ** 20) : null;
  const pool = bufferPoolMiB === null ? '' : `; InnoDB buffer pool ${bufferPoolMiB} MiB`;
  return { tickets, assignments, mebibytes, bufferPoolMiB, summary: `${tickets} tickets, ${assignments} assignments; MiB on disk: ${disk}${pool}` };
}
