import { generateHopKey, readHopKeys } from './hop-keys';
import { Role } from './roles';
import { HopVerifier, signIdentity } from './signed-identity';

const OPERATOR = { id: 'operator-007', roles: [Role.OPERATOR] };
const REQUEST = { query: '{ supplyZones { code } }' };
const jwks = (...keys: { publicJwk: object }[]) => JSON.stringify({ keys: keys.map((key) => key.publicJwk) });
const production = (signing: { privateJwk: object }, trusted: string) => ({ NODE_ENV: 'production', HOP_SIGNING_KEY: JSON.stringify(signing.privateJwk), HOP_TRUSTED_KEYS: trusted });

describe('rotating the gateway key', () => {
  const old = generateHopKey('gateway:2026-06');
  const next = generateHopKey('gateway:2026-12');
  const water = generateHopKey('water:2026-06');

  it('accepts both keys while both are trusted, then only the new one', async () => {
    const gatewayOld = readHopKeys('gateway', production(old, jwks(old, next, water)));
    const gatewayNew = readHopKeys('gateway', production(next, jwks(old, next, water)));
    const during = new HopVerifier(readHopKeys('water', production(water, jwks(old, next, water))));
    await expect(during.verify(await signIdentity(OPERATOR, gatewayOld, 'water', REQUEST), REQUEST)).resolves.toMatchObject({ signer: 'gateway' });
    await expect(during.verify(await signIdentity(OPERATOR, gatewayNew, 'water', REQUEST), REQUEST)).resolves.toMatchObject({ signer: 'gateway' });

    const after = new HopVerifier(readHopKeys('water', production(water, jwks(next, water))));
    await expect(after.verify(await signIdentity(OPERATOR, gatewayOld, 'water', REQUEST), REQUEST)).rejects.toThrow(/no trusted key "gateway:2026-06"/);
    await expect(after.verify(await signIdentity(OPERATOR, gatewayNew, 'water', REQUEST), REQUEST)).resolves.toMatchObject({ actor: { id: 'operator-007' } });
  });

  it('does not let a development key through in production, even when its signer holds one', async () => {
    const verifier = new HopVerifier(readHopKeys('water', production(water, jwks(next, water))));
    const developer = readHopKeys('gateway', { NODE_ENV: 'development' });
    await expect(verifier.verify(await signIdentity(OPERATOR, developer, 'water', REQUEST), REQUEST)).rejects.toThrow(/no trusted key "gateway:development"/);
  });
});
