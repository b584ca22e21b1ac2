import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { importPKCS8 } from 'jose';
import { generateHopKey, type HopSigner } from '../../schema/identity/hop-keys';
import { deriveMacKey } from '../../schema/identity/hop-mac';
import { mintToken, type TokenRequest } from '../../gateway/src/auth/mint-token';

/**
 * What production services are given, made fresh for one benchmark run, as
 * `npm run env:generate` would give them: an identity provider's RS256 key (the
 * gateway gets the public half, the load client tokens signed with the private
 * half), each service's own Ed25519 hop key with the public key set, and each
 * subgraph the MAC key the gateway derives for it. Nothing here is a development
 * key, so NODE_ENV=production accepts it.
 */
export interface ProductionCredentials {
  /** What every service reads. */
  env: Record<string, string>;
  /** What one service alone reads: its private key, and a subgraph's MAC key. */
  envOf(service: string): Record<string, string>;
  /** A bearer token as the city's identity provider would sign it. */
  tokenFor(request: TokenRequest): Promise<string>;
}

export async function productionCredentials(services: readonly string[] = ['gateway'], subgraphs: readonly string[] = []): Promise<ProductionCredentials> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signing = await importPKCS8(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), 'RS256');
  const keys = new Map([...new Set(['gateway', ...services, ...subgraphs])].map((service) => [service, generateHopKey(`${service}:bench`)]));
  const gatewayJwk = keys.get('gateway')!.privateJwk;
  const gateway: HopSigner = { keyId: gatewayJwk.kid, service: 'gateway', privateKey: createPrivateKey({ key: gatewayJwk, format: 'jwk' }) };
  const macKeys = (subgraph: string) => JSON.stringify({ keys: [{ kty: 'oct', kid: gateway.keyId, k: deriveMacKey(gateway, subgraph).export().toString('base64url') }] });
  return {
    env: {
      NODE_ENV: 'production',
      // empty is unset: a process stack's development secret would stop a production gateway
      AUTH_HS256_SECRET: '',
      AUTH_PUBLIC_KEY: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
      AUTH_ALGORITHM: 'RS256',
      HOP_TRUSTED_KEYS: JSON.stringify({ keys: [...keys.values()].map((key) => key.publicJwk) }),
    },
    envOf: (service) => ({
      HOP_SIGNING_KEY: JSON.stringify(keys.get(service)!.privateJwk),
      ...(subgraphs.includes(service) ? { HOP_MAC_KEYS: macKeys(service) } : {}),
    }),
    tokenFor: (request) => mintToken(request, 'RS256', signing),
  };
}
