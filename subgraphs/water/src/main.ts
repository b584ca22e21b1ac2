import 'reflect-metadata';
import { exitOnStartupFailure, runSubgraph } from '../../../schema/federation/run-subgraph';
import { readWaterConfig } from './config';
import { openWaterDataSource } from './data-source';
import { createWaterApp } from './server';

const config = readWaterConfig();
runSubgraph({
  name: 'water',
  port: config.port,
  openDataSource: () => openWaterDataSource(config.database),
  createApp: ({ dataSource }) => createWaterApp(dataSource, config),
  outbox: { signingSecret: config.signingSecret },
}).catch(exitOnStartupFailure('water'));
