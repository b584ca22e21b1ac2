import 'reflect-metadata';
import { exitOnStartupFailure, runSubgraph } from '../../../schema/federation/run-subgraph';
import { readTransitConfig } from './config';
import { openTransitDataSource } from './data-source';
import { createTransitApp } from './server';

const config = readTransitConfig();
runSubgraph({
  name: 'transit',
  port: config.port,
  openDataSource: () => openTransitDataSource(config.database),
  createApp: ({ dataSource }) => createTransitApp(dataSource, config),
  outbox: { signingSecret: config.signingSecret },
}).catch(exitOnStartupFailure('transit'));
