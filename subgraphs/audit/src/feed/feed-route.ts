import type { Express, Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { AUDIT_FEED_PATH, FEED_READERS, MAX_FEED_PAGE } from '../../../../schema/audit/audit-feed';
import { type HopVerifier, UnauthenticatedError } from '../../../../schema/identity/signed-identity';
import { FeedMismatch, readFeed } from './read-feed';

const refuse = (res: Response, status: number, code: string, message: string) => res.status(status).json({ error: { code, message } });
const EVENT_ID = /^[A-Za-z0-9-]{1,36}$/;

function wholeNumber(value: unknown, fallback: number): number | null {
  if (value === undefined) return fallback;
  const number = typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(number) ? number : null;
}

/**
 * `GET /feed?after=<seq>&afterId=<event id>&limit=<n>`: every stored event in
 * the order the audit service stored it, for services that keep figures
 * (oversight). Signed like the relays' deliveries, over the path and query; a
 * reader speaks only for itself, and only the services in FEED_READERS may read.
 */
export function mountFeedRoute(app: Express, dataSource: DataSource, verifier: HopVerifier, log: (message: string) => void): void {
  app.get(AUDIT_FEED_PATH, async (req: Request, res: Response) => {
    try {
      const hop = await verifier.verify(req.headers, { method: 'GET', query: req.originalUrl });
      if (hop.actor.id !== hop.signer || !(FEED_READERS as readonly string[]).includes(hop.signer)) {
        return refuse(res, 403, 'FORBIDDEN', 'only the oversight service may read the audit feed');
      }
    } catch (error) {
      if (error instanceof UnauthenticatedError) return refuse(res, 401, 'UNAUTHENTICATED', error.message);
      throw error;
    }
    const after = wholeNumber(req.query.after, 0);
    const limit = wholeNumber(req.query.limit, MAX_FEED_PAGE);
    const afterId = req.query.afterId;
    if (after === null || limit === null || limit < 1 || (afterId !== undefined && (typeof afterId !== 'string' || !EVENT_ID.test(afterId)))) {
      return refuse(res, 400, 'BAD_USER_INPUT', 'after and limit must be whole numbers (limit ≥ 1), afterId an event id');
    }
    try {
      res.json(await readFeed(dataSource, { seq: after, eventId: (afterId as string | undefined) ?? null }, Math.min(limit, MAX_FEED_PAGE)));
    } catch (error) {
      if (error instanceof FeedMismatch) return refuse(res, 409, 'CONFLICT', error.message);
      log(`audit feed read failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    }
  });
}
