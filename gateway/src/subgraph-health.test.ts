import { createSecretKey, randomBytes } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { parse } from 'graphql';
import { listen, type Listening } from '../../schema/http/listen';
import { developmentHopKeys, type HopKeys } from '../../schema/identity/hop-keys';
import { HopVerifier } from '../../schema/identity/signed-identity';
import { subgraphHealth } from './subgraph-health';

const open: Listening[] = [];
afterAll(() => Promise.all(open.map((listening) => listening.close())));

/**
 * A department written outside this repository: a plain Apollo subgraph that
 * serves `/graphql` and nothing else (no /health), and checks our signature.
 */
async function foreignSubgraph(keys: HopKeys = developmentHopKeys('gardens'), refuseUnsigned = false) {
  const seen: Array<{ query: string; signed: boolean }> = [];
  const apollo = new ApolloServer({ schema: buildSubgraphSchema({ typeDefs: parse('type Query { gardens: [String] }') }), plugins: [ApolloServerPluginInlineTraceDisabled()] });
  await apollo.start();
  const app = express();
  app.use(express.json());
  const verifier = new HopVerifier(keys);
  app.post('/graphql', async (req, res, next) => {
    let signed = true;
    try {
      await verifier.verify(req.headers, { query: req.body.query });
    } catch {
      signed = false;
    }
    seen.push({ query: req.body.query, signed });
    if (!signed && refuseUnsigned) return void res.status(401).json({ errors: [{ message: 'requests must come through the gateway', extensions: { code: 'UNAUTHENTICATED' } }] });
    next();
  });
  app.use('/graphql', expressMiddleware(apollo));
  const listening = await listen(app, 0);
  open.push(listening);
  return { url: `${listening.url}/graphql`, seen, stop: () => apollo.stop() };
}

/** Accepts the connection and never answers, like a frozen process. */
async function silentSubgraph() {
  const app = express();
  app.post('/graphql', () => undefined);
  const listening = await listen(app, 0);
  open.push(listening);
  return `${listening.url}/graphql`;
}

// A live subgraph's first answer is cold (CI runs this beside other work): only the frozen one gets the short timeout.
const timeoutMs = (name: string) => (name === 'frozen' ? 300 : 5000);
const health = (cacheMs = 0) => subgraphHealth({ hopKeys: developmentHopKeys('gateway'), timeoutMs, circuit: (name) => (name === 'gone' ? 'open' : 'closed'), cacheMs });

describe('subgraph health', () => {
  it('judges a subgraph by a signed `{ __typename }` at its routing URL, so one without a /health route is up', async () => {
    const foreign = await foreignSubgraph();
    const report = await health()([{ name: 'gardens', url: foreign.url }]);
    expect(report).toMatchObject({ status: 'ok', subgraphs: { gardens: 'up' }, checks: { gardens: { status: 'up', circuit: 'closed', latencyMs: expect.any(Number) } } });
    expect(foreign.seen).toEqual([{ query: '{ __typename }', signed: true }]);
    await foreign.stop();
  });

  it('reports a closed port, a silent subgraph (within its timeout, capped) and the circuit, and says degraded', async () => {
    const foreign = await foreignSubgraph();
    const silent = await silentSubgraph();
    const closed = await listen(express(), 0);
    await closed.close();
    const started = Date.now();
    const report = await health()([
      { name: 'gardens', url: foreign.url },
      { name: 'gone', url: `${closed.url}/graphql` },
      { name: 'frozen', url: silent },
    ]);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(report).toMatchObject({
      status: 'degraded',
      subgraphs: { gardens: 'up', gone: 'down', frozen: 'down' },
      checks: { gone: { status: 'down', error: 'ECONNREFUSED', circuit: 'open' }, frozen: { status: 'down', error: 'no answer within 300 ms' } },
    });
    await foreign.stop();
  });

  it("shows a subgraph that does not hold the gateway's MAC key as down (401), as every client operation would find it", async () => {
    const wrongKey = { ...developmentHopKeys('gardens'), macKey: () => createSecretKey(randomBytes(32)) };
    const foreign = await foreignSubgraph(wrongKey, true);
    const report = await health()([{ name: 'gardens', url: foreign.url }]);
    expect(report).toMatchObject({ status: 'degraded', subgraphs: { gardens: 'down' }, checks: { gardens: { status: 'down', error: 'HTTP 401' } } });
    expect(foreign.seen).toEqual([{ query: '{ __typename }', signed: false }]);
    await foreign.stop();
  });

  it('answers a storm of /health requests from one round of probes', async () => {
    const foreign = await foreignSubgraph();
    const check = health(60_000);
    const subgraphs = [{ name: 'gardens', url: foreign.url }];
    await Promise.all(Array.from({ length: 20 }, () => check(subgraphs)));
    await check(subgraphs);
    expect(foreign.seen).toHaveLength(1);
    // a new supergraph (another list of subgraphs) is probed at once
    await check([...subgraphs, { name: 'again', url: foreign.url }]);
    expect(foreign.seen).toHaveLength(3);
    await foreign.stop();
  });
});
