import 'reflect-metadata';
import { runSubgraph } from '../../../schema/federation/run-subgraph';
import { readIntakeConfig } from './config';
import { openIntakeDataSource } from './data-source';
import { createIntakeApp } from './server';

const config = readIntakeConfig();
runSubgraph({
  name: 'intake',
  port: config.port,
  openDataSource: (options) => openIntakeDataSource({ ...config.database, ...options }),
  createApp: ({ dataSource }) => createIntakeApp(dataSource, config),
  outbox: { signingSecret: config.signingSecret },
});
