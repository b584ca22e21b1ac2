import type { HopKeys } from '../identity/hop-keys';
import { serviceIdentity } from '../identity/roles';
import { signIdentity } from '../identity/signed-identity';

/** A subgraph's name, routing URL and SDL, as composition takes it. */
export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

// apart from composition: the CLI reads SDLs without loading @apollo/composition (~0.3 s of its start)
const SDL_QUERY = '{ _service { sdl } }';

/** A platform service's keys, or a department's schema-read token (schema-reader.ts), which opens the SDL alone. */
export type SdlCredential = HopKeys | { schemaToken: string };

/** Reads a running subgraph's SDL the way a gateway does: `{ _service { sdl } }`, signed by the service asking or with a schema-read token. */
export async function fetchSubgraphSdl(name: string, url: string, credential: SdlCredential): Promise<SubgraphSdl> {
  const authorization =
    'schemaToken' in credential
      ? { authorization: `Bearer ${credential.schemaToken}` }
      : await signIdentity(serviceIdentity(credential.service), credential, name, { query: SDL_QUERY });
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authorization },
    body: JSON.stringify({ query: SDL_QUERY }),
    signal: AbortSignal.timeout(5000),
  });
  const body = (await response.json().catch(() => ({}))) as { data?: { _service: { sdl: string } }; errors?: { message: string }[] };
  if (!body.data) throw new Error(`${name} at ${url} did not return its SDL${body.errors?.[0] ? `: ${body.errors[0].message}` : ` (HTTP ${response.status})`}`);
  return { name, url, sdl: body.data._service.sdl };
}
