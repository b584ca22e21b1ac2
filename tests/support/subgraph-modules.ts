import type { DataSource } from 'typeorm';
import type { SubgraphDataSource } from '../../schema/database/create-data-source';
import type { DatabaseSettings } from '../../schema/database/database-target';
import type { SubgraphApp } from '../../schema/federation/subgraph-app';
import { openAuditDataSource } from '../../subgraphs/audit/src/data-source';
import { createAuditApp } from '../../subgraphs/audit/src/server';
import { openIntakeDataSource } from '../../subgraphs/intake/src/data-source';
import { createIntakeApp } from '../../subgraphs/intake/src/server';
import { openOversightDataSource } from '../../subgraphs/oversight/src/data-source';
import { createOversightApp } from '../../subgraphs/oversight/src/server';
import { openStreetlightDataSource } from '../../subgraphs/streetlight/src/data-source';
import { createStreetlightApp } from '../../subgraphs/streetlight/src/server';
import { openTransitDataSource } from '../../subgraphs/transit/src/data-source';
import { createTransitApp } from '../../subgraphs/transit/src/server';
import { openWaterDataSource } from '../../subgraphs/water/src/data-source';
import { createWaterApp } from '../../subgraphs/water/src/server';
import { testKeys } from './personas';

export type SubgraphName = 'intake' | 'water' | 'streetlight' | 'transit' | 'audit' | 'oversight';

export interface SubgraphModule {
  name: SubgraphName;
  open(settings: DatabaseSettings): Promise<SubgraphDataSource>;
  /** `intakeUrl` is known only once intake listens; departments ask it about assignments. */
  createApp(dataSource: DataSource, settings: DatabaseSettings, intakeUrl: () => string): Promise<SubgraphApp>;
}

/**
 * The subgraphs in start order: intake first, since departments call it; audit, which calls nobody; oversight,
 * which follows audit's feed only when a test drives it (its FeedFollower), never in the background.
 */
export const SUBGRAPH_MODULES: SubgraphModule[] = [
  {
    name: 'intake',
    open: openIntakeDataSource,
    createApp: (dataSource, database) =>
      createIntakeApp(dataSource, { port: 0, database, timeZone: 'Asia/Shanghai', defaultTimeLimitDays: 5, ratingChangeDays: 7, hopKeys: testKeys('intake') }),
  },
  {
    name: 'water',
    open: openWaterDataSource,
    createApp: (dataSource, database, intakeUrl) => createWaterApp(dataSource, { port: 0, database, intakeUrl, hopKeys: testKeys('water') }),
  },
  {
    name: 'streetlight',
    open: openStreetlightDataSource,
    createApp: (dataSource, database, intakeUrl) => createStreetlightApp(dataSource, { port: 0, database, intakeUrl, hopKeys: testKeys('streetlight') }),
  },
  {
    name: 'transit',
    open: openTransitDataSource,
    createApp: (dataSource, database, intakeUrl) => createTransitApp(dataSource, { port: 0, database, intakeUrl, hopKeys: testKeys('transit') }),
  },
  {
    name: 'audit',
    open: openAuditDataSource,
    createApp: (dataSource, database) => createAuditApp(dataSource, { port: 0, database, hopKeys: testKeys('audit') }),
  },
  {
    name: 'oversight',
    open: openOversightDataSource,
    createApp: (dataSource, database, intakeUrl) =>
      createOversightApp(dataSource, { port: 0, database, timeZone: 'Asia/Shanghai', intakeUrl, hopKeys: testKeys('oversight'), feed: null }),
  },
];
