import type { RequestHandler } from 'express';
import pinoHttp from 'pino-http';
import type { Logger } from '../observability/logger';
import { requestIdOf } from '../observability/request-id';
import { REQUEST_ID_HEADER } from '../request-context';
import { PROBE_PATHS } from './probes';

/**
 * The first handlers of every service: take the caller's request id (or mint
 * one), answer with it, and write one access-log line, with that id, when the
 * response ends.
 */
export function requestLogging(logger: Logger): RequestHandler[] {
  const scope: RequestHandler = (req, res, next) => {
    res.setHeader(REQUEST_ID_HEADER, requestIdOf(req));
    next();
  };
  const access = pinoHttp({
    logger,
    genReqId: (req) => requestIdOf(req),
    // the access line names the request as the error lines do
    customAttributeKeys: { reqId: 'requestId' },
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
