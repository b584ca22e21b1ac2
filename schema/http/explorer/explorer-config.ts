import { isProduction, readString } from '../../config/env';

/** GRAPHQL_EXPLORER: on while developing, off in production unless the operator turns it on (as introspection). */
export function readExplorerSwitch(env = process.env): boolean {
  return readString('GRAPHQL_EXPLORER', isProduction(env) ? 'false' : 'true', env) === 'true';
}
