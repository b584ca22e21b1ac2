// first: tracing wraps http, undici and mysql2 as they load (a no-op unless OTEL_EXPORTER_OTLP_ENDPOINT is set)
import '../../../schema/observability/tracing';
import 'reflect-metadata';
import { runSubgraph } from '../../../schema/federation/run-subgraph';
import { readWaterConfig } from './config';
import { openWaterDataSource } from './data-source';
import { createWaterApp } from './server';

const config = readWaterConfig();
runSubgraph({
  name: 'water',
  port: config.port,
  openDataSource: (options) => openWaterDataSource({ ...config.database, ...options }),
  createApp: ({ dataSource }) => createWaterApp(dataSource, config),
  outbox: { signingSecret: config.signingSecret },
});
