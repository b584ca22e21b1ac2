import fs from 'node:fs';
import { DataSource } from 'typeorm';
import { AuditEvent } from '../../../../schema/audit/audit-event.entity';
import { type DatabaseSettings, databaseTarget, describeTarget } from '../../../../schema/database/database-target';

/**
 * Opens another subgraph's database to read its outbox, for an operator's
 * `npm run audit:verify` only: the audit service itself never can (each
 * department keeps its own database and credentials). Reads the
 * `audit_event` table, the platform's contract, and nothing of the
 * department's own; never migrates, never creates a missing database or file.
 */
export async function openOutbox(subgraph: string, settings: DatabaseSettings): Promise<DataSource> {
  const target = databaseTarget(subgraph, settings);
  const common = { entities: [AuditEvent], synchronize: false, migrationsRun: false };
  let dataSource: DataSource;
  if (target.kind === 'sqlite') {
    if (!fs.existsSync(target.file)) throw new Error(`${describeTarget(target)} does not exist`);
    dataSource = new DataSource({ ...common, type: 'better-sqlite3', database: target.file, readonly: true });
  } else {
    const { host, port, user: username, password, database } = target;
    dataSource = new DataSource({ ...common, type: 'mysql', host, port, username, password, database, timezone: 'Z', poolSize: 2 });
  }
  return dataSource.initialize();
}
