import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { DataSource } from 'typeorm';
import { AUDIT_EVENTS_PATH } from '../../../../schema/audit/audit-wire';
import { hasRole, Role } from '../../../../schema/identity/roles';
import { type HopVerifier, UnauthenticatedError } from '../../../../schema/identity/signed-identity';
import { appendEvents } from './append-events';
import { readBatch, RejectedBatch } from './read-batch';

const RELAY_PREFIX = 'relay:';
const refuse = (res: Response, status: number, code: string, message: string) => res.status(status).json({ error: { code, message } });

/**
 * `POST /events`: the only way anything is written here. The body is read as
 * text because the relay's signature covers the exact bytes it sent; parsing
 * first and re-serialising would verify something else.
 */
export function mountIngestRoute(app: Express, dataSource: DataSource, verifier: HopVerifier, log: (message: string) => void): void {
  app.post(
    AUDIT_EVENTS_PATH,
    express.text({ type: 'application/json', limit: '5mb' }),
    async (req: Request, res: Response) => {
      const body = typeof req.body === 'string' ? req.body : '';
      let sender: string;
      try {
        // a subgraph's key asserts its own relay alone: `relay:water` is water, or the gateway, never another department
        const relay = (await verifier.verify(req.headers, { query: body })).actor;
        if (!relay.id.startsWith(RELAY_PREFIX) || !hasRole(relay, Role.SYSTEM_ADMIN)) return refuse(res, 403, 'FORBIDDEN', 'only a subgraph relay may deliver audit events');
        sender = relay.id.slice(RELAY_PREFIX.length);
      } catch (error) {
        if (error instanceof UnauthenticatedError) return refuse(res, 401, 'UNAUTHENTICATED', error.message);
        throw error;
      }
      try {
        res.json(await appendEvents(dataSource, readBatch(body, sender)));
      } catch (error) {
        if (error instanceof RejectedBatch) return refuse(res, 400, 'BAD_USER_INPUT', error.message);
        log(`audit delivery from ${sender} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      }
    },
    // body-parser's own failures (too large, bad charset) as JSON, not an HTML page
    (error: { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
      refuse(res, error.status ?? 400, error.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_USER_INPUT', error.type ?? 'unreadable body');
    },
  );
}
