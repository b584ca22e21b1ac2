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
  const claims: Record<string, unknown> = { roles: request.roles };
  if (request.dept) claims.dept = request.dept;
  if (request.phone) claims.phone = request.phone;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(request.sub)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? '8h')
    .sign(new TextEncoder().encode(secret));
}
