import { Role, type Identity } from '../../../schema/identity/roles';
import { signIdentity } from '../../../schema/identity/signed-identity';

/** Who the registry is when it asks a subgraph something itself (intake's catalogue, a candidate's SDL). */
export const REGISTRY_IDENTITY: Identity = { id: 'registry', roles: [Role.SYSTEM_ADMIN] };

export interface GraphQLAnswer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] } | null;
}

/**
 * POSTs one operation to a subgraph's /graphql: signed with `secret` (the
 * platform's, or a wrong one when probing), or unsigned when `secret` is null.
 * Throws only when nothing answered; a body that is not JSON comes back null.
 */
export async function postGraphQL(url: string, query: string, secret: string | null, timeoutMs = 5000): Promise<GraphQLAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret ? signIdentity(REGISTRY_IDENTITY, secret, query) : {}) },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as GraphQLAnswer['body'] };
}
