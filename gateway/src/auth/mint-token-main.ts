import { parseArgs } from 'node:util';
import { Role } from '../../../schema/identity/roles';
import { readAuthConfig } from '../../../schema/identity/auth-config';
import { mintDevelopmentToken } from './mint-token';

/**
 * npm run token -- --role operator [--role supervisor] [--dept water] [--sub op-007] [--phone 13912345678] [--expires 8h]
 * Prints a bearer token for the gateway's development (HS256) configuration.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      dept: { type: 'string' },
      sub: { type: 'string' },
      phone: { type: 'string' },
      expires: { type: 'string', default: '8h' },
    },
  });
  const roles = (values.role ?? []).map((name) => name.toUpperCase().replace(/-/g, '_'));
  const unknown = roles.filter((role) => !(Object.values(Role) as string[]).includes(role));
  if (roles.length === 0 || unknown.length) {
    throw new Error(`give --role one or more of: ${Object.values(Role).join(', ').toLowerCase()}${unknown.length ? ` (not: ${unknown.join(', ')})` : ''}`);
  }
  const config = readAuthConfig();
  if (config.kind !== 'hs256') throw new Error('tokens are minted only for the development HS256 configuration');
  const token = await mintDevelopmentToken(config.secret, {
    sub: values.sub ?? `dev-${roles[0].toLowerCase()}`,
    roles: roles as Role[],
    dept: values.dept,
    phone: values.phone,
    expiresIn: values.expires,
  });
  console.log(token);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
