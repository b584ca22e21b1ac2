import { SignJWT } from 'jose';
import type { Role } from '../../../schema/identity/roles';

export interface TokenRequest {
  sub: string;
  roles: Role[];
  dept?: string;
  phone?: string;
  expiresIn?: string;
}

/** Signs a development token (HS256); production identities come from the city's identity provider. */
export function mintDevelopmentToken(secret: string, request: TokenRequest): Promise<string> {
  return mintToken(request, 'HS256', new TextEncoder().encode(secret));
}

/** A bearer token with the claims the gateway reads, signed with `key` (a benchmark plays the identity provider with RS256). */
export function mintToken(request: TokenRequest, alg: string, key: Parameters<SignJWT['sign']>[0]): Promise<string> {
  const claims: Record<string, unknown> = { roles: request.roles };
  if (request.dept) claims.dept = request.dept;
  if (request.phone) claims.phone = request.phone;
  return new SignJWT(claims)
    .setProtectedHeader({ alg })
    .setSubject(request.sub)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? '8h')
    .sign(key);
}
