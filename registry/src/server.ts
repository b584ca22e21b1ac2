import express, { type Express } from 'express';
import { HopVerifier } from '../../schema/identity/signed-identity';
import { databaseAnswers } from '../../schema/database/create-data-source';
import { mountExplorer } from '../../schema/http/explorer/explorer-route';
import { mountProbes, type Probes } from '../../schema/http/probes';
import { requestLogging } from '../../schema/http/request-logging';
import { serviceLogger } from '../../schema/observability/logger';
import { serviceMetrics } from '../../schema/observability/metrics-registry';
import { mountMetrics } from '../../schema/observability/metrics-route';
import type { DataSource } from 'typeorm';
import { createAdminApi } from './api/admin-api';
import type { RegistryConfig } from './config';
import { mountSupergraphRoute } from './supergraph/supergraph-route';
import { mountUsageRoute } from './usage/usage-route';

export interface RegistryApp {
  app: Express;
  probes: Probes;
  stop(): Promise<void>;
}

/**
 * The schema registry: the admin API at /graphql (people, with bearer
 * tokens), and the gateway's signed endpoints GET /supergraph and POST
 * /usage. Builds the app; does not listen.
 */
export async function createRegistryApp(dataSource: DataSource, config: RegistryConfig): Promise<RegistryApp> {
  const logger = serviceLogger('registry');
  const log = (message: string) => logger.warn(message);
  const admin = await createAdminApi(dataSource, config, logger);
  const app = express();
  app.disable('x-powered-by');
  app.use(requestLogging(logger));
  const probes = mountProbes(app, {
    ready: () => databaseAnswers(dataSource),
    report: async (_req, answers) => ({ registry: 'up', database: answers ? 'up' : 'down' }),
  });
  mountMetrics(app, serviceMetrics('registry'));
  const verifier = new HopVerifier(config.hopKeys);
  mountSupergraphRoute(app, dataSource, verifier, log);
  mountUsageRoute(app, dataSource, { verifier, windowDays: config.usageWindowDays }, log);
  if (config.explorer) mountExplorer(app, { title: '12345 Hotline · schema registry explorer' });
  app.use('/graphql', ...admin.handlers);
  return { app, probes, stop: admin.stop };
}
