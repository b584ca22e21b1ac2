import type { Request, RequestHandler, Response } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { ErrorCode } from '../../../schema/errors';
import type { Identity } from '../../../schema/identity/roles';
import type { RateLimitsConfig } from './limits-config';
import { onRefusal, sendRefusal } from './refusal';
import { requestCost } from './request-limits';

/**
 * How long a 429 is held before it is sent. Even a refusal costs the gateway
 * its HTTP work (~1 ms of CPU on the 2-core machine): a client that ignores
 * Retry-After and resends at once could keep a core busy with refusals alone;
 * held, each of its connections gets about one answer a second.
 */
const HOLD_MS = 1000;

/**
 * What a refused request (a bomb, no token, a body too large) costs its
 * address, in requests. A console that is refused now and then loses little
 * of its allowance; a source sending nothing but bombs runs out after a tenth
 * as many, and gets held 429s from then on, the cheapest answer there is.
 */
const REFUSAL_COST = 10;

/** 429 with when to come back, in the header proxies and client libraries read and in the body for the rest. */
function tooMany(res: Response, refused: RateLimiterRes, message: string, limit: 'requests' | 'cost'): void {
  const held = Math.min(refused.msBeforeNext, HOLD_MS);
  const retryAfterMs = Math.max(refused.msBeforeNext - held, 1);
  setTimeout(() => {
    sendRefusal(res, {
      status: 429,
      code: ErrorCode.RATE_LIMITED,
      message,
      details: { limit, retryAfterMs },
      headers: { 'retry-after': String(Math.ceil(retryAfterMs / 1000)) },
    });
  }, held);
}

/**
 * Consumes from the limiter; a refusal resolves to its RateLimiterRes, a store
 * failure rejects. The limiter counts refused points too; `giveBack` returns
 * them, so a refused expensive request leaves its caller the cheap ones.
 */
async function consume(limiter: RateLimiterMemory, key: string, points: number, giveBack = false): Promise<RateLimiterRes | null> {
  try {
    await limiter.consume(key, points);
    return null;
  } catch (outcome) {
    if (!(outcome instanceof RateLimiterRes)) throw outcome;
    if (giveBack) await limiter.reward(key, points);
    return outcome;
  }
}

/**
 * Requests per client address, counted before the body is read: the first
 * and cheapest refusal; a request refused further on counts REFUSAL_COST
 * times. The address is `req.ip`, which follows X-Forwarded-For only as far
 * as TRUST_PROXY says.
 */
export function requestRateLimit(config: RateLimitsConfig): RequestHandler {
  const limiter = new RateLimiterMemory({ keyPrefix: 'ip', points: config.ipRequests, duration: config.ipWindowSeconds });
  return (req, res, next) => {
    const address = req.ip ?? 'unknown';
    consume(limiter, address, 1).then((refused) => {
      if (!refused) {
        onRefusal(res, () => {
          limiter.penalty(address, REFUSAL_COST - 1).catch(() => undefined);
        });
        return next();
      }
      tooMany(res, refused, `more than ${config.ipRequests} requests from this address in ${config.ipWindowSeconds} s (a refused one counts ${REFUSAL_COST})`, 'requests');
    }, next);
  };
}

/**
 * Estimated cost per caller over a window: a caller may send many cheap
 * operations or a few expensive ones. Runs after the estimate, so a request
 * refused by a limit, or by the budget itself, costs its caller nothing.
 */
export function costBudget(config: RateLimitsConfig, identify: (req: Request) => Promise<Identity>): RequestHandler {
  const limiter = new RateLimiterMemory({ keyPrefix: 'cost', points: config.costPoints, duration: config.costWindowSeconds });
  return (req, res, next) => {
    identify(req)
      .then((identity) => {
        // anonymous callers (public operations only) share their address's budget
        const key = identity.roles.length ? `user:${identity.id}` : `address:${req.ip ?? 'unknown'}`;
        return consume(limiter, key, Math.max(requestCost(res), 1), true);
      })
      .then((refused) => {
        if (!refused) return next();
        tooMany(res, refused, `this caller spent its budget of ${config.costPoints} cost points per ${config.costWindowSeconds} s`, 'cost');
      }, next);
  };
}
