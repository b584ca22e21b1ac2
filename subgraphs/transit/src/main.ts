// first: tracing wraps http, undici and mysql2 as they load (a no-op unless OTEL_EXPORTER_OTLP_ENDPOINT is set)
import '../../../schema/observability/tracing';
import 'reflect-metadata';
import { runSubgraph } from '../../../schema/federation/run-subgraph';
import { readTransitConfig } from './config';
import { openTransitDataSource } from './data-source';
import { createTransitApp } from './server';

const config = readTransitConfig();
runSubgraph({
  name: 'transit',
  port: config.port,
  openDataSource: (options) => openTransitDataSource({ ...config.database, ...options }),
  createApp: ({ dataSource }) => createTransitApp(dataSource, config),
  outbox: { signingSecret: config.signingSecret },
});
