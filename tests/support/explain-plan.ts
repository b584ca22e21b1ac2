import type { DataSource } from 'typeorm';

export interface PlanRow {
  table: string;
  type: string;
  key: string | null;
  Extra?: string | null;
}

/** MariaDB's EXPLAIN of one statement, as the optimizer would run it with these parameters. */
export function explain(dataSource: DataSource, sql: string, parameters: unknown[]): Promise<PlanRow[]> {
  return dataSource.query(`EXPLAIN ${sql}`, parameters);
}

/**
 * Every stored table the plan reads, with whether it is a full scan and which
 * index it uses; `<subqueryN>`/`<derivedN>` are the optimizer's own temporary
 * tables, filled through the stored ones, so they are left out.
 */
export function tableAccess(rows: PlanRow[]): Array<{ table: string; fullScan: boolean; key: string | null }> {
  return rows.filter((row) => !row.table.startsWith('<')).map((row) => ({ table: row.table, fullScan: row.type === 'ALL', key: row.key }));
}
