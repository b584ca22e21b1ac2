import type { Request, Response } from 'express';
import type { Identity } from '../../../schema/identity/roles';
import { type HopRequest, type HopVerifier, UnauthenticatedError } from '../../../schema/identity/signed-identity';

/**
 * The internal endpoints answer the gateway alone, signed with its key over
 * `request`: the exact body of a POST, the path of a GET. Returns null after
 * answering 401 (or 403 for another service's valid signature) itself.
 */
export async function gatewayCaller(req: Request, res: Response, verifier: HopVerifier, request: HopRequest): Promise<Identity | null> {
  try {
    const hop = await verifier.verify(req.headers, request);
    if (hop.signer === 'gateway') return hop.actor;
    res.status(403).json({ error: { code: 'FORBIDDEN', message: `only the gateway calls this endpoint, not ${hop.signer}` } });
    return null;
  } catch (error) {
    if (!(error instanceof UnauthenticatedError)) throw error;
    res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: error.message } });
    return null;
  }
}
