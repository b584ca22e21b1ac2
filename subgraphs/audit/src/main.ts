import 'reflect-metadata';
import { exitOnStartupFailure, runSubgraph } from '../../../schema/federation/run-subgraph';
import { readAuditConfig } from './config';
import { openAuditDataSource } from './data-source';
import { createAuditApp } from './server';

const config = readAuditConfig();
runSubgraph({
  name: 'audit',
  port: config.port,
  openDataSource: () => openAuditDataSource(config.database),
  createApp: ({ dataSource }) => createAuditApp(dataSource, config),
}).catch(exitOnStartupFailure('audit'));
