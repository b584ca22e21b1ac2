import type { HopRequest } from '../identity/signed-identity';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * The parts of a GraphQL request a hop signature covers, read the way Apollo
 * Server reads them: the JSON body of a POST, the URL parameters of a GET
 * (variables as JSON text there). A GET signed as a POST does not match.
 */
export function hopRequestOf(req: { method?: string; body?: unknown; query?: unknown }): HopRequest {
  const method = (req.method ?? 'GET').toUpperCase();
  const source = (method === 'GET' ? req.query : req.body) as Record<string, unknown> | undefined;
  if (!source || typeof source !== 'object' || Array.isArray(source)) return { method, query: '' };
  let variables = source.variables;
  if (method === 'GET' && typeof variables === 'string') {
    try {
      variables = JSON.parse(variables);
    } catch {
      // Apollo refuses it too; the signature simply does not match
    }
  }
  return { method, query: text(source.query), operationName: text(source.operationName) || null, variables };
}
