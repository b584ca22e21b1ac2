import 'reflect-metadata';
import { exitOnStartupFailure, runSubgraph } from '../../../schema/federation/run-subgraph';
import { readStreetlightConfig } from './config';
import { openStreetlightDataSource } from './data-source';
import { createStreetlightApp } from './server';

const config = readStreetlightConfig();
runSubgraph({
  name: 'streetlight',
  port: config.port,
  openDataSource: () => openStreetlightDataSource(config.database),
  createApp: ({ dataSource }) => createStreetlightApp(dataSource, config),
  outbox: { signingSecret: config.signingSecret },
}).catch(exitOnStartupFailure('streetlight'));
