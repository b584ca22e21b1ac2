import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { ErrorCode } from '../../../schema/errors';
import type { LimitsConfig } from './limits-config';
import { sendRefusal } from './refusal';

/** Body parsing with a size cap, and a cap on batched operations, before Apollo sees anything. */
export function httpLimits(limits: LimitsConfig): RequestHandler[] {
  const batchLimit: RequestHandler = (req, res, next) => {
    if (Array.isArray(req.body) && req.body.length > limits.maxBatch) {
      sendRefusal(res, { status: 400, code: ErrorCode.BATCH_TOO_LARGE, message: `a batch may hold at most ${limits.maxBatch} operations` });
      return;
    }
    next();
  };
  return [express.json({ limit: limits.maxBodyBytes }), batchLimit];
}

/** Turns body-parser's 413 into the same GraphQL error shape as every other refusal. */
export const payloadTooLarge: ErrorRequestHandler = (error, _req, res, next) => {
  if ((error as { type?: string }).type === 'entity.too.large') {
    sendRefusal(res, { status: 413, code: ErrorCode.PAYLOAD_TOO_LARGE, message: 'the request body is too large' });
    return;
  }
  if ((error as { type?: string }).type === 'entity.parse.failed') {
    sendRefusal(res, { status: 400, code: 'BAD_REQUEST', message: 'the request body is not valid JSON' });
    return;
  }
  next(error);
};
