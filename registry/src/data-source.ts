import { openDataSource, type SubgraphDataSource } from '../../schema/database/create-data-source';
import { type DatabaseSettings, databaseTarget } from '../../schema/database/database-target';
import { RegistryEvent } from './events/registry-event.entity';
import { CreateRegistry1765100000000 } from './migrations/1765100000000-create-registry';
import { GitContextAndChecks1765300000000 } from './migrations/1765300000000-git-context-and-checks';
import { SchemaCheck } from './checks/schema-check.entity';
import { RegisteredSubgraph } from './subgraph/registered-subgraph.entity';
import { SubgraphVersion } from './subgraph/subgraph-version.entity';
import { SupergraphVersion } from './supergraph/supergraph-version.entity';
import { UsageRecord } from './usage/usage-record.entity';

export const REGISTRY_ENTITIES = [RegisteredSubgraph, SubgraphVersion, RegistryEvent, SupergraphVersion, UsageRecord, SchemaCheck];
export const REGISTRY_MIGRATIONS = [CreateRegistry1765100000000, GitContextAndChecks1765300000000];

/** The registry's own database (`<prefix>_registry`, or `registry.sqlite`), migrated on open. */
export function openRegistryDataSource(settings: DatabaseSettings): Promise<SubgraphDataSource> {
  return openDataSource(databaseTarget('registry', settings), { entities: REGISTRY_ENTITIES, migrations: REGISTRY_MIGRATIONS });
}
