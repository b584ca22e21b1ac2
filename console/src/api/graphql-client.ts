import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { readToken } from '../session/session';

/** A GraphQL error as the gateway reports it: the message and its stable extensions.code. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

type Document<R, V> = DocumentTypeDecoration<R, V> & { toString(): string };

/**
 * One operation against the public gateway API on this page's own origin
 * (/graphql), with the signed-in user's token. Any error in the answer fails
 * the call: the console shows it rather than half a result.
 */
export function request<R, V>(document: Document<R, V>, variables: V): Promise<R> {
  return postGraphql<R>('/graphql', document.toString(), variables);
}

/** POSTs an operation to a GraphQL endpoint of this origin as the signed-in user; the first error is thrown with its code. */
export async function postGraphql<R>(endpoint: string, query: string, variables: unknown): Promise<R> {
  const token = readToken();
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollographql-client-name': 'hotline-console', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => null)) as { data?: R; errors?: { message: string; extensions?: { code?: string } }[] } | null;
  const first = body?.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  if (!body?.data) throw new ApiError(`HTTP ${response.status}`, response.status === 404 ? 'NOT_FOUND' : 'INTERNAL_SERVER_ERROR');
  return body.data;
}
