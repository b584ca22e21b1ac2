import type { Request, RequestHandler } from 'express';
import type { Identity } from '../../../schema/identity/roles';
import { callerGate } from '../auth/caller-gate';
import { httpLimits } from './http-limits';
import type { LimitsConfig } from './limits-config';
import { costBudget, requestRateLimit } from './rate-limits';
import { requestLimits } from './request-limits';
import type { ServedSchema } from './served-schema';

export interface CheapRefusalsOptions {
  limits: LimitsConfig;
  identify: (req: Request) => Promise<Identity>;
  publicOperations: readonly string[];
  schema: ServedSchema;
}

/**
 * Everything /graphql refuses before Apollo parses and validates, cheapest
 * first, so a refusal costs less than the request it refuses: the address's
 * request rate (nothing read yet), the caller's token (headers only), the
 * body's size and batch length, the documents' tokens and shape, their cost
 * and the batch's, then the caller's cost budget.
 */
export function cheapRefusals({ limits, identify, publicOperations, schema }: CheapRefusalsOptions): RequestHandler[] {
  const gate = callerGate(identify, publicOperations);
  return [requestRateLimit(limits.rate), gate.beforeBody, ...httpLimits(limits), gate.afterBody, requestLimits(limits, schema), costBudget(limits.rate, identify)];
}
