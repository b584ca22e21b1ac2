import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import { formatPublicError } from '../../schema/http/format-error';
import { REQUEST_ID_HEADER, requestIdFrom } from '../../schema/request-context';
import { createTokenVerifier } from './auth/token-verifier';
import type { GatewayConfig } from './config';
import { ForwardingDataSource } from './forwarding-data-source';
import type { GatewayContext } from './gateway-context';
import { httpLimits, payloadTooLarge } from './limits/http-limits';
import { operationLimits } from './limits/operation-limits';
import { checkSubgraphs } from './subgraph-health';
import { createSupergraphSource } from './supergraph/supergraph-source';
import { usageRecording } from './usage/usage-plugin';

export interface GatewayApp {
  app: Express;
  stop(): Promise<void>;
}

/**
 * The one endpoint front-ends use: verifies who calls, refuses abusive
 * operations, composes the subgraphs into the supergraph and plans each
 * operation across them. Builds the app; does not listen.
 */
export async function createGatewayApp(config: GatewayConfig): Promise<GatewayApp> {
  // @apollo/gateway reports anonymous usage to Apollo unless told not to; a city's gateway phones no one.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const verifyToken = await createTokenVerifier(config.auth);
  const log = (message: string) => console.warn(`[gateway] ${message}`);
  const source = createSupergraphSource(config, log);
  const registry = config.supergraphSource?.kind === 'registry' ? config.supergraphSource : null;
  const gateway = new ApolloGateway({
    supergraphSdl: source.manager,
    buildService: ({ name, url }) => new ForwardingDataSource(name, url!, config.signingSecret),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: config.introspection,
    allowBatchedHttpRequests: true,
    formatError: formatPublicError,
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginUsageReportingDisabled(),
      operationLimits(config.limits),
      ...(registry ? [usageRecording({ registryUrl: registry.url, signingSecret: config.signingSecret, flushMs: registry.usageFlushMs, log })] : []),
      {
        async requestDidStart() {
          return {
            async willSendResponse({ response, contextValue }) {
              if (response.body.kind === 'single' && contextValue?.requestId) {
                response.body.singleResult.extensions = { ...response.body.singleResult.extensions, requestId: contextValue.requestId };
              }
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', async (_req, res) => {
    const report = await checkSubgraphs(source.endpoints());
    // a registry outage alone stays 200: the gateway still serves its last good
    // supergraph, and pulling it out of rotation would turn that into an outage for clients
    res.status(report.status === 'ok' ? 200 : 503).json({ gateway: 'up', ...report, supergraph: source.describe() });
  });
  app.use(
    '/graphql',
    ...httpLimits(config.limits),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = requestIdFrom(req.headers);
        res.setHeader(REQUEST_ID_HEADER, requestId);
        return { requestId, identity: await verifyToken(req.headers.authorization) };
      },
    }),
  );
  app.use(payloadTooLarge);
  return { app, stop: () => apollo.stop() };
}
