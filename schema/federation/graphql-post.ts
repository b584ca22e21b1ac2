import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApolloServer, type BaseContext, HeaderMap } from '@apollo/server';
import type { Express, RequestHandler } from 'express';

/** The body limit of `/graphql`, as express.json had it. */
export const GRAPHQL_BODY_LIMIT = 1024 * 1024;
const JSON_UTF8 = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/**
 * What the gateway sends every subgraph on every hop, served without Express: a `POST /graphql` with a JSON body
 * of a length it declares (≤ 1 MB), UTF-8 and not compressed. Express, its router and its body parsing were 8-10 %
 * of a subgraph's CPU on `ticket(id)`. Anything else (GET, another type or encoding, a chunked or too large body,
 * the probes, /metrics, audit's routes) goes through Express as before, so its answers (413, 415…) are unchanged.
 */
export function isGraphQLPost(req: IncomingMessage): boolean {
  if (req.method !== 'POST' || (req.url !== '/graphql' && !req.url?.startsWith('/graphql?'))) return false;
  const length = Number(req.headers['content-length']);
  const encoding = req.headers['content-encoding'];
  return Number.isInteger(length) && length <= GRAPHQL_BODY_LIMIT && JSON_UTF8.test(req.headers['content-type'] ?? '') && (!encoding || encoding === 'identity');
}

/**
 * Puts `serve` in front of the Express app for the requests isGraphQLPost takes. Express calls `app.handle` for
 * every request, whoever listens (run-subgraph, the tests' in-process stacks), so this is the one place to do it.
 * `prelude` are the handlers every request goes through first (the request id's scope and the access log).
 */
export function serveGraphQLPostsFirst(app: Express, prelude: RequestHandler[], serve: (req: IncomingMessage, res: ServerResponse) => Promise<void>): void {
  const express = (app as unknown as { handle: (req: IncomingMessage, res: ServerResponse, next?: unknown) => void }).handle.bind(app);
  (app as unknown as { handle: typeof express }).handle = (req, res, next) => {
    if (!isGraphQLPost(req)) return express(req, res, next);
    const run = (index: number): void => {
      if (index < prelude.length) return void prelude[index](req as never, res as never, () => run(index + 1));
      serve(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Internal Server Error');
      });
    };
    run(0);
  };
}

/** Reads the declared body; `null` when it is not a JSON object or array (express.json's strict mode refused those too). */
async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const first = /\S/.exec(text)?.[0];
  if (first !== '{' && first !== '[') return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Apollo Server's own HTTP handling for one request, as @as-integrations/express5 calls it, with Node's request and response. */
export function graphQLPostHandler<C extends BaseContext>(apollo: ApolloServer<C>, context: (req: IncomingMessage & { body: unknown }) => Promise<C>) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readJson(req);
    if (body === null) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Bad Request: the body is not a JSON object');
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    const query = req.url!.indexOf('?');
    const withBody = Object.assign(req, { body });
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: query >= 0 ? req.url!.slice(query) : '', body },
      context: () => context(withBody),
    });
    for (const [key, value] of answer.headers) res.setHeader(key, value);
    res.statusCode = answer.status ?? 200;
    if (answer.body.kind === 'complete') {
      res.setHeader('content-length', Buffer.byteLength(answer.body.string));
      res.end(answer.body.string);
      return;
    }
    for await (const chunk of answer.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
