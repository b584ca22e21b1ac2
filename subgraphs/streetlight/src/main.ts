import 'reflect-metadata';
import { runSubgraph } from '../../../schema/federation/run-subgraph';
import { readStreetlightConfig } from './config';
import { openStreetlightDataSource } from './data-source';
import { createStreetlightApp } from './server';

const config = readStreetlightConfig();
runSubgraph({
  name: 'streetlight',
  port: config.port,
  openDataSource: (options) => openStreetlightDataSource({ ...config.database, ...options }),
  createApp: ({ dataSource }) => createStreetlightApp(dataSource, config),
  outbox: { signingSecret: config.signingSecret },
});
