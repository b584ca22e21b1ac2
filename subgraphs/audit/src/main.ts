// first: tracing wraps http, undici and mysql2 as they load (a no-op unless OTEL_EXPORTER_OTLP_ENDPOINT is set)
import '../../../schema/observability/tracing';
import 'reflect-metadata';
import { runSubgraph } from '../../../schema/federation/run-subgraph';
import { readAuditConfig } from './config';
import { openAuditDataSource } from './data-source';

const config = readAuditConfig();
runSubgraph({
  name: 'audit',
  port: config.port,
  openDataSource: (options) => openAuditDataSource({ ...config.database, ...options }),
  // loaded only to serve: `main.js migrate` needs the database, not the schema and resolvers
  createApp: ({ dataSource }) => (require('./server') as typeof import('./server')).createAuditApp(dataSource, config),
});
