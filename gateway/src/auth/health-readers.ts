import { Role } from '../../../schema/identity/roles';
import type { TokenVerifier } from '../../../schema/identity/token-verifier';

/** The people who run the hotline's day: they may see which subgraph answers at which address, and why one does not. */
const READERS = new Set<Role>([Role.OPERATOR, Role.SYSTEM_ADMIN]);

/**
 * Whether a /health caller gets the report, or only the status. Internal URLs
 * and error texts are a map for an attacker; an invalid or missing token is
 * no reason to fail a probe, so it simply sees less.
 */
export function healthReaders(who: 'everyone' | 'operators', verifyToken: TokenVerifier): (authorization: string | undefined) => Promise<boolean> {
  if (who === 'everyone') return async () => true;
  return (authorization) =>
    verifyToken(authorization).then(
      (identity) => identity.roles.some((role) => READERS.has(role)),
      () => false,
    );
}
