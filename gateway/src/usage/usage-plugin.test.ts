import { ApolloServer, HeaderMap } from '@apollo/server';
import express from 'express';
import { buildSchema } from 'graphql';
import { listen, type Listening } from '../../../schema/http/listen';
import { developmentHopKeys } from '../../../schema/identity/hop-keys';
import { HopVerifier } from '../../../schema/identity/signed-identity';
import type { OperationUsage } from './usage-buffer';
import { usageRecording } from './usage-plugin';

const verifier = new HopVerifier(developmentHopKeys('registry'));
const received: OperationUsage[][] = [];
let registry: Listening;

beforeAll(async () => {
  const app = express();
  app.post('/usage', express.text({ type: '*/*' }), async (req, res) => {
    await verifier.verify(req.headers, { query: req.body }); // throws (500) unless the gateway signed this very body
    const { operations } = JSON.parse(req.body) as { operations: OperationUsage[] };
    received.push(operations);
    res.json({ recorded: operations.length });
  });
  registry = await listen(app, 0);
});
afterAll(() => registry.close());

it('sends the coordinates of each operation, per name and client, when the server stops', async () => {
  const server = new ApolloServer({
    schema: buildSchema('type Query { ticket: Ticket } type Ticket { id: ID status: String }'),
    rootValue: { ticket: { id: '1', status: 'RECEIVED' } },
    plugins: [usageRecording({ registryUrl: registry.url, hopKeys: developmentHopKeys('gateway'), flushMs: 60_000 })],
  });
  await server.start();
  const headers = new HeaderMap([['apollographql-client-name', 'operator-console']]);
  for (let i = 0; i < 3; i += 1) {
    await server.executeOperation({ query: 'query Status { ticket { status } }', http: { method: 'POST', headers, search: '', body: {} } });
  }
  await server.executeOperation({ query: '{ ticket { id } }' });
  await server.executeOperation({ query: '{ nope }' }); // refused by validation: uses nothing
  await server.stop();
  expect(received.flat()).toEqual([
    { name: 'Status', client: 'operator-console', coordinates: ['Query.ticket', 'Ticket.status'], count: 3 },
    { name: '(anonymous)', client: null, coordinates: ['Query.ticket', 'Ticket.id'], count: 1 },
  ]);
});
