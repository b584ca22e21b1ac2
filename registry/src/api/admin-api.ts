import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type RequestHandler } from 'express';
import type { DataSource } from 'typeorm';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { createTokenVerifier } from '../../../schema/identity/token-verifier';
import { errorFormatter, errorLog, unavailableStatus } from '../../../schema/http/error-reporting';
import { graphqlMetrics } from '../../../schema/observability/graphql-metrics';
import type { Logger } from '../../../schema/observability/logger';
import { serviceMetrics } from '../../../schema/observability/metrics-registry';
import { requestIdOf } from '../../../schema/observability/request-id';
import { RoleChecker } from '../../../schema/identity/auth-checker';
import type { RegistryConfig } from '../config';
import type { RegistryContext } from './registry-context';
import { RegistryMutationResolver } from './registry-mutation.resolver';
import { RegistryQueryResolver } from './registry-query.resolver';

export interface AdminApi {
  handlers: RequestHandler[];
  stop(): Promise<void>;
}

/** The admin API's schema; tests read it to hold its mutations to the house style. */
export function buildAdminSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [RegistryQueryResolver, RegistryMutationResolver],
    authChecker: RoleChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false },
  });
}

/**
 * The registry's admin GraphQL API: a plain Apollo Server, not a subgraph
 * (the registry is the thing that composes subgraphs; it is never one).
 * Bearer tokens are verified by the gateway's own verifier and configuration.
 */
export async function createAdminApi(dataSource: DataSource, config: RegistryConfig, logger: Logger): Promise<AdminApi> {
  const verifyToken = await createTokenVerifier(config.auth);
  const schema = await buildAdminSchema();
  const apollo = new ApolloServer<RegistryContext>({
    schema,
    formatError: errorFormatter('registry'),
    includeStacktraceInErrorResponses: false,
    // the process entry decides when to stop (after the HTTP server has drained)
    stopOnTerminationSignals: false,
    // Apollo's landing page loads Sandbox from Apollo's CDN; the registry's server mounts GraphiQL from here instead
    plugins: [ApolloServerPluginUsageReportingDisabled(), ApolloServerPluginLandingPageDisabled(), unavailableStatus(), errorLog(logger), graphqlMetrics(serviceMetrics('registry'))],
  });
  await apollo.start();
  const options = { usageWindowDays: config.usageWindowDays, intakeUrl: config.intakeUrl, hopKeys: config.hopKeys };
  return {
    handlers: [
      // SDLs travel in the body; the largest today is ~20 KB
      express.json({ limit: '5mb' }),
      expressMiddleware(apollo, {
        context: async ({ req }) => {
          const requestId = requestIdOf(req);
          return { requestId, actor: await verifyToken(req.headers.authorization), dataSource, options };
        },
      }),
    ],
    stop: () => apollo.stop(),
  };
}
