import type { HopKeys } from '../../../schema/identity/hop-keys';
import { type Identity, REGISTRY_SERVICE, serviceIdentity } from '../../../schema/identity/roles';
import { signIdentity } from '../../../schema/identity/signed-identity';

/** Who the registry is when it asks a subgraph something itself (intake's catalogue, a candidate's SDL). */
export const REGISTRY_IDENTITY: Identity = serviceIdentity(REGISTRY_SERVICE);

export interface GraphQLAnswer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] } | null;
}

/**
 * POSTs one operation to the subgraph `audience` at `url`: signed with `keys`
 * (the registry's, or a forged pair when probing), or unsigned when `keys` is
 * null. Throws only when nothing answered; a body that is not JSON comes back null.
 */
export async function postGraphQL(url: string, audience: string, query: string, keys: HopKeys | null, timeoutMs = 5000): Promise<GraphQLAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(keys ? await signIdentity(REGISTRY_IDENTITY, keys, audience, { query }) : {}) },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as GraphQLAnswer['body'] };
}
