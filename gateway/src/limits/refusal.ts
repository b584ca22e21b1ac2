import type { Response } from 'express';
import type { ErrorCode } from '../../../schema/errors';
import { countRefused } from '../../../schema/observability/graphql-metrics';
import { serviceMetrics } from '../../../schema/observability/metrics-registry';

/** A request the gateway answers itself, before Apollo reads it: its status, its stable code and the numbers that tripped it. */
export interface Refusal {
  status: 400 | 401 | 413 | 429;
  code: ErrorCode | 'BAD_REQUEST';
  message: string;
  details?: Record<string, unknown>;
  headers?: Record<string, string>;
}

const CHARGE = 'chargeRefusal';

/** What a refusal (other than a 429) should cost its sender: set by the per-address rate limit for its request. */
export function onRefusal(res: Response, charge: () => void): void {
  res.locals[CHARGE] = charge;
}

/**
 * In the shape of every GraphQL error response, so a client reads a refusal
 * as it reads any other error; counted in /metrics, and charged to the
 * sender's address (see onRefusal).
 */
export function sendRefusal(res: Response, { status, code, message, details = {}, headers = {} }: Refusal): void {
  countRefused(serviceMetrics('gateway'), code);
  if (status !== 429) (res.locals[CHARGE] as (() => void) | undefined)?.();
  res.status(status).set(headers).json({ errors: [{ message, extensions: { code, ...details } }] });
}
