import type { IncomingMessage } from 'node:http';
import { requestIdFrom } from '../request-context';

const ids = new WeakMap<IncomingMessage, string>();

/**
 * The id of the request `req` serves: the caller's `x-request-id` when it is sane, else one minted on first ask and
 * the same for every later reader (the response header, the access log, the GraphQL context, the error log).
 *
 * Kept on the request, not in an AsyncLocalStorage: on Node 20 a store that has run once turns on promise hooks for
 * every promise the process makes (2.6-2.8 % of each subgraph's CPU samples on `ticket(id)`, 1.7 % of the gateway's).
 * Whoever logs during a request has the request or its context at hand.
 */
export function requestIdOf(req: IncomingMessage): string {
  let id = ids.get(req);
  if (id === undefined) {
    id = requestIdFrom(req.headers);
    ids.set(req, id);
  }
  return id;
}
