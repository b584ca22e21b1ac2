import fs from 'node:fs';
import { fetchSubgraphSdl } from '../../../schema/federation/fetch-subgraph-sdl';
import { isProduction } from '../../../schema/config/env';
import { DEVELOPMENT_SCHEMA_READ_TOKEN } from '../../../schema/identity/schema-reader';

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
  'schema-token'?: string;
}

export const need = (value: string | undefined, flag: string): string => {
  if (!value) throw new UsageError(`--${flag} is required here`);
  return value;
};

/** A service's base URL from what was typed: `/graphql` and trailing slashes dropped. */
export const introspectBase = (url: string) => url.replace(/\/+$/, '').replace(/\/graphql$/, '');

/**
 * The `SubgraphInput` to check or publish: the SDL from a file, from standard
 * input (`--schema -`), or from the running service (`{ _service { sdl } }`
 * with the subgraph's schema-read token, which opens nothing else: a
 * department's CI holds no key that speaks for anyone); the routing URL
 * defaults to the introspected service's /graphql, and a check needs none.
 */
export async function readSubgraphInput(flags: SourceFlags, env: NodeJS.ProcessEnv, options: { urlRequired: boolean; stdin: () => Promise<string> }) {
  const name = need(flags.name, 'name');
  if (Boolean(flags.schema) === Boolean(flags.introspect)) throw new UsageError('give exactly one of --schema FILE (or - for standard input) or --introspect URL');
  const base = flags.introspect ? introspectBase(flags.introspect) : undefined;
  const sdl =
    flags.schema === '-'
      ? await options.stdin()
      : flags.schema
        ? fs.readFileSync(flags.schema, 'utf8')
        : (await fetchSubgraphSdl(name, base!, { schemaToken: schemaReadToken(flags, env) })).sdl;
  if (!sdl.trim()) throw new UsageError('the schema is empty');
  const routingUrl = flags.url ?? (base ? `${base}/graphql` : options.urlRequired ? need(undefined, 'url') : '');
  return { name, department: flags.department ?? name, routingUrl, sdl, reason: flags.reason ?? null, force: Boolean(flags.force) };
}

export function schemaReadToken(flags: SourceFlags, env: NodeJS.ProcessEnv): string {
  const token = flags['schema-token'] ?? env.SCHEMA_READ_TOKEN;
  if (token) return token;
  if (isProduction(env)) throw new UsageError('--introspect needs the subgraph\'s schema-read token: give --schema-token or set SCHEMA_READ_TOKEN');
  return DEVELOPMENT_SCHEMA_READ_TOKEN;
}
