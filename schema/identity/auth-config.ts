import { DEVELOPMENT_TOKEN_SECRET, isDevelopmentSecret, isProduction, readString } from '../config/env';

export { DEVELOPMENT_TOKEN_SECRET };

/** How the gateway checks bearer tokens: a JWKS endpoint, a public key, or (development only) a shared HS256 secret. */
export type AuthConfig =
  | { kind: 'jwks'; url: string; issuer?: string; audience?: string }
  | { kind: 'public-key'; pem: string; algorithm: string; issuer?: string; audience?: string }
  | { kind: 'hs256'; secret: string; issuer?: string; audience?: string };

export function readAuthConfig(env = process.env): AuthConfig {
  if (isProduction(env)) refuseDevelopmentAuth(env);
  const common = { issuer: env.AUTH_ISSUER || undefined, audience: env.AUTH_AUDIENCE || undefined };
  if (env.AUTH_JWKS_URL) return { kind: 'jwks', url: env.AUTH_JWKS_URL, ...common };
  if (env.AUTH_PUBLIC_KEY) {
    return { kind: 'public-key', pem: env.AUTH_PUBLIC_KEY.replace(/\\n/g, '\n'), algorithm: readString('AUTH_ALGORITHM', 'RS256', env), ...common };
  }
  if (isProduction(env)) throw new Error('set AUTH_JWKS_URL or AUTH_PUBLIC_KEY: HS256 shared secrets are for development only');
  return { kind: 'hs256', secret: env.AUTH_HS256_SECRET || DEVELOPMENT_TOKEN_SECRET, ...common };
}

/**
 * A shared secret in a production gateway is one leak away from anyone minting
 * tokens, and the development ones are public: any trace of HS256 stops start-up,
 * even beside a real key, so nobody believes it is in use.
 */
function refuseDevelopmentAuth(env: NodeJS.ProcessEnv): void {
  if (env.AUTH_HS256_SECRET) {
    const which = isDevelopmentSecret(env.AUTH_HS256_SECRET) ? 'the development secret published in the repository' : 'a shared secret';
    throw new Error(`AUTH_HS256_SECRET is set (${which}): HS256 is for development only; unset it and verify tokens with AUTH_JWKS_URL or AUTH_PUBLIC_KEY when NODE_ENV=production`);
  }
  if (/^HS/i.test(env.AUTH_ALGORITHM ?? '')) {
    throw new Error(`AUTH_ALGORITHM=${env.AUTH_ALGORITHM} is a shared-secret algorithm, for development only; use RS256, PS256, ES256 or EdDSA when NODE_ENV=production`);
  }
}
