import 'reflect-metadata';
import { exitOnStartupFailure, runSubgraph } from '../../../schema/federation/run-subgraph';
import { readIntakeConfig } from './config';
import { openIntakeDataSource } from './data-source';
import { createIntakeApp } from './server';

const config = readIntakeConfig();
runSubgraph({
  name: 'intake',
  port: config.port,
  openDataSource: () => openIntakeDataSource(config.database),
  createApp: ({ dataSource }) => createIntakeApp(dataSource, config),
  outbox: { signingSecret: config.signingSecret },
}).catch(exitOnStartupFailure('intake'));
