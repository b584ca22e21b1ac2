import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { DataSource } from 'typeorm';
import type { HopVerifier } from '../../../schema/identity/signed-identity';
import { gatewayCaller } from '../http/signed-request';
import { readUsageBatch, RejectedUsage } from './read-usage-batch';
import { recordUsage } from './record-usage';

export const USAGE_PATH = '/usage';

const refuse = (res: Response, status: number, code: string, message: string) => res.status(status).json({ error: { code, message } });

/**
 * `POST /usage`: the gateway's batches of which operation selected what. The
 * body is read as text because the signature covers the exact bytes sent.
 */
export function mountUsageRoute(app: Express, dataSource: DataSource, options: { verifier: HopVerifier; windowDays: number }, log: (message: string) => void): void {
  app.post(
    USAGE_PATH,
    express.text({ type: 'application/json', limit: '5mb' }),
    async (req: Request, res: Response) => {
      const body = typeof req.body === 'string' ? req.body : '';
      if (!(await gatewayCaller(req, res, options.verifier, { query: body }))) return;
      try {
        const operations = readUsageBatch(body);
        await recordUsage(dataSource, operations, options.windowDays);
        res.json({ recorded: operations.length });
      } catch (error) {
        if (error instanceof RejectedUsage) return refuse(res, 400, 'BAD_USER_INPUT', error.message);
        log(`POST /usage failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      }
    },
    // body-parser's own failures (too large, bad charset) as JSON, not an HTML page
    (error: { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
      refuse(res, error.status ?? 400, error.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_USER_INPUT', error.type ?? 'unreadable body');
    },
  );
}
