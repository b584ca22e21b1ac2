import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { isDatabaseUnavailable } from '../database/database-unavailable';
import { RETRYABLE_CODES, ServiceUnavailableError } from '../errors';
import type { Logger } from '../observability/logger';
import { formatPublicError, isPublicCode } from './format-error';

/**
 * What a service's clients see of its errors, and what its log keeps. A
 * database outage becomes SERVICE_UNAVAILABLE (retryable); a public error is
 * passed on; anything else is logged once, with the request id and its cause,
 * and shown as a bare INTERNAL_SERVER_ERROR.
 */
export function errorFormatter(service: string, logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (isDatabaseUnavailable(original)) {
      logger.warn({ err: original, path: formatted.path }, 'database unavailable');
      const unavailable = new ServiceUnavailableError(service, 'database');
      return { message: unavailable.message, path: formatted.path, extensions: unavailable.extensions };
    }
    if (isPublicCode(formatted.extensions?.code)) return formatPublicError(formatted);
    logger.error({ err: original, path: formatted.path, code: formatted.extensions?.code }, 'internal error (masked)');
    return formatPublicError(formatted);
  };
}

/**
 * When nothing of an operation could be served and the reason is an outage,
 * the HTTP status says so (503 with Retry-After), so proxies and client
 * libraries that retry on 503 do the right thing without reading the body.
 */
export function unavailableStatus(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (!errors?.length || (data && Object.values(data).some((value) => value !== null))) return;
          if (!errors.every((error) => RETRYABLE_CODES.has(String(error.extensions?.code)))) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', '1');
        },
      };
    },
  };
}
