import { Counter, Gauge, Histogram } from 'prom-client';
import { metric, serviceMetrics } from './metrics-registry';

/** The gateway's own metrics, beside the GraphQL ones every service has. */
const registry = () => serviceMetrics('gateway');

const FETCH_BUCKETS = [0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

type FetchOutcome = 'ok' | 'graphql_errors' | 'failed';

/**
 * Times one fetch of the gateway from a subgraph. `graphql_errors`: the
 * subgraph answered with errors (some of its fields may still be served);
 * `failed`: no usable answer (unreachable, a timeout, an HTTP error).
 */
export async function observeSubgraphFetch<R extends { errors?: readonly unknown[] }>(subgraph: string, fetch: () => Promise<R>): Promise<R> {
  const started = performance.now();
  try {
    const response = await fetch();
    recordSubgraphFetch(subgraph, performance.now() - started, response.errors?.length ? 'graphql_errors' : 'ok');
    return response;
  } catch (error) {
    recordSubgraphFetch(subgraph, performance.now() - started, 'failed');
    throw error;
  }
}

export function recordSubgraphFetch(subgraph: string, ms: number, outcome: FetchOutcome): void {
  const fetches = metric(registry(), 'gateway_subgraph_fetch_duration_seconds', (registers) =>
    new Histogram({
      name: 'gateway_subgraph_fetch_duration_seconds',
      help: 'Fetches of the gateway from each subgraph (the _count is the number of fetches), by outcome',
      labelNames: ['subgraph', 'outcome'],
      buckets: FETCH_BUCKETS,
      registers,
    }));
  fetches.observe({ subgraph, outcome }, ms / 1000);
}

/** The registry's supergraph version the gateway serves (absent while it composes the subgraphs itself). */
export function recordSupergraphVersion(version: number): void {
  metric(registry(), 'gateway_supergraph_version', (registers) =>
    new Gauge({ name: 'gateway_supergraph_version', help: 'Version of the registry supergraph the gateway serves', registers })).set(version);
}

export type RegistryPollFailure = 'unreachable' | 'empty' | 'not_applied';

/** A poll of the registry that left the gateway where it was: registry unreachable, nothing published, or a new version failing its health check. */
export function recordRegistryPollFailure(reason: RegistryPollFailure): void {
  metric(registry(), 'gateway_registry_poll_failures_total', (registers) =>
    new Counter({
      name: 'gateway_registry_poll_failures_total',
      help: 'Polls of the schema registry that did not leave the gateway on the latest supergraph, by reason',
      labelNames: ['reason'],
      registers,
    })).inc({ reason });
}
