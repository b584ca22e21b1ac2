import type { ApolloServerPlugin } from '@apollo/server';
import type { Request, RequestHandler } from 'express';
import { clientSchemaSdl } from '../../../schema/client/client-schema';
import { ErrorCode } from '../../../schema/errors';
import type { Identity } from '../../../schema/identity/roles';
import { UnauthenticatedError } from '../../../schema/identity/signed-identity';

/**
 * GET /schema.graphql: the client-facing schema of the supergraph the gateway
 * serves now, for front-end teams' code generators. Any signed-in caller may
 * read it, also when introspection is off in production: the schema is what
 * the city publishes to its front-end teams, not a secret; an anonymous
 * caller is not told it.
 */
export class PublishedSchema {
  private supergraphSdl: string | null = null;
  private printed: string | null = null;

  plugin(): ApolloServerPlugin {
    return {
      serverWillStart: async () => ({
        schemaDidLoadOrUpdate: ({ coreSupergraphSdl }) => {
          if (!coreSupergraphSdl || coreSupergraphSdl === this.supergraphSdl) return;
          this.supergraphSdl = coreSupergraphSdl;
          // printed on the first request, not on every registry poll that brings a new version
          this.printed = null;
        },
      }),
    };
  }

  route(identify: (req: Request) => Promise<Identity>): RequestHandler {
    return (req, res, next) => {
      identify(req).then(
        (identity) => {
          if (identity.roles.length === 0) return refuse(res, 'sign in: the schema is published to signed-in callers');
          if (this.supergraphSdl === null) {
            return res.status(503).set('retry-after', '1').json({ errors: [{ message: 'the gateway has no supergraph yet', extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, retryable: true } }] });
          }
          this.printed ??= clientSchemaSdl(this.supergraphSdl);
          res.type('text/plain; charset=utf-8').set('cache-control', 'no-cache').send(this.printed);
        },
        (error) => (error instanceof UnauthenticatedError ? refuse(res, error.message) : next(error)),
      );
    };
  }
}

function refuse(res: Parameters<RequestHandler>[1], message: string): void {
  res.status(401).set('www-authenticate', 'Bearer').json({ errors: [{ message, extensions: { code: ErrorCode.UNAUTHENTICATED } }] });
}
