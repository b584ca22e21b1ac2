import type { DataSource } from 'typeorm';
import { databaseAnswers } from '../../../schema/database/create-data-source';
import { buildFederatedSchema } from '../../../schema/federation/build-federated-schema';
import { createSubgraphApp, type SubgraphApp } from '../../../schema/federation/subgraph-app';
import { serviceLogger } from '../../../schema/observability/logger';
import { serviceMetrics } from '../../../schema/observability/metrics-registry';
import { IntakeCalendar } from './calendar/intake-calendar';
import type { OversightConfig } from './config';
import { createOversightContext } from './context';
import { resolveDepartmentReference } from './department/department.reference';
import { DepartmentPerformanceResolver } from './department/department-performance.resolver';
import { Department } from './department/department.type';
import { feedMetrics } from './feed/feed-metrics';
import { FeedFollower } from './feed/feed-follower';
import { PerformanceResolver } from './figures/performance.resolver';
import { SummaryResolver } from './figures/summary.resolver';
import { RankingResolver } from './ranking/ranking.resolver';
import { ReportResolver } from './report/report.resolver';

/**
 * Oversight (督查): the weekly report, monthly bulletin and quarterly ranking
 * of departments, from rollups it keeps by following the audit service's feed
 * of every subgraph's events. GraphQL only reads. Does not listen.
 */
export async function createOversightApp(dataSource: DataSource, config: OversightConfig): Promise<SubgraphApp> {
  const schema = await buildFederatedSchema({ resolvers: [SummaryResolver, PerformanceResolver, DepartmentPerformanceResolver, RankingResolver, ReportResolver] }, [
    { name: 'Department', type: Department, resolveReference: resolveDepartmentReference },
  ]);
  const subgraph = await createSubgraphApp({
    name: 'oversight',
    schema,
    createContext: (base) => createOversightContext(base, dataSource, config),
    isHealthy: () => databaseAnswers(dataSource),
    hopKeys: config.hopKeys,
  });
  if (!config.feed) return subgraph;
  const logger = serviceLogger('oversight');
  const follower = new FeedFollower({
    dataSource,
    feed: config.feed,
    hopKeys: config.hopKeys,
    calendar: new IntakeCalendar(config.intakeUrl, config.hopKeys, config.timeZone),
    timeZone: config.timeZone,
    metrics: feedMetrics(serviceMetrics('oversight')),
    log: (message) => logger.warn(message),
  });
  follower.start();
  return {
    ...subgraph,
    stop: async () => {
      await follower.stop();
      await subgraph.stop();
    },
  };
}
