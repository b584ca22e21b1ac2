import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type RequestHandler, type Response } from 'express';
import { ServiceUnavailableError } from '../../schema/errors';
import { errorFormatter, errorLog, unavailableStatus } from '../../schema/http/error-reporting';
import { mountExplorer } from '../../schema/http/explorer/explorer-route';
import { mountProbes } from '../../schema/http/probes';
import { requestLogging } from '../../schema/http/request-logging';
import { graphqlMetrics } from '../../schema/observability/graphql-metrics';
import { serviceMetrics } from '../../schema/observability/metrics-registry';
import { mountMetrics } from '../../schema/observability/metrics-route';
import { type Logger, serviceLogger } from '../../schema/observability/logger';
import { requestIdOf } from '../../schema/observability/request-id';
import { healthReaders } from './auth/health-readers';
import { createTokenVerifier } from '../../schema/identity/token-verifier';
import { PublishedSchema } from './client-schema/published-schema';
import type { GatewayConfig } from './config';
import { mountConsole } from './console/console-routes';
import { corsPolicy } from './cors/cors-policy';
import { ForwardingDataSource } from './forwarding-data-source';
import type { GatewayContext } from './gateway-context';
import { withoutSuggestions } from './inputs/without-suggestions';
import { requestIdentity } from './auth/request-identity';
import { inputChecks } from './inputs/input-checks';
import { cheapRefusals } from './limits/cheap-refusals';
import { payloadTooLarge } from './limits/http-limits';
import { ServedSchema } from './limits/served-schema';
import { timeoutFor } from './resilience/resilience-config';
import { SubgraphGuards } from './resilience/subgraph-guard';
import { type HealthReport, type RoutedSubgraph, subgraphHealth } from './subgraph-health';
import { type LoadedGateway, SupergraphLoader } from './supergraph/supergraph-loader';
import { createSupergraphSource } from './supergraph/supergraph-source';
import { usageRecording } from './usage/usage-plugin';

export interface GatewayApp {
  app: Express;
  /** Resolves once the gateway serves a supergraph. */
  loaded: Promise<void>;
  /** The first stop step: /readyz answers 503, so load balancers send nothing new. */
  drain(): void;
  stop(): Promise<void>;
}

export interface GatewayAppOptions {
  /** Failed supergraph loads before `loaded` rejects; a running gateway keeps trying (the default). */
  loadAttempts?: number;
  logger?: Logger;
}

const LOAD_RETRY_MS = 2000;

/**
 * The one endpoint front-ends use: verifies who calls, refuses abusive
 * operations, composes the subgraphs into the supergraph and plans each
 * operation across them. Builds the app and starts loading the supergraph;
 * does not listen. /livez answers at once; /readyz and /graphql once a
 * supergraph is loaded.
 */
export async function buildGatewayApp(config: GatewayConfig, options: GatewayAppOptions = {}): Promise<GatewayApp> {
  // @apollo/gateway reports anonymous usage to Apollo unless told not to; a city's gateway phones no one.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const logger = options.logger ?? serviceLogger('gateway');
  const verifyToken = await createTokenVerifier(config.auth);
  const identify = requestIdentity(verifyToken);
  const servedSchema = new ServedSchema();
  const publishedSchema = new PublishedSchema();
  // a missing or development key in production stops start-up here, not at the first forwarded request
  void config.hopKeys.signer;
  const guards = new SubgraphGuards(config.resilience, logger);
  const loader = new SupergraphLoader({ build: () => createApollo(config, guards, logger, servedSchema, publishedSchema), attempts: options.loadAttempts ?? Infinity, retryMs: LOAD_RETRY_MS, logger });
  let graphql: RequestHandler | null = null;
  let draining = false;
  const loaded = loader.loaded.then(({ apollo }) => {
    graphql = expressMiddleware(apollo, {
      context: async ({ req }) => ({ requestId: requestIdOf(req), identity: await identify(req) }),
    });
  });
  const serves = () => graphql !== null && !draining;
  const health = subgraphHealth({
    hopKeys: config.hopKeys,
    timeoutMs: (subgraph) => timeoutFor(config.resilience, subgraph),
    circuit: (subgraph) => guards.for(subgraph).circuit(),
  });

  const app = express();
  app.disable('x-powered-by');
  // req.ip, which the per-address rate limit keys on, follows X-Forwarded-For only through proxies the city named
  app.set('trust proxy', config.trustProxy ?? false);
  mountMetrics(app, serviceMetrics('gateway'));
  app.use(requestLogging(logger));
  const mayReadDetails = healthReaders(config.healthDetails ?? 'everyone', verifyToken);
  const probes = mountProbes(app, {
    ready: async () => serves(),
    report: async (req) => {
      const report = healthReport(loader, health, serves);
      // a failed report's message is a detail too
      return (await mayReadDetails(req.headers.authorization)) ? report : report.then(statusOnly, () => ({}));
    },
  });
  app.get('/schema.graphql', publishedSchema.route(identify));
  mountConsole(app, { auth: config.auth, registryUrl: config.supergraphSource?.kind === 'registry' ? config.supergraphSource.url : null });
  if (config.explorer) mountExplorer(app, { title: '12345 Hotline · GraphQL explorer' });
  app.use('/graphql', ...corsPolicy(config.corsOrigins ?? []), ...cheapRefusals({ limits: config.limits, identify, publicOperations: config.publicOperations ?? [], schema: servedSchema }), (req, res, next) => (graphql ? graphql(req, res, next) : notServingYet(res)));
  app.use(payloadTooLarge);
  return {
    app,
    loaded,
    drain: () => {
      draining = true;
      probes.drain();
    },
    stop: () => loader.stop(),
  };
}

