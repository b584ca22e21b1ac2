import type { SubgraphDataSource } from '../database/create-data-source';
import type { Logger } from '../observability/logger';

/** `node main.js migrate`: the same image and entry point serve and migrate, so they cannot drift apart. */
export function isMigrateCommand(argv = process.argv): boolean {
  return argv[2] === 'migrate';
}

/** Runs the service's migrations (under the database lock, see openDataSource) and exits. */
export function runMigrateCommand(logger: Logger, open: () => Promise<SubgraphDataSource>): void {
  const started = Date.now();
  open()
    .then(async ({ dataSource }) => {
      await dataSource.destroy();
      logger.info({ ms: Date.now() - started }, 'migrated');
      process.exit(0);
    })
    .catch((error: unknown) => {
      logger.fatal({ err: error }, 'migration failed');
      process.exit(1);
    });
}
