import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import type { IncomingMessage } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { errorFormatter, errorLog } from '../http/error-reporting';
import { mountProbes, type Probes } from '../http/probes';
import { requestLogging } from '../http/request-logging';
import type { HopKeys } from '../identity/hop-keys';
import { readSchemaReadTokens, schemaReaderFrom } from '../identity/schema-reader';
import { HopVerifier } from '../identity/signed-identity';
import { GRAPHQL_BODY_LIMIT, graphQLPostHandler, serveGraphQLPostsFirst } from './graphql-post';
import { hopRequestOf } from './hop-request';
import { graphqlMetrics } from '../observability/graphql-metrics';
import { type Logger, serviceLogger } from '../observability/logger';
import { serviceMetrics } from '../observability/metrics-registry';
import { mountMetrics } from '../observability/metrics-route';
import { requestIdOf } from '../observability/request-id';
import type { RequestContext } from '../request-context';

export interface SubgraphAppOptions<C extends RequestContext> {
  name: string;
  schema: GraphQLSchema;
  /** Adds the subgraph's own per-request state (DataLoaders, data source) to the base context. */
  createContext(base: RequestContext): C;
  /** Whether the subgraph can serve: typically a `SELECT 1` on its database. */
  isHealthy(): Promise<boolean>;
  /** Verifies the identity the gateway signed; a request without a valid signature is refused. */
  hopKeys: HopKeys;
  /** SHA-256 digests of the tokens that may read `_service { sdl }` alone; by default SCHEMA_READ_TOKEN_SHA256. */
  schemaReadTokens?: Buffer[];
  logger?: Logger;
}

export interface SubgraphApp {
  app: Express;
  probes: Probes;
  /** Checks signed hops addressed to this subgraph (also for its own non-GraphQL routes). */
  verifier: HopVerifier;
  stop(): Promise<void>;
}

/** An HTTP app serving one subgraph at `/graphql` and its probes; it does not listen. */
export async function createSubgraphApp<C extends RequestContext>(options: SubgraphAppOptions<C>): Promise<SubgraphApp> {
  const logger = options.logger ?? serviceLogger(options.name);
  const verifier = new HopVerifier(options.hopKeys);
  // the gateway MACs its hops to a subgraph (hop-mac.ts): a production subgraph without its key stops here
  options.hopKeys.macKey('');
  const schemaReadTokens = options.schemaReadTokens ?? readSchemaReadTokens();
  const apollo = new ApolloServer<C>({
    schema: options.schema,
    formatError: errorFormatter(options.name),
    includeStacktraceInErrorResponses: false,
    // the process entry stops the server in its own order (stop listening, drain, flush the outbox, close the database)
    stopOnTerminationSignals: false,
    plugins: [
      // no traces to Apollo's cloud: a city's data stays on the city's servers
      ApolloServerPluginInlineTraceDisabled(),
      // no field carries a cache hint and the gateway reads none: the policy it computed for every field cost 4-10 % of a subgraph's CPU
      ApolloServerPluginCacheControlDisabled(),
      errorLog(logger),
      // no 503s here even when the database is down: the gateway reads a non-2xx answer as an opaque
      // failure and would drop SERVICE_UNAVAILABLE; the gateway sets the status its clients see
      graphqlMetrics(serviceMetrics(options.name)),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  const prelude = requestLogging(logger);
  app.use(prelude);
  const probes = mountProbes(app, {
    ready: options.isHealthy,
    report: async (_req, databaseAnswers) => ({ subgraph: options.name, database: databaseAnswers ? 'up' : 'down' }),
  });
  mountMetrics(app, serviceMetrics(options.name));
  const context = async (req: IncomingMessage & { body?: unknown }): Promise<C> => {
    const requestId = requestIdOf(req);
    const request = hopRequestOf(req);
    const reader = schemaReaderFrom(req.headers, request.query, schemaReadTokens);
    if (reader) return options.createContext({ requestId, actor: reader });
    // only the gateway speaks for a caller; another service for itself, or for a caller the gateway sent it
    const hop = await verifier.verify(req.headers, request);
    return options.createContext({ requestId, actor: hop.actor, hop: hop.token });
  };
  // the gateway's hops skip Express (graphql-post.ts); whatever else reaches /graphql is served as before
  serveGraphQLPostsFirst(app, prelude, graphQLPostHandler(apollo, context));
  app.use('/graphql', express.json({ limit: GRAPHQL_BODY_LIMIT }), expressMiddleware(apollo, { context: ({ req }) => context(req) }));
  return { app, probes, verifier, stop: () => apollo.stop() };
}
