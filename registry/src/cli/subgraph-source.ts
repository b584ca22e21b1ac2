import fs from 'node:fs';
import { fetchSubgraphSdl } from '../../../schema/federation/compose-supergraph';
import { readSigningSecret } from '../../../schema/config/env';

/** A mistake in the command line: the CLI exits 2 and prints its usage. */
export class UsageError extends Error {}

export interface SourceFlags {
  name?: string;
  department?: string;
  url?: string;
  schema?: string;
  introspect?: string;
  reason?: string;
  force?: boolean;
}

export const need = (value: string | undefined, flag: string): string => {
  if (!value) throw new UsageError(`--${flag} is required here`);
  return value;
};

/**
 * The `SubgraphInput` to check or publish: the SDL from a file, or from the
 * running service (`{ _service { sdl } }`, signed like the gateway signs it);
 * the routing URL defaults to the introspected service's /graphql.
 */
export async function readSubgraphInput(flags: SourceFlags, env: NodeJS.ProcessEnv) {
  const name = need(flags.name, 'name');
  if (Boolean(flags.schema) === Boolean(flags.introspect)) throw new UsageError('give exactly one of --schema FILE or --introspect URL');
  const base = flags.introspect?.replace(/\/+$/, '').replace(/\/graphql$/, '');
  const sdl = flags.schema ? fs.readFileSync(flags.schema, 'utf8') : (await fetchSubgraphSdl(name, base!, readSigningSecret(env))).sdl;
  const routingUrl = flags.url ?? (base ? `${base}/graphql` : need(undefined, 'url'));
  return { name, department: flags.department ?? name, routingUrl, sdl, reason: flags.reason ?? null, force: Boolean(flags.force) };
}
