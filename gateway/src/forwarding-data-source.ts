import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import DataLoader from 'dataloader';
import { Kind } from 'graphql';
import { GATEWAY_IDENTITY } from '../../schema/identity/roles';
import { observeSubgraphFetch } from '../../schema/observability/gateway-metrics';
import type { HopKeys } from '../../schema/identity/hop-keys';
import { macIdentity } from '../../schema/identity/signed-identity';
import { REQUEST_ID_HEADER } from '../../schema/request-context';
import { boundedMemo } from '../../schema/runtime/bounded-memo';
import type { GatewayContext } from './gateway-context';
import type { CallKind, SubgraphGuard } from './resilience/subgraph-guard';
import { answeredWithErrors, upstreamError } from './resilience/subgraph-failure';
import { postGraphQL } from './subgraph-client';
import { canMerge, mergeFetches, plannedDocument, type PlannedFetch } from './batching/merge-fetches';

type GatewayGraphQLResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/**
 * How the gateway talks to a subgraph: it forwards the request id (one id ties
 * a client's operation to every subgraph log line and audit record) and the
 * caller's identity, authenticated with the key the gateway shares with that
 * subgraph (hop-mac.ts), so a subgraph can tell the gateway from anyone else
 * who reaches its port. Each call runs under the subgraph's guard (deadline,
 * circuit); a subgraph that is slow or down costs its own fields,
 * named with a retryable code, and the rest of the operation is answered.
 *
 * A data source of its own rather than a RemoteGraphQLDataSource: that one
 * builds node-fetch Headers and a Request it never sends for every call, and
 * has no place for the call's AbortSignal. We use neither its persisted
 * queries nor subgraph cache-control hints (the cache-control plugin is off).
 */
export class ForwardingDataSource implements GraphQLDataSource<GatewayContext> {
  /** Per client operation: the reads planned side by side for this subgraph, sent as one request. */
  private readonly batches = new WeakMap<GatewayContext, DataLoader<Fetch, GatewayGraphQLResponse>>();

  constructor(
    private readonly subgraph: string,
    private readonly url: string,
    private readonly hopKeys: HopKeys,
    private readonly guard: SubgraphGuard,
    /** Merge a client operation's parallel reads of this subgraph into one request (GATEWAY_BATCH_FETCHES). */
    private readonly batching = false,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { query, operationName, variables, extensions } = options.request;
    if (!query) throw new Error('Missing query');
    // loading the schema (`_service { sdl }`) and health checks happen outside any client request.
    const client = 'incomingRequestContext' in options ? options.context : null;
    const kind = callKind(options);
    const fetch: Fetch = { query, operationName, variables, extensions };
    if (this.batching && client && kind === 'read' && extensions === undefined && canMerge(query)) return this.batchOf(client).load(fetch);
    return this.guarded(fetch, client, kind);
  }

  private batchOf(client: GatewayContext): DataLoader<Fetch, GatewayGraphQLResponse> {
    let batch = this.batches.get(client);
    if (!batch) {
      // DataLoader collects the fetches the executor starts in one turn (a Parallel node's branches); no cache: a
      // later fetch with the same text (another level of the plan) has other representations and goes out again
      batch = new DataLoader<Fetch, GatewayGraphQLResponse>(
        async (fetches) => {
          if (fetches.length === 1) return [await this.guarded(fetches[0], client, 'read')];
          const merged = mergeFetches(fetches);
          return merged.split(await this.guarded(merged, client, 'read')) as GatewayGraphQLResponse[];
        },
        { cache: false },
      );
      this.batches.set(client, batch);
    }
    return batch;
  }

  private async guarded(fetch: Fetch, client: GatewayContext | null, kind: CallKind): Promise<GatewayGraphQLResponse> {
    try {
      return await this.guard.run((signal) => observeSubgraphFetch(this.subgraph, () => this.forward(fetch, client, signal)), kind);
    } catch (error) {
      // @apollo/gateway puts what a data source throws into the response's errors as it is: a public code survives
      throw upstreamError(this.subgraph, this.guard.timeoutMs, error) ?? error;
    }
  }

  private async forward({ query, operationName, variables, extensions }: Fetch, client: GatewayContext | null, signal: AbortSignal): Promise<GatewayGraphQLResponse> {
    // Authenticated here, per attempt: a retried call carries a fresh time and nonce, never one that may be near its expiry.
    // the variables (an entity fetch's representations) serialised once, for the body and for the MAC
    const variablesJson = JSON.stringify(variables ?? {});
    const headers = macIdentity(client?.identity ?? GATEWAY_IDENTITY, this.hopKeys, this.subgraph, { method: 'POST', query, operationName, variables, variablesJson });
    headers['content-type'] = 'application/json';
    if (client?.requestId) headers[REQUEST_ID_HEADER] = client.requestId;
    try {
      return (await postGraphQL(this.url, headers, requestBody(query, operationName, variablesJson, extensions), signal)) as GatewayGraphQLResponse;
    } catch (error) {
      const answer = answeredWithErrors(error);
      if (answer) return answer;
      throw error;
    }
  }
}

/** What is sent to the subgraph: one planned fetch, or several merged. */
interface Fetch extends PlannedFetch {
  extensions?: Record<string, unknown>;
}

/** A query's escaped text, remembered: the planner sends the same few. */
const queryJson = boundedMemo(1000, (query: string) => JSON.stringify(query));
/** The body JSON.stringify would write, with the query's escaped text remembered and the variables' reused. */
function requestBody(query: string, operationName: string | undefined, variablesJson: string, extensions: unknown): string {
  const quoted = queryJson(query);
  const name = operationName === undefined ? '' : `,"operationName":${JSON.stringify(operationName)}`;
  const more = extensions === undefined ? '' : `,"extensions":${JSON.stringify(extensions)}`;
  return `{"query":${quoted}${name},"variables":${variablesJson}${more}}`;
}

/**
 * The planner's fetch for this subgraph reads when it is a query (an entity fetch after a mutation too). @apollo/gateway
 * passes no parsed document (only with the planner's `exposeDocumentNodeInFetchNode`), so the text is parsed, once.
 */
function callKind(options: GraphQLDataSourceProcessOptions<GatewayContext>): CallKind {
  if (!('incomingRequestContext' in options)) return 'own';
  let document = options.document;
  if (!document) {
    try {
      document = plannedDocument(options.request.query!);
    } catch {
      return 'write';
    }
  }
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  return operation?.kind === Kind.OPERATION_DEFINITION && operation.operation === 'query' ? 'read' : 'write';
}
