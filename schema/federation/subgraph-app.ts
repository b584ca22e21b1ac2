import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import type { GraphQLSchema } from 'graphql';
import { formatPublicError, isPublicCode } from '../http/format-error';
import { verifyIdentity } from '../identity/signed-identity';
import { REQUEST_ID_HEADER, type RequestContext, requestIdFrom } from '../request-context';

export interface SubgraphAppOptions<C extends RequestContext> {
  name: string;
  schema: GraphQLSchema;
  /** Adds the subgraph's own per-request state (DataLoaders, data source) to the base context. */
  createContext(base: RequestContext): C;
  /** Whether the subgraph can serve: typically a `SELECT 1` on its database. */
  isHealthy(): Promise<boolean>;
  /** Verifies the identity the gateway signed; a request without a valid signature is refused. */
  signingSecret: string;
  log?: (message: string) => void;
}

export interface SubgraphApp {
  app: Express;
  stop(): Promise<void>;
}

/** An HTTP app serving one subgraph at `/graphql` and its health at `/health`; it does not listen. */
export async function createSubgraphApp<C extends RequestContext>(options: SubgraphAppOptions<C>): Promise<SubgraphApp> {
  const log = options.log ?? ((message: string) => console.error(`[${options.name}] ${message}`));
  const apollo = new ApolloServer<C>({
    schema: options.schema,
    formatError: formatPublicError,
    includeStacktraceInErrorResponses: false,
    plugins: [
      // no traces to Apollo's cloud: a city's data stays on the city's servers
      ApolloServerPluginInlineTraceDisabled(),
      {
        async requestDidStart({ contextValue }) {
          return {
            async didEncounterErrors({ errors }) {
              for (const error of errors) {
                if (!isPublicCode(error.extensions?.code)) log(`[${contextValue.requestId}] ${error.stack ?? error.message}`);
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
    const healthy = await options.isHealthy().catch(() => false);
    res.status(healthy ? 200 : 503).json({ subgraph: options.name, status: healthy ? 'up' : 'down' });
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = requestIdFrom(req.headers);
        res.setHeader(REQUEST_ID_HEADER, requestId);
        // only the gateway (or a subgraph acting for the same caller) holds the secret
        const actor = verifyIdentity(req.headers, options.signingSecret, typeof req.body?.query === 'string' ? req.body.query : '');
        return options.createContext({ requestId, actor });
      },
    }),
  );
  return { app, stop: () => apollo.stop() };
}
