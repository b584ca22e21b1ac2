// first: tracing wraps http, undici and mysql2 as they load (a no-op unless OTEL_EXPORTER_OTLP_ENDPOINT is set)
import '../../../schema/observability/tracing';
import 'reflect-metadata';
import { runSubgraph } from '../../../schema/federation/run-subgraph';
import { readStreetlightConfig } from './config';
import { openStreetlightDataSource } from './data-source';
import { createStreetlightApp } from './server';

const config = readStreetlightConfig();
runSubgraph({
  name: 'streetlight',
  port: config.port,
  openDataSource: (options) => openStreetlightDataSource({ ...config.database, ...options }),
  createApp: ({ dataSource }) => createStreetlightApp(dataSource, config),
  outbox: { signingSecret: config.signingSecret },
});
