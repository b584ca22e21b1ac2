import { GATEWAY_IDENTITY } from '../../../schema/identity/roles';
import type { HopKeys } from '../../../schema/identity/hop-keys';
import { REGISTRY_SERVICE } from '../../../schema/identity/roles';
import { signIdentity } from '../../../schema/identity/signed-identity';

/** What the registry serves at `GET /supergraph`: the composed supergraph it currently stands behind. */
export interface PublishedSupergraph {
  version: number;
  id: string;
  supergraphSdl: string;
  /** `url` is the subgraph's routing URL, its `/graphql` endpoint. */
  subgraphs: { name: string; url: string }[];
}

const SUPERGRAPH_PATH = '/supergraph';

/**
 * Reads the current supergraph, signed as the gateway (the registry signs GETs
 * over the path). `null` when nothing is published yet; throws when the
 * registry cannot be reached or answers with anything else.
 */
export async function fetchPublishedSupergraph(registryUrl: string, hopKeys: HopKeys, timeoutMs = 5000): Promise<PublishedSupergraph | null> {
  const response = await fetch(`${registryUrl}${SUPERGRAPH_PATH}`, {
    headers: await signIdentity(GATEWAY_IDENTITY, hopKeys, REGISTRY_SERVICE, { method: 'GET', query: SUPERGRAPH_PATH }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`GET ${SUPERGRAPH_PATH} answered HTTP ${response.status}`);
  const body = (await response.json()) as Partial<PublishedSupergraph>;
  if (typeof body.supergraphSdl !== 'string' || typeof body.version !== 'number' || typeof body.id !== 'string') {
    throw new Error(`GET ${SUPERGRAPH_PATH} answered without a supergraph`);
  }
  return { version: body.version, id: body.id, supergraphSdl: body.supergraphSdl, subgraphs: body.subgraphs ?? [] };
}
