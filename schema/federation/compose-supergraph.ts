import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { GATEWAY_IDENTITY } from '../identity/roles';
import { signIdentity } from '../identity/signed-identity';

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

export type Composition = { kind: 'success'; supergraphSdl: string; hints: string[] } | { kind: 'failure'; errors: string[] };

/** Composes subgraph SDLs into the supergraph, reporting every composition error at once. */
export function composeSupergraph(subgraphs: SubgraphSdl[]): Composition {
  const result = composeServices(subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (result.errors) return { kind: 'failure', errors: result.errors.map((error) => error.message) };
  return { kind: 'success', supergraphSdl: result.supergraphSdl, hints: result.hints.map((hint) => hint.definition.code + ': ' + hint.message) };
}

const SDL_QUERY = '{ _service { sdl } }';

/** Reads a running subgraph's SDL the way a gateway does: `{ _service { sdl } }`, signed as the gateway. */
export async function fetchSubgraphSdl(name: string, url: string, signingSecret: string): Promise<SubgraphSdl> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signIdentity(GATEWAY_IDENTITY, signingSecret, SDL_QUERY) },
    body: JSON.stringify({ query: SDL_QUERY }),
    signal: AbortSignal.timeout(5000),
  });
  const body = (await response.json()) as { data?: { _service: { sdl: string } } };
  if (!body.data) throw new Error(`${name} at ${url} did not return its SDL`);
  return { name, url, sdl: body.data._service.sdl };
}
