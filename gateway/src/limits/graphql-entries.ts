import type { Request } from 'express';

/** One operation of a /graphql request, as Apollo will read it. */
export interface GraphQLEntry {
  /** The document's text; absent when the request has none (Apollo refuses it, persisted queries being off). */
  query?: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function fromBody(piece: unknown): GraphQLEntry {
  if (!isRecord(piece)) return {};
  return {
    query: typeof piece.query === 'string' ? piece.query : undefined,
    operationName: typeof piece.operationName === 'string' ? piece.operationName : undefined,
    variables: isRecord(piece.variables) ? piece.variables : undefined,
  };
}

/** Apollo reads a parameter given once and refuses the request otherwise; so does this. */
function once(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  return values.length === 1 ? values[0] : undefined;
}

function fromSearch(url: string): GraphQLEntry {
  const params = new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?')) : '');
  let variables: unknown;
  try {
    variables = JSON.parse(once(params, 'variables') ?? 'null');
  } catch {
    // Apollo answers 400 for it
  }
  return { query: once(params, 'query'), operationName: once(params, 'operationName'), variables: isRecord(variables) ? variables : undefined };
}

/**
 * Every operation of the request: a POST body's one or its batch, or a GET's
 * query string (Apollo serves queries over GET too, so a check that read only
 * POST bodies could be walked around).
 */
export function graphqlEntries(req: Request): GraphQLEntry[] {
  if (req.method === 'GET') return [fromSearch(req.url)];
  return Array.isArray(req.body) ? req.body.map(fromBody) : [fromBody(req.body)];
}
