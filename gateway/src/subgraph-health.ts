import { GATEWAY_IDENTITY } from '../../schema/identity/roles';
import type { HopKeys } from '../../schema/identity/hop-keys';
import { macIdentity } from '../../schema/identity/signed-identity';
import type { CircuitStateName } from './resilience/subgraph-guard';

/** A subgraph of the supergraph served now, at its routing URL (its `/graphql` endpoint). */
export interface RoutedSubgraph {
  name: string;
  url: string;
}

export interface SubgraphCheck {
  status: 'up' | 'down';
  latencyMs: number;
  /** Whether the gateway sends this subgraph operations now, or answers for it at once. */
  circuit: CircuitStateName;
  /** Why it is down. */
  error?: string;
}

export interface HealthReport {
  /** `degraded`: some department is down; the gateway still serves the others. */
  status: 'ok' | 'degraded';
  /** The verdicts alone, as consoles and older checks read them. */
  subgraphs: Record<string, 'up' | 'down'>;
  checks: Record<string, SubgraphCheck>;
  checkedAt: string;
}

export interface SubgraphHealthOptions {
  hopKeys: HopKeys;
  timeoutMs(subgraph: string): number;
  circuit(subgraph: string): CircuitStateName;
  /** Probes answer from the last round this long: a storm of /health requests must not become a storm on the subgraphs. */
  cacheMs?: number;
}

/** Every federation subgraph answers this, whoever wrote it; a custom /health route is ours alone. */
const PROBE = '{ __typename }';
/** /health is read by people and monitors that give up after a second or two: one frozen subgraph must not hold it longer. */
const MAX_PROBE_MS = 2000;

type Probe = Omit<SubgraphCheck, 'circuit'>;

async function probe({ name, url }: RoutedSubgraph, hopKeys: HopKeys, timeoutMs: number): Promise<Probe> {
  const started = performance.now();
  const latencyMs = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(url, {
      method: 'POST',
      // authenticated as every client request is (the MAC key the gateway shares with the subgraph), so a subgraph
      // that does not hold that key shows here as down with 401 rather than up while it refuses every operation
      headers: { 'content-type': 'application/json', ...macIdentity(GATEWAY_IDENTITY, hopKeys, name, { query: PROBE }) },
      body: JSON.stringify({ query: PROBE }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json().catch(() => null)) as { data?: { __typename?: string } } | null;
    if (response.ok && typeof body?.data?.__typename === 'string') return { status: 'up', latencyMs: latencyMs() };
    return { status: 'down', latencyMs: latencyMs(), error: `HTTP ${response.status}` };
  } catch (error) {
    const name = (error as Error).name;
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const why = name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (cause ?? (error as Error).message);
    return { status: 'down', latencyMs: latencyMs(), error: why };
  }
}

/**
 * Judges each subgraph by a GraphQL request any federation subgraph answers,
 * all at once, and says what the gateway's circuit for it says.
 */
export function subgraphHealth(options: SubgraphHealthOptions): (subgraphs: RoutedSubgraph[]) => Promise<HealthReport> {
  const cacheMs = options.cacheMs ?? 1500;
  let last: Round | null = null;
  // concurrent requests share one round of probes
  let running: { key: string; round: Promise<Round> } | null = null;

  const current = (key: string, subgraphs: RoutedSubgraph[]): Promise<Round> => {
    if (last && last.key === key && Date.now() - last.at < cacheMs) return Promise.resolve(last);
    if (running?.key !== key) {
      const round = probeAll(key, subgraphs, options);
      running = { key, round };
      void round.then((done) => {
        last = done;
        if (running?.round === round) running = null;
      });
    }
    return running!.round;
  };

  return async (subgraphs) => {
    const { probes, checkedAt } = await current(JSON.stringify(subgraphs), subgraphs);
    const verdicts = Object.fromEntries(Object.entries(probes).map(([name, found]) => [name, found.status]));
    return {
      status: Object.values(verdicts).every((status) => status === 'up') ? 'ok' : 'degraded',
      subgraphs: verdicts,
      checks: Object.fromEntries(Object.entries(probes).map(([name, found]) => [name, { ...found, circuit: options.circuit(name) }])),
      checkedAt,
    };
  };
}

interface Round {
  key: string;
  at: number;
  checkedAt: string;
  probes: Record<string, Probe>;
}

async function probeAll(key: string, subgraphs: RoutedSubgraph[], options: SubgraphHealthOptions): Promise<Round> {
  const probes = await Promise.all(subgraphs.map((subgraph) => probe(subgraph, options.hopKeys, Math.min(options.timeoutMs(subgraph.name), MAX_PROBE_MS))));
  return { key, at: Date.now(), checkedAt: new Date().toISOString(), probes: Object.fromEntries(subgraphs.map(({ name }, i) => [name, probes[i]])) };
}
