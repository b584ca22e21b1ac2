import cors from 'cors';
import type { RequestHandler } from 'express';

/** What a browser front-end sends besides the body: its token, JSON, its request id, and its name for usage reports. */
const ALLOWED_HEADERS = ['authorization', 'content-type', 'x-request-id', 'apollographql-client-name', 'apollographql-client-version'];

/**
 * CORS for /graphql, for the configured origins only. A preflight from one of
 * them is answered 204 with the methods and headers allowed; any other origin
 * gets no CORS headers at all (its browser refuses the response), and with no
 * origins configured nothing is mounted.
 */
export function corsPolicy(origins: readonly string[]): RequestHandler[] {
  if (origins.length === 0) return [];
  const allowed = new Set(origins);
  return [
    cors({
      origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
      methods: ['GET', 'POST'],
      allowedHeaders: ALLOWED_HEADERS,
      exposedHeaders: ['retry-after'],
      maxAge: 600,
    }),
  ];
}
