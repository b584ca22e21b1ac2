import 'reflect-metadata';
import { runSubgraph } from '../../../schema/federation/run-subgraph';
import { readAuditConfig } from './config';
import { openAuditDataSource } from './data-source';
import { createAuditApp } from './server';

const config = readAuditConfig();
runSubgraph({
  name: 'audit',
  port: config.port,
  openDataSource: (options) => openAuditDataSource({ ...config.database, ...options }),
  createApp: ({ dataSource }) => createAuditApp(dataSource, config),
});
