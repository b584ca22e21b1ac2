import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { BrokenCircuitError, IsolatedCircuitError, TaskCancelledError } from 'cockatiel';
import { type PublicError, UpstreamTimeoutError, UpstreamUnavailableError } from '../../../schema/errors';

type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);
/** A proxy in front of a subgraph saying it cannot serve now (a subgraph's own 503 comes with GraphQL errors, passed on as they are). */
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

/** undici's `request` rejects with the socket's own error (its code on it); fetch with "fetch failed", the cause saying why, sometimes one level further down. */
function networkCode(error: unknown): string | undefined {
  const failure = error as { code?: string; cause?: { code?: string; errors?: { code?: string }[] } } | undefined;
  if (typeof failure?.code === 'string') return failure.code;
  return failure?.cause?.code ?? failure?.cause?.errors?.[0]?.code;
}

/** A subgraph's non-2xx answer, as RemoteGraphQLDataSource reports it. */
function httpAnswer(error: unknown): { status?: number; body?: unknown } | undefined {
  return (error as { extensions?: { response?: { status?: number; body?: unknown } } })?.extensions?.response;
}

const httpStatus = (error: unknown) => httpAnswer(error)?.status;

/**
 * A subgraph that answers 5xx with GraphQL errors has said why (503
 * SERVICE_UNAVAILABLE when its database is down): that answer is passed on,
 * codes and all, instead of the bare HTTP status, and it does not count
 * against the subgraph's circuit: it answered, and at once.
 */
export function answeredWithErrors(error: unknown): GatewayGraphQLResponse | null {
  const answer = httpAnswer(error);
  const body = answer?.body as GatewayGraphQLResponse | undefined;
  if ((answer?.status ?? 0) < 500 || !Array.isArray(body?.errors) || body.errors.length === 0) return null;
  return { data: body.data ?? null, errors: body.errors };
}

/** Nothing was sent: the subgraph's port is closed. Safe to try again, even for a mutation, but we retry only queries. */
export function isConnectionRefused(error: unknown): boolean {
  return networkCode(error) === 'ECONNREFUSED';
}

function isNetworkFailure(error: unknown): boolean {
  return NETWORK_CODES.has(networkCode(error) ?? '') || (error instanceof TypeError && error.message === 'fetch failed');
}

/**
 * What counts against a subgraph's circuit: it did not answer in time, could
 * not be reached, or answered 5xx. A GraphQL error it returns (NOT_FOUND, a
 * refused transition) is an answer, and counts for it.
 */
export function isSubgraphFailure(error: unknown): boolean {
  return error instanceof TaskCancelledError || isNetworkFailure(error) || (httpStatus(error) ?? 0) >= 500;
}

/**
 * What the client is told when a subgraph failed: a stable, retryable code
 * naming the subgraph. Null for anything else, which passes on unchanged (and
 * is masked as an internal error unless it carries a public code).
 */
export function upstreamError(subgraph: string, timeoutMs: number, error: unknown): PublicError | null {
  if (error instanceof TaskCancelledError) return new UpstreamTimeoutError(subgraph, timeoutMs);
  if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError) return new UpstreamUnavailableError(subgraph);
  if (isNetworkFailure(error) || UNAVAILABLE_STATUSES.has(httpStatus(error) ?? 0)) return new UpstreamUnavailableError(subgraph);
  return null;
}
