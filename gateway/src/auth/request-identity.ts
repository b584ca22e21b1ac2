import type { IncomingMessage } from 'node:http';
import type { Identity } from '../../../schema/identity/roles';
import type { TokenVerifier } from '../../../schema/identity/token-verifier';

/**
 * Who sent a request, verified once: the gate in front of Apollo and Apollo's
 * context both ask, and a token is checked (its signature, a JWKS lookup) only
 * the first time. A refused token rejects every time it is asked.
 */
export function requestIdentity(verifyToken: TokenVerifier): (req: IncomingMessage) => Promise<Identity> {
  const verified = new WeakMap<IncomingMessage, Promise<Identity>>();
  return (req) => {
    let identity = verified.get(req);
    if (!identity) {
      identity = verifyToken(req.headers.authorization);
      verified.set(req, identity);
    }
    return identity;
  };
}
