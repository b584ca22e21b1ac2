import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { isDatabaseUnavailable } from '../database/database-unavailable';
import { ErrorCode, RETRYABLE_CODES, ServiceUnavailableError } from '../errors';
import type { Logger } from '../observability/logger';
import { formatPublicError, isPublicCode } from './format-error';

/**
 * What a service's clients see of its errors. A database outage becomes SERVICE_UNAVAILABLE (retryable); a public
 * error is passed on; anything else is shown as a bare INTERNAL_SERVER_ERROR. errorLog writes what the log keeps.
 */
export function errorFormatter(service: string) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (isDatabaseUnavailable(unwrapResolverError(error))) {
      const unavailable = new ServiceUnavailableError(service, 'database');
      return { message: unavailable.message, path: formatted.path, extensions: unavailable.extensions };
    }
    return formatPublicError(formatted);
  };
}

/**
 * The log's side of errorFormatter: an outage and every internal error are logged once, with the request id and the
 * cause. A plugin, not formatError, because formatError is not told which request an error belongs to. A context
 * that failed to build (no request id yet) is logged too.
 */
export function errorLog(logger: Logger): ApolloServerPlugin<{ requestId?: string }> {
  const report = (error: unknown, path: readonly (string | number)[] | undefined, requestId: string | undefined) => {
    const original = unwrapResolverError(error);
    const where = { ...(requestId ? { requestId } : {}), ...(path ? { path } : {}) };
    if (isDatabaseUnavailable(original)) return logger.warn({ err: original, ...where }, 'database unavailable');
    const code = (error as GraphQLError).extensions?.code;
    if (!isPublicCode(code)) logger.error({ err: original, ...where, code: code ?? ErrorCode.INTERNAL_SERVER_ERROR }, 'internal error (masked)');
  };
  return {
    async contextCreationDidFail({ error }) {
      report(error, undefined, undefined);
    },
    async requestDidStart({ contextValue }) {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) report(error, error.path, contextValue.requestId);
        },
      };
    },
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
