import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestScope {
  requestId: string;
}

/**
 * The request a piece of work belongs to, carried across awaits. The logger
 * reads it, so every line written while serving a request names that request
 * without each call site passing the id along.
 */
export const requestScope = new AsyncLocalStorage<RequestScope>();

export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}
