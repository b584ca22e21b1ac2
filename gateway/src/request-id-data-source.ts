import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
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
  constructor(url: string) {
    super({ url, fetcher: fetch as unknown as Fetcher });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (context?.requestId) request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
  }
}
