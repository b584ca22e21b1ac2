import type { QueryRunner } from 'typeorm';

/** How the drivers take a time: UTC text, as the services' data sources store it (timezone 'Z'). */
export function sqlTime(at: Date | number): string {
  return new Date(at).toISOString().replace('T', ' ').slice(0, 23);
}

interface ColumnInfo {
  name: string;
  required: boolean;
}

async function columnsOf(runner: QueryRunner, table: string): Promise<ColumnInfo[]> {
  if (runner.connection.options.type === 'mysql') {
    const rows: Array<{ name: string; nullable: string; fallback: string | null; extra: string }> = await runner.query(
      'SELECT COLUMN_NAME AS name, IS_NULLABLE AS nullable, COLUMN_DEFAULT AS fallback, EXTRA AS extra FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?',
      [table],
    );
    return rows.map((row) => ({ name: row.name, required: row.nullable === 'NO' && row.fallback === null && !row.extra.includes('auto_increment') }));
  }
  const rows: Array<{ name: string; notnull: number; dflt_value: string | null }> = await runner.query(`PRAGMA table_info(${table})`);
  return rows.map((row) => ({ name: row.name, required: row.notnull === 1 && row.dflt_value === null }));
}

/**
 * Multi-row INSERTs into one table on one connection. It refuses to start
 * when the table has a required column it does not fill: a migration added
 * something the services now write, and the generator must learn it rather
 * than make rows the services never would.
 */
export class BulkTable {
  private rows: unknown[][] = [];
  written = 0;

  private constructor(
    private readonly runner: QueryRunner,
    private readonly table: string,
    private readonly columns: readonly string[],
    private readonly batch: number,
  ) {}

  static async open(runner: QueryRunner, table: string, columns: readonly string[]): Promise<BulkTable> {
    const stored = await columnsOf(runner, table);
    if (stored.length === 0) throw new Error(`the generator writes ${table}, which this database does not have`);
    const unknown = columns.filter((name) => !stored.some((column) => column.name === name));
    const unfilled = stored.filter((column) => column.required && !columns.includes(column.name)).map((column) => column.name);
    if (unknown.length || unfilled.length) {
      throw new Error(`tests/bench/generate does not match ${table}: unknown ${unknown.join(', ') || '-'}; required but not written ${unfilled.join(', ') || '-'}`);
    }
    // SQLite binds at most 32,766 parameters a statement
    return new BulkTable(runner, table, columns, Math.max(1, Math.floor(30_000 / columns.length)));
  }

  async add(row: unknown[]): Promise<void> {
    this.rows.push(row);
    if (this.rows.length >= this.batch) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    const rows = this.rows;
    this.rows = [];
    const tuple = `(${this.columns.map(() => '?').join(',')})`;
    await this.runner.query(`INSERT INTO ${this.table} (${this.columns.join(',')}) VALUES ${rows.map(() => tuple).join(',')}`, rows.flat());
    this.written += rows.length;
  }
}
