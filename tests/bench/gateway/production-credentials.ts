import { generateKeyPairSync } from 'node:crypto';
import { importPKCS8, SignJWT } from 'jose';
import { generateHopKey } from '../../../schema/identity/hop-keys';

/**
 * What a production gateway is given, made fresh for one benchmark run: an
 * identity provider's RS256 key (the gateway gets the public half, the load
 * client a token signed with the private half) and the gateway's own Ed25519
 * hop-signing key with the public key set. Nothing here is a development key,
 * so NODE_ENV=production accepts it.
 */
export interface ProductionCredentials {
  env: Record<string, string>;
  token: string;
}

export async function productionCredentials(): Promise<ProductionCredentials> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signing = await importPKCS8(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), 'RS256');
  const token = await new SignJWT({ roles: ['OPERATOR'] })
    .setProtectedHeader({ alg: 'RS256' })
    .setSubject('bench-operator')
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(signing);
  const hop = generateHopKey('gateway:bench');
  return {
    token,
    env: {
      AUTH_PUBLIC_KEY: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
      AUTH_ALGORITHM: 'RS256',
      HOP_SIGNING_KEY: JSON.stringify(hop.privateJwk),
      HOP_TRUSTED_KEYS: JSON.stringify({ keys: [hop.publicJwk] }),
    },
  };
}
