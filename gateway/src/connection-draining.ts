import type { RequestHandler, Response } from 'express';

/**
 * Tells keep-alive clients to reconnect once the gateway is stopping: every
 * response written from then on, those in flight included, says
 * `Connection: close`. Otherwise a client sends its next request on a socket
 * the stop is about to close; that request is reset unanswered, and the
 * client cannot tell whether it ran. Told to close, it connects anew: refused
 * here, or routed to another replica.
 */
export function connectionDraining(): { track: RequestHandler; drain(): void } {
  const open = new Set<Response>();
  let draining = false;
  return {
    track: (_req, res, next) => {
      if (draining) {
        res.shouldKeepAlive = false;
      } else {
        open.add(res);
        res.on('close', () => open.delete(res));
      }
      next();
    },
    drain: () => {
      draining = true;
      for (const res of open) if (!res.headersSent) res.shouldKeepAlive = false;
      open.clear();
    },
  };
}
