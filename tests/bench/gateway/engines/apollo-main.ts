import fs from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { announceListening, enginePort } from './engine-listening';

/** Vanilla @apollo/gateway with @apollo/server's standalone server, all defaults, over the benchmark's supergraph. */
async function serve() {
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const gateway = new ApolloGateway({ supergraphSdl: fs.readFileSync(process.env.SUPERGRAPH_FILE!, 'utf8') });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { port: enginePort(), host: '127.0.0.1' } });
  announceListening(url.replace(/\/$/, '').replace('localhost', '127.0.0.1'));
}

serve().catch((error) => {
  console.error(error);
  process.exit(1);
});
