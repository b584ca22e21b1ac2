import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { ErrorCode } from '../../../schema/errors';
import type { LimitsConfig } from './limits-config';

function refuse(code: string, message: string) {
  return { errors: [{ message, extensions: { code } }] };
}

/** Body parsing with a size cap, and a cap on batched operations, before Apollo sees anything. */
export function httpLimits(limits: LimitsConfig): RequestHandler[] {
  const batchLimit: RequestHandler = (req, res, next) => {
    if (Array.isArray(req.body) && req.body.length > limits.maxBatch) {
      res.status(400).json(refuse(ErrorCode.BATCH_TOO_LARGE, `a batch may hold at most ${limits.maxBatch} operations`));
      return;
    }
    next();
  };
  return [express.json({ limit: limits.maxBodyBytes }), batchLimit];
}

/** Turns body-parser's 413 into the same GraphQL error shape as every other refusal. */
export const payloadTooLarge: ErrorRequestHandler = (error, _req, res, next) => {
  if ((error as { type?: string }).type === 'entity.too.large') {
    res.status(413).json(refuse(ErrorCode.PAYLOAD_TOO_LARGE, 'the request body is too large'));
    return;
  }
  if ((error as { type?: string }).type === 'entity.parse.failed') {
    res.status(400).json(refuse('BAD_REQUEST', 'the request body is not valid JSON'));
    return;
  }
  next(error);
};