/** The gateway once it serves a supergraph, for in-process tests that listen and send operations at once; the first failed load fails it. */
export async function createGatewayApp(config: GatewayConfig): Promise<GatewayApp> {
  const gateway = await buildGatewayApp(config, { loadAttempts: 1 });
  await gateway.loaded;
  return gateway;
}

/** A fresh Apollo server over a fresh gateway: one whose start failed cannot be started again. */
function createApollo(config: GatewayConfig, guards: SubgraphGuards, logger: Logger, servedSchema: ServedSchema, publishedSchema: PublishedSchema): LoadedGateway {
  const log = (message: string) => logger.warn(message);
  const source = createSupergraphSource(config, log);
  const registry = config.supergraphSource?.kind === 'registry' ? config.supergraphSource : null;
  const formatError = errorFormatter('gateway');
  const gateway = new ApolloGateway({
    supergraphSdl: source.manager,
    // guards live across reloads: a new supergraph does not forget which subgraph is down
    buildService: ({ name, url }) => new ForwardingDataSource(name, url!, config.hopKeys, guards.for(name), config.batchFetches ?? false),
    logger,
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    logger,
    introspection: config.introspection,
    allowBatchedHttpRequests: true,
    // the limits in front of Apollo check every document's text; a hash-only request would carry none to check
    persistedQueries: false,
    parseOptions: { maxTokens: config.limits.maxTokens },
    // "Did you mean …" spells out the schema to anyone who guesses: Apollo strips it from validation errors,
    // withoutSuggestions from the rest (variables, subgraphs)
    formatError: config.hideSchemaDetails ? withoutSuggestions(formatError) : formatError,
    hideSchemaDetailsFromClientErrors: config.hideSchemaDetails ?? false,
    includeStacktraceInErrorResponses: false,
    // main.ts stops the gateway in its own order; Apollo's handler besides ours called stop() twice, which never resolved
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginUsageReportingDisabled(),
      // Apollo's own landing page loads Sandbox from Apollo's CDN; ours (GraphiQL, mountExplorer) is served from here
      ApolloServerPluginLandingPageDisabled(),
      unavailableStatus(),
      errorLog(logger),
      servedSchema.plugin(),
      // no field of ours carries a cache hint: computing the policy for every field of every response bought nothing
      ApolloServerPluginCacheControlDisabled(),
      publishedSchema.plugin(),
      inputChecks(),
      graphqlMetrics(serviceMetrics('gateway')),
      ...(registry ? [usageRecording({ registryUrl: registry.url, hopKeys: config.hopKeys, flushMs: registry.usageFlushMs, log })] : []),
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
  return { apollo, source };
}

/**
 * The report behind /health. While the gateway serves, `status` is `ok` or
 * `degraded` (a department down): that informs people, it never takes the
 * gateway out of rotation; only the gateway's own readiness decides the HTTP status.
 */
async function healthReport(
  loader: SupergraphLoader,
  health: (subgraphs: RoutedSubgraph[]) => Promise<HealthReport>,
  serves: () => boolean,
): Promise<Record<string, unknown>> {
  const serving = loader.serving();
  if (!serving) return { gateway: 'loading', supergraph: loader.describe() };
  const { status, ...report } = await health(serving.source.subgraphs());
  return { ...(serves() ? { status } : {}), gateway: 'up', ...report, supergraph: { ...loader.describe(), ...serving.source.describe() } };
}

/** What an anonymous caller of a production gateway's /health learns: whether it serves, and whether every department does. */
function statusOnly(report: Record<string, unknown>): Record<string, unknown> {
  return report.status === undefined ? {} : { status: report.status };
}

function notServingYet(res: Response): void {
  const error = new ServiceUnavailableError('gateway', 'supergraph');
  res.status(503).set('retry-after', '1').json({ errors: [{ message: error.message, extensions: error.extensions }] });
}
