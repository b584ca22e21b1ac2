import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { Counter, Histogram, type Registry } from 'prom-client';
import { metric } from './metrics-registry';

/** Operation names are the client's to choose: past this many per service, new ones are counted as `other`. */
const MAX_OPERATION_NAMES = 200;
const namesSeen = new WeakMap<Registry, Set<string>>();
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

type Outcome = 'ok' | 'partial' | 'error';

function counters(registry: Registry) {
  const requests = metric(registry, 'graphql_requests_total', (registers) =>
    new Counter({
      name: 'graphql_requests_total',
      help: 'GraphQL operations received, by operation name and outcome; counts those refused before they ran (a bad token, a bomb) too',
      labelNames: ['operation', 'outcome'],
      registers,
    }));
  const errors = metric(registry, 'graphql_errors_total', (registers) =>
    new Counter({ name: 'graphql_errors_total', help: 'GraphQL errors sent to clients, by extensions.code', labelNames: ['code'], registers }));
  return { requests, errors };
}

/** A request refused before Apollo read it (no token, a bomb, a rate limit): counted as a refused token is. */
export function countRefused(registry: Registry, code: string): void {
  const { requests, errors } = counters(registry);
  requests.inc({ operation: 'unknown', outcome: 'error' });
  errors.inc({ code: codeOf(code) });
}

/**
 * Counts a service's GraphQL operations by name and outcome, times them, and
 * counts the errors sent by code (as the client got them, after masking).
 * `ok`: no errors; `partial`: data and errors (a department down costs only its
 * fields); `error`: nothing served. A nameless operation is `anonymous`; one
 * that did not parse or validate, or was refused before it was read (a bad
 * token), is `unknown`.
 */
export function graphqlMetrics(registry: Registry): ApolloServerPlugin {
  const { requests, errors } = counters(registry);
  const duration = metric(registry, 'graphql_request_duration_seconds', (registers) =>
    new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'From receiving a GraphQL operation to sending its response, by operation name and outcome',
      labelNames: ['operation', 'outcome'],
      buckets: DURATION_BUCKETS,
      registers,
    }));
  const seen = namesSeen.get(registry) ?? new Set<string>();
  namesSeen.set(registry, seen);
  const operationLabel = (name: string) => {
    if (seen.has(name)) return name;
    if (seen.size >= MAX_OPERATION_NAMES) return 'other';
    seen.add(name);
    return name;
  };
  return {
    // the context could not be built (e.g. the bearer token is refused): no operation ran
    async contextCreationDidFail({ error }) {
      countRefused(registry, String((error as { extensions?: { code?: unknown } }).extensions?.code));
    },
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ response, operation, operationName }) {
          const sent = sentErrors(response);
          const name = operation ? (operationName ?? 'anonymous') : 'unknown';
          const labels = { operation: operationLabel(name), outcome: outcomeOf(response, sent.length) };
          requests.inc(labels);
          duration.observe(labels, (performance.now() - started) / 1000);
          for (const error of sent) errors.inc({ code: codeOf(error.extensions?.code) });
        },
      };
    },
  };
}

function sentErrors(response: GraphQLResponse) {
  const body = response.body;
  return (body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors) ?? [];
}

function outcomeOf(response: GraphQLResponse, errorCount: number): Outcome {
  if (errorCount === 0) return 'ok';
  const body = response.body;
  const data = body.kind === 'single' ? body.singleResult.data : body.initialResult.data;
  return data && Object.values(data).some((value) => value !== null) ? 'partial' : 'error';
}

function codeOf(code: unknown): string {
  return typeof code === 'string' && /^[A-Z_]{1,60}$/.test(code) ? code : 'INTERNAL_SERVER_ERROR';
}
