// first: tracing wraps http, undici and mysql2 as they load (a no-op unless OTEL_EXPORTER_OTLP_ENDPOINT is set)
import '../../../schema/observability/tracing';
import 'reflect-metadata';
import { runSubgraph } from '../../../schema/federation/run-subgraph';
import { readOversightConfig } from './config';
import { openOversightDataSource } from './data-source';

const config = readOversightConfig();
runSubgraph({
  name: 'oversight',
  port: config.port,
  openDataSource: (options) => openOversightDataSource({ ...config.database, ...options }),
  // loaded only to serve: `main.js migrate` needs the database, not the schema and resolvers
  createApp: ({ dataSource }) => (require('./server') as typeof import('./server')).createOversightApp(dataSource, config),
});
