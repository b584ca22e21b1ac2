import { databaseAnswers } from '../../schema/database/create-data-source';
import express, { type Express } from 'express';
import type { DataSource } from 'typeorm';
import { createAdminApi } from './api/admin-api';
import type { RegistryConfig } from './config';
import { mountSupergraphRoute } from './supergraph/supergraph-route';
import { mountUsageRoute } from './usage/usage-route';

export interface RegistryApp {
  app: Express;
  stop(): Promise<void>;
}

/**
 * The schema registry: the admin API at /graphql (people, with bearer
 * tokens), and the gateway's signed endpoints GET /supergraph and POST
 * /usage. Builds the app; does not listen.
 */
export async function createRegistryApp(dataSource: DataSource, config: RegistryConfig): Promise<RegistryApp> {
  const log = (message: string) => console.error(`[registry] ${message}`);
  const admin = await createAdminApi(dataSource, config, log);
  const app = express();
  app.disable('x-powered-by');
  app.get('/health', async (_req, res) => {
    const up = await databaseAnswers(dataSource);
    res.status(up ? 200 : 503).json({ registry: 'up', database: up ? 'up' : 'down' });
  });
  mountSupergraphRoute(app, dataSource, config.signingSecret, log);
  mountUsageRoute(app, dataSource, { signingSecret: config.signingSecret, windowDays: config.usageWindowDays }, log);
  app.use('/graphql', ...admin.handlers);
  return { app, stop: admin.stop };
}
