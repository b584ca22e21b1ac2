import { isProduction, readString } from '../../../schema/config/env';

/** Only for a developer's machine: `npm run token` signs with it; production refuses it. */
export const DEVELOPMENT_TOKEN_SECRET = 'hotline-development-token-secret-do-not-use-in-production';

/** How the gateway checks bearer tokens: a JWKS endpoint, a public key, or (development only) a shared HS256 secret. */
export type AuthConfig =
  | { kind: 'jwks'; url: string; issuer?: string; audience?: string }
  | { kind: 'public-key'; pem: string; algorithm: string; issuer?: string; audience?: string }
  | { kind: 'hs256'; secret: string; issuer?: string; audience?: string };

export function readAuthConfig(env = process.env): AuthConfig {
  const common = { issuer: env.AUTH_ISSUER || undefined, audience: env.AUTH_AUDIENCE || undefined };
  if (env.AUTH_JWKS_URL) return { kind: 'jwks', url: env.AUTH_JWKS_URL, ...common };
  if (env.AUTH_PUBLIC_KEY) {
    return { kind: 'public-key', pem: env.AUTH_PUBLIC_KEY.replace(/\\n/g, '\n'), algorithm: readString('AUTH_ALGORITHM', 'RS256', env), ...common };
  }
  if (isProduction(env)) throw new Error('set AUTH_JWKS_URL or AUTH_PUBLIC_KEY: HS256 shared secrets are for development only');
  return { kind: 'hs256', secret: env.AUTH_HS256_SECRET || DEVELOPMENT_TOKEN_SECRET, ...common };
}
