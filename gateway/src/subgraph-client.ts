import { STATUS_CODES } from 'node:http';
import { GraphQLError } from 'graphql';
import { Agent, request } from 'undici';

/**
 * One pool of kept-alive connections per subgraph origin for the whole
 * gateway process, shared by every supergraph the gateway loads in turn.
 * undici's `request` rather than `fetch`: fetch builds a WHATWG Request,
 * Headers and a web ReadableStream for every call, which cost the gateway
 * more CPU than planning the operation (see README, Benchmarks).
 */
const pools = new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000 });

/**
 * POSTs one GraphQL request; `signal` aborts it (closing its socket). A
 * non-2xx answer is thrown the way RemoteGraphQLDataSource reports one (a
 * GraphQLError with `extensions.response`), which the resilience rules read.
 */
export async function postGraphQL(url: string, headers: Record<string, string>, body: string, signal: AbortSignal): Promise<unknown> {
  const response = await request(url, { method: 'POST', headers, body, signal, dispatcher: pools });
  const contentType = String(response.headers['content-type'] ?? '');
  const json = contentType.startsWith('application/json') || contentType.startsWith('application/graphql-response+json');
  const answer = json ? await response.body.json() : await response.body.text();
  if (response.statusCode >= 200 && response.statusCode < 300) {
    if (answer === null || typeof answer !== 'object') throw new Error(`Expected JSON response body, but received: ${String(answer)}`);
    return answer;
  }
  const statusText = STATUS_CODES[response.statusCode] ?? '';
  const code = response.statusCode === 401 ? 'UNAUTHENTICATED' : response.statusCode === 403 ? 'FORBIDDEN' : undefined;
  throw new GraphQLError(`${response.statusCode}: ${statusText}`, {
    extensions: { response: { url, status: response.statusCode, statusText, body: answer }, ...(code ? { code } : {}) },
  });
}
