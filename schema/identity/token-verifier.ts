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
  return async (authorization) => {
    if (!authorization) return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw new UnauthenticatedError('the Authorization header must be "Bearer <token>"', 401);
    let payload: JWTPayload;
    try {
      // a token without an expiry would be good forever: refuse it
      ({ payload } = await jwtVerify(match[1], key as never, { algorithms, issuer: config.issuer, audience: config.audience, requiredClaims: ['exp'] }));
    } catch (error) {
      const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
      throw new UnauthenticatedError(expired ? 'the token has expired' : 'the token is not valid', 401);
    }
    return identityFrom(payload as HotlineClaims);
  };
}
