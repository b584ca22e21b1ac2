import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { announceListening, enginePort } from './engine-listening';

/**
 * Hive Gateway over the benchmark's supergraph, on Node's http server: with
 * its default JavaScript planner, or with `--rust` on the Rust query planner
 * (@graphql-hive/router-runtime).
 */
const rust = process.argv.includes('--rust');
const gateway = createGatewayRuntime({
  supergraph: fs.readFileSync(process.env.SUPERGRAPH_FILE!, 'utf8'),
  logging: 'error',
  ...(rust ? { unifiedGraphHandler } : {}),
});
const server = http.createServer(gateway);
server.keepAliveTimeout = 60_000;
server.listen(enginePort(), '127.0.0.1', () => announceListening(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
