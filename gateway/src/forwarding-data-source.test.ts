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

describe('ForwardingDataSource, batching', () => {
  /** A fetch as @apollo/gateway's executor makes it: no parsed document, the client's context. */
  const planned = (query: string, variables: Record<string, unknown>, context: GatewayContext) =>
    ({ kind: 'incoming operation', request: { query, variables }, incomingRequestContext: {}, context }) as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;
  const entities = (field: string) => `query Q__water__${field}($representations:[_Any!]!){_entities(representations:$representations){...on Zone{${field}}}}`;

  async function echoing() {
    const bodies: Array<{ query: string; variables: Record<string, unknown> }> = [];
    const app = express();
    const verifier = new HopVerifier(developmentHopKeys('water'));
    app.post('/graphql', express.json(), async (req, res) => {
      await verifier.verify(req.headers, { query: req.body.query, operationName: req.body.operationName, variables: req.body.variables });
      bodies.push(req.body);
      // every aliased `_entities` gets back its representations' codes under the field it asked for
      const data = Object.fromEntries(
        Object.entries(req.body.variables as Record<string, Array<{ code: string }>>).map(([name]) => {
          const alias = name === 'representations' ? '_entities' : name.replace(/representations$/, '_entities');
          return [alias, (req.body.variables[name] as Array<{ code: string }>).map(({ code }) => ({ name: `zone ${code}`, pressure: code.length }))];
        }),
      );
      res.json({ data });
    });
    const listening = await listen(app, 0);
    running.push(listening);
    const source = (batching: boolean) => new ForwardingDataSource('water', `${listening.url}/graphql`, developmentHopKeys('gateway'), new SubgraphGuard('water', config, logger), batching);
    return { bodies, source };
  }

  it("sends one client operation's reads of a subgraph, planned side by side, as one signed request, and gives each its own answer", async () => {
    const { bodies, source } = await echoing();
    const water = source(true);
    const context = { requestId: 'one', identity: GATEWAY_IDENTITY };
    const [names, pressures] = await Promise.all([
      water.process(planned(entities('name'), { representations: [{ code: 'A1' }, { code: 'B22' }] }, context)),
      water.process(planned(entities('pressure'), { representations: [{ code: 'C333' }] }, context)),
    ]);
    expect(bodies).toHaveLength(1);
    expect(bodies[0].query).toContain('b0__entities: _entities(representations: $b0_representations)');
    expect(names.data).toEqual({ _entities: [{ name: 'zone A1', pressure: 2 }, { name: 'zone B22', pressure: 3 }] });
    expect(pressures.data).toEqual({ _entities: [{ name: 'zone C333', pressure: 4 }] });
    // another client operation's fetches are never in the same request; one fetch alone goes as it was planned
    await Promise.all([
      water.process(planned(entities('name'), { representations: [{ code: 'D' }] }, { requestId: 'two', identity: GATEWAY_IDENTITY })),
      water.process(planned(entities('name'), { representations: [{ code: 'E' }] }, { requestId: 'three', identity: GATEWAY_IDENTITY })),
    ]);
    expect(bodies.slice(1).map((body) => body.query)).toEqual([entities('name'), entities('name')]);
  });

  it('never merges a mutation, nor anything when batching is off', async () => {
    const { bodies, source } = await echoing();
    const context = { requestId: 'one', identity: GATEWAY_IDENTITY };
    const mutation = 'mutation M($representations:[_Any!]!){_entities(representations:$representations){...on Zone{name}}}';
    const on = source(true);
    await Promise.all([on.process(planned(mutation, { representations: [{ code: 'A' }] }, context)), on.process(planned(mutation, { representations: [{ code: 'B' }] }, context))]);
    const off = source(false);
    await Promise.all([off.process(planned(entities('name'), { representations: [{ code: 'C' }] }, context)), off.process(planned(entities('name'), { representations: [{ code: 'D' }] }, context))]);
    expect(bodies).toHaveLength(4);
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
