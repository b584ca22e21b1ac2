// Hive Gateway over the benchmark's supergraph, on Node's http server: with its default JavaScript planner, or with
// `--rust` on the Rust query planner (@graphql-hive/router-runtime); `--no-dedupe` turns off its default sharing of
// one subgraph fetch among identical ones in flight, so it sends what it plans, as the other gateways do. Plain JavaScript beside its own package.json, so
// that the project's typecheck and install never need Hive (see package.json here); it speaks the same start-up
// protocol as engines/engine-listening.ts: one {"listening": url} line, an exit on SIGTERM (a --cpu-prof is written).
const fs = require('node:fs');
const http = require('node:http');
const { createGatewayRuntime } = require('@graphql-hive/gateway');
const { unifiedGraphHandler } = require('@graphql-hive/router-runtime');

const rust = process.argv.includes('--rust');
const dedupe = !process.argv.includes('--no-dedupe');
const gateway = createGatewayRuntime({
  supergraph: fs.readFileSync(process.env.SUPERGRAPH_FILE, 'utf8'),
  logging: 'error',
  ...(rust ? { unifiedGraphHandler } : {}),
  ...(dedupe ? {} : { transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } } }),
});
const server = http.createServer(gateway);
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.once('SIGTERM', () => process.exit(0));
  console.log(JSON.stringify({ listening: `http://127.0.0.1:${server.address().port}` }));
});
