import { createRemoteJWKSet, importSPKI, type JWTPayload, jwtVerify, type KeyLike } from 'jose';
import { ANONYMOUS, type Identity, Role } from './roles';
import { UnauthenticatedError } from './signed-identity';
import type { AuthConfig } from './auth-config';

export type TokenVerifier = (authorization: string | undefined) => Promise<Identity>;

const ROLES = new Set<string>(Object.values(Role));

/** The claims a 12345 token carries, beyond `sub`. */
interface HotlineClaims extends JWTPayload {
  roles?: unknown;
  dept?: unknown;
  phone?: unknown;
}

function identityFrom(claims: HotlineClaims): Identity {
  const roles = Array.isArray(claims.roles) ? claims.roles.filter((role): role is Role => typeof role === 'string' && ROLES.has(role)) : [];
  if (!claims.sub || roles.length === 0) throw new UnauthenticatedError('the token names no user or no known role', 401);
  const department = typeof claims.dept === 'string' ? claims.dept : null;
  if (roles.some((role) => role === Role.DEPARTMENT_STAFF || role === Role.DEPARTMENT_ADMIN) && !department) {
    throw new UnauthenticatedError('a department role needs a department (dept claim)', 401);
  }
  return { id: claims.sub, roles, department, phone: typeof claims.phone === 'string' ? claims.phone : null };
}

/**
 * Verifies `Authorization: Bearer <jwt>`. The accepted algorithms are fixed by
 * configuration, never taken from the token, so `alg: none` and key confusion
 * fail; the reason stays in the server, the client learns only that the token
 * was refused.
 */
export async function createTokenVerifier(config: AuthConfig): Promise<TokenVerifier> {
  let key: KeyLike | Uint8Array | ReturnType<typeof createRemoteJWKSet>;
  let algorithms: string[];
  if (config.kind === 'jwks') {
    key = createRemoteJWKSet(new URL(config.url));
    algorithms = ['RS256', 'PS256', 'ES256', 'EdDSA'];
  } else if (config.kind === 'public-key') {
    key = await importSPKI(config.pem, config.algorithm);
    algorithms = [config.algorithm];
  } else {
    key = new TextEncoder().encode(config.secret);
    algorithms = ['HS256'];
  }
  const verified = new VerifiedTokens();
  return async (authorization) => {
    if (!authorization) return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new UnauthenticatedError('the Authorization header must be "Bearer <token>"', 401);
    const token = match[1];
    const known = verified.get(token, Date.now());
    if (known) return known;
    let payload: JWTPayload;
    try {
      // a token without an expiry would be good forever: refuse it
      ({ payload } = await jwtVerify(token, key as never, { algorithms, issuer: config.issuer, audience: config.audience, requiredClaims: ['exp'] }));
    } catch (error) {
      const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
      throw new UnauthenticatedError(expired ? 'the token has expired' : 'the token is not valid', 401);
    }
    const identity = identityFrom(payload as HotlineClaims);
    verified.set(token, identity, (payload.exp as number) * 1000, Date.now());
    return identity;
  };
}

/** How long a token checked once is taken on the strength of that check: a key the IdP withdraws stops counting
 * within this time, as a JWKS cache would let it anyway. */
export const VERIFIED_TOKEN_MS = 30_000;
/** The most tokens remembered: about 10 MB at worst; the oldest is forgotten first. */
const VERIFIED_TOKEN_LIMIT = 10_000;

/**
 * Tokens whose signature and claims were checked, until their expiry or VERIFIED_TOKEN_MS, whichever is first. An
 * operator's console sends the same token with every request; checking its signature each time was 2-3 % of the
 * gateway's CPU. Only the exact text verified is remembered, and only what passed: a refused token is checked again.
 */
class VerifiedTokens {
  private readonly tokens = new Map<string, { identity: Identity; until: number }>();

  get(token: string, now: number): Identity | null {
    const entry = this.tokens.get(token);
    if (!entry) return null;
    if (now < entry.until) return { ...entry.identity, roles: [...entry.identity.roles] };
    this.tokens.delete(token);
    return null;
  }

  set(token: string, identity: Identity, expiresAt: number, now: number): void {
    if (this.tokens.size >= VERIFIED_TOKEN_LIMIT) this.tokens.delete(this.tokens.keys().next().value!);
    this.tokens.set(token, { identity: { ...identity, roles: [...identity.roles] }, until: Math.min(expiresAt, now + VERIFIED_TOKEN_MS) });
  }
}
