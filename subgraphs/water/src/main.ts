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
