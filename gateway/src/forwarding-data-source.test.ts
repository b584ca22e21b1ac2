import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import express from 'express';
import { parse } from 'graphql';
import { listen, type Listening } from '../../schema/http/listen';
import { GATEWAY_IDENTITY } from '../../schema/identity/roles';
import { developmentHopKeys } from '../../schema/identity/hop-keys';
import { HopVerifier } from '../../schema/identity/signed-identity';
import { serviceLogger } from '../../schema/observability/logger';
import { ForwardingDataSource } from './forwarding-data-source';
import type { GatewayContext } from './gateway-context';
import { readResilienceConfig } from './resilience/resilience-config';
import { SubgraphGuard } from './resilience/subgraph-guard';

const QUERY = '{ __typename }';
const config = readResilienceConfig({ SUBGRAPH_TIMEOUT_MS: '300', SUBGRAPH_CIRCUIT_FAILURES: '3', SUBGRAPH_CIRCUIT_HALF_OPEN_MS: '60000' });
const logger = serviceLogger('gateway');
/** The planner's fetch for a client's query. */
const read = {
  kind: 'incoming operation',
  request: { query: QUERY },
  incomingRequestContext: {},
  context: { requestId: 'test', identity: GATEWAY_IDENTITY },
  document: parse(QUERY),
} as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;
/** What the gateway sends when it loads a schema: outside the circuit. */
const loadSchema = { kind: 'loading schema', request: { query: QUERY }, context: {} } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;

/** A stand-in subgraph: `answer` decides what it does with each (signed) request; it notes when a caller hangs up. */
async function standIn(answer: (res: express.Response) => void) {
  const seen = { requests: 0, hungUp: 0 };
  const app = express();
  const verifier = new HopVerifier(developmentHopKeys('water'));
  app.post('/graphql', express.json(), async (req, res) => {
    await verifier.verify(req.headers, { query: req.body.query, operationName: req.body.operationName, variables: req.body.variables });
    seen.requests += 1;
    res.on('close', () => !res.writableEnded && (seen.hungUp += 1));
    answer(res);
  });
  const listening = await listen(app, 0);
  return { listening, seen, source: () => new ForwardingDataSource('water', `${listening.url}/graphql`, developmentHopKeys('gateway'), new SubgraphGuard('water', config, logger)) };
}

const running: Listening[] = [];
afterEach(async () => {
  // after an abort undici opens a spare connection; it carries no request, so close() would wait for its keep-alive to end
  for (const listening of running) listening.server.closeAllConnections();
  await Promise.all(running.splice(0).map((listening) => listening.close()));
});

describe('ForwardingDataSource', () => {
  it('gives up on a subgraph that does not answer at its timeout, cancels the request, and then stops calling it', async () => {
    const frozen = await standIn(() => undefined);
    running.push(frozen.listening);
    const water = frozen.source();
    for (let i = 0; i < 3; i += 1) {
      const started = Date.now();
      await expect(water.process(read)).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_TIMEOUT', service: 'water', timeoutMs: 300, retryable: true } });
      expect(Date.now() - started).toBeLessThan(600);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    // the abort reached the socket: the subgraph saw each caller hang up
    expect(frozen.seen).toEqual({ requests: 3, hungUp: 3 });
    const started = Date.now();
    await expect(water.process(read)).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_UNAVAILABLE', service: 'water' } });
    expect(Date.now() - started).toBeLessThan(50);
    expect(frozen.seen.requests).toBe(3);
    // the gateway's own reads still go, each with its deadline
    await expect(water.process(loadSchema)).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_TIMEOUT' } });
    expect(frozen.seen.requests).toBe(4);
  });

  it("passes on a subgraph's own 5xx answer with its codes, and does not hold it against its circuit", async () => {
    const unavailable = { message: 'water cannot reach its database', extensions: { code: 'SERVICE_UNAVAILABLE', service: 'water', retryable: true } };
    const noDatabase = await standIn((res) => void res.status(503).json({ data: null, errors: [unavailable] }));
    running.push(noDatabase.listening);
    const water = noDatabase.source();
    for (let i = 0; i < 5; i += 1) await expect(water.process(read)).resolves.toEqual({ data: null, errors: [unavailable] });
    expect(noDatabase.seen.requests).toBe(5);
  });

  it('names a subgraph whose port is closed', async () => {
    const gone = await standIn(() => undefined);
    await gone.listening.close();
    await expect(gone.source().process(read)).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_UNAVAILABLE', service: 'water' } });
  });
});

describe('SubgraphGuard', () => {
  const refused = () => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }));

  it('tries a read once more after a refused connection, never a mutation', async () => {
    for (const [kind, calls] of [['read', 2], ['write', 1], ['own', 2]] as const) {
      let made = 0;
      const guard = new SubgraphGuard('water', config, logger);
      await expect(guard.run(() => ((made += 1), refused()), kind)).rejects.toThrow('fetch failed');
      expect({ kind, made }).toEqual({ kind, made: calls });
    }
  });
});
