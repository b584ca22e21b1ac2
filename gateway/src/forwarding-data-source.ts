import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { UpstreamUnavailableError } from '../../schema/errors';
import { GATEWAY_IDENTITY } from '../../schema/identity/roles';
import { signIdentity } from '../../schema/identity/signed-identity';
import { REQUEST_ID_HEADER } from '../../schema/request-context';
import type { GatewayContext } from './gateway-context';

type Fetcher = NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher'];

/**
 * How the gateway talks to a subgraph: it forwards the request id (one id ties
 * a client's operation to every subgraph log line and audit record) and the
 * caller's identity, signed, so a subgraph can tell the gateway from anyone
 * else who reaches its port. Uses Node's own fetch (undici, keep-alive): the
 * default fetcher cost ~40% of throughput in our measurements.
 */
export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly signingSecret: string,
  ) {
    super({ url, fetcher: fetch as unknown as Fetcher });
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const { request } = options;
    // loading the schema (`_service { sdl }`) and health checks happen outside any client request
    const client = 'incomingRequestContext' in options ? options.context : null;
    for (const [name, value] of Object.entries(signIdentity(client?.identity ?? GATEWAY_IDENTITY, this.signingSecret, request.query ?? ''))) {
      request.http?.headers.set(name, value);
    }
    if (client?.requestId) request.http?.headers.set(REQUEST_ID_HEADER, client.requestId);
  }

  /** A subgraph that cannot be reached is named, with a stable code, instead of surfacing as an internal error. */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource['process']> {
    try {
      return await super.process(options);
    } catch (error) {
      if (isNetworkFailure(error)) throw new UpstreamUnavailableError(this.subgraph);
      throw error;
    }
  }
}

function isNetworkFailure(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause;
  return error instanceof TypeError || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'UND_ERR_SOCKET'].includes(cause?.code ?? '');
}
