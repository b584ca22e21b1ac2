import { createPrivateKey, createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { mintDevelopmentToken, type TokenRequest } from '../../gateway/src/auth/mint-token';
import { developmentHopKeys, type HopKeys, type HopSigner } from '../../schema/identity/hop-keys';
import { macKeyFor } from '../../schema/identity/hop-mac';
import { type Identity, Role } from '../../schema/identity/roles';
import { type HopRequest, signIdentity } from '../../schema/identity/signed-identity';

const keys = new Map<string, HopKeys>();
const alsoTrusted = new Map<string, KeyObject>();
/** Gateway keys made for a test: each in-process subgraph holds the MAC key derived from it for itself. */
const alsoTrustedGateways = new Map<string, HopSigner>();
/**
 * A service's development key (derived from its name, as every service outside
 * production does): what a test plays that service with. The in-process
 * services trust the development keys, and whatever a test adds with trustInTests.
 */
export function testKeys(service: string): HopKeys {
  if (!keys.has(service)) {
    const development = developmentHopKeys(service);
    keys.set(service, { service, signer: development.signer, publicKey: (keyId) => alsoTrusted.get(keyId) ?? development.publicKey(keyId), macKey: (keyId) => {
        const gateway = alsoTrustedGateways.get(keyId);
        return gateway ? macKeyFor(gateway, service) : development.macKey(keyId);
      },
    });
  }
  return keys.get(service)!;
}

/**
 * Lets the in-process services trust a key made for a test (a production gateway's, say), and with a gateway's
 * private key hold the MAC keys env:generate would give each subgraph.
 */
export function trustInTests(publicJwk: JsonWebKey & { kid: string }, privateJwk?: JsonWebKey & { kid: string }): void {
  alsoTrusted.set(publicJwk.kid, createPublicKey({ key: publicJwk, format: 'jwk' }));
  if (privateJwk) alsoTrustedGateways.set(privateJwk.kid, { keyId: privateJwk.kid, service: 'gateway', privateKey: createPrivateKey({ key: privateJwk, format: 'jwk' }) });
}

/** The headers the gateway would send `audience` for `identity` and this request (a query text, or the whole request). */
export const signedAsGateway = (identity: Identity, audience: string, request: string | HopRequest, now?: number) =>
  signIdentity(identity, testKeys('gateway'), audience, typeof request === 'string' ? { query: request } : request, { now });

export const TEST_TOKEN_SECRET = 'test-token-secret-0123456789abcdef';

/** The people who use the platform in tests; `citizen` is the caller of `ticketInput()`. */
export const PERSONAS = {
  citizen: { sub: 'citizen-zhang', roles: [Role.CITIZEN], phone: '13912345678' },
  otherCitizen: { sub: 'citizen-wang', roles: [Role.CITIZEN], phone: '13800001111' },
  operator: { sub: 'operator-007', roles: [Role.OPERATOR] },
  supervisor: { sub: 'supervisor-01', roles: [Role.SUPERVISOR] },
  waterStaff: { sub: 'water-staff-1', roles: [Role.DEPARTMENT_STAFF], dept: 'water' },
  waterAdmin: { sub: 'water-admin-1', roles: [Role.DEPARTMENT_ADMIN], dept: 'water' },
  streetlightStaff: { sub: 'streetlight-staff-1', roles: [Role.DEPARTMENT_STAFF], dept: 'streetlight' },
  transitStaff: { sub: 'transit-staff-1', roles: [Role.DEPARTMENT_STAFF], dept: 'transit' },
  auditor: { sub: 'auditor-1', roles: [Role.AUDITOR] },
  observer: { sub: 'press-seat', roles: [Role.OBSERVER] },
  systemAdmin: { sub: 'sysadmin-1', roles: [Role.SYSTEM_ADMIN] },
} satisfies Record<string, TokenRequest>;

export type Persona = keyof typeof PERSONAS;

const tokens = new Map<string, Promise<string>>();

/** A bearer token for a persona, as the city's identity provider would issue it (cached per run). */
export function tokenFor(persona: Persona, overrides: Partial<TokenRequest> = {}): Promise<string> {
  const key = `${persona}:${JSON.stringify(overrides)}`;
  if (!tokens.has(key)) tokens.set(key, mintDevelopmentToken(TEST_TOKEN_SECRET, { ...PERSONAS[persona], ...overrides }));
  return tokens.get(key)!;
}
