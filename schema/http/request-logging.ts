import type { RequestHandler } from 'express';
import pinoHttp from 'pino-http';
import type { Logger } from '../observability/logger';
import { currentRequestId, requestScope } from '../observability/request-scope';
import { REQUEST_ID_HEADER, requestIdFrom } from '../request-context';
import { PROBE_PATHS } from './probes';

/**
 * The first handlers of every service: take the caller's request id (or mint
 * one), answer with it, run the rest of the request inside its scope so every
 * log line carries it, and write one access-log line when the response ends.
 */
export function requestLogging(logger: Logger): RequestHandler[] {
  const scope: RequestHandler = (req, res, next) => {
    const requestId = requestIdFrom(req.headers);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    requestScope.run({ requestId }, next);
  };
  const access = pinoHttp({
    logger,
    genReqId: (req) => currentRequestId() ?? requestIdFrom(req.headers),
    autoLogging: { ignore: (req) => PROBE_PATHS.has(req.url ?? '') },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request failed',
    // headers carry bearer tokens and signed identities: the access log keeps the method, path and status only
    serializers: {
      req: (req) => ({ method: req.method, url: req.url }),
      res: (res) => ({ statusCode: res.statusCode }),
    },
    quietReqLogger: true,
  });
  return [scope, access];
}
