import type { Request, Response } from 'express';
import type { Identity } from '../../../schema/identity/roles';
import { UnauthenticatedError, verifyIdentity } from '../../../schema/identity/signed-identity';

/**
 * The internal endpoints answer only holders of the platform secret (the
 * gateway). The signature covers `text`: the exact body of a POST, the path
 * of a GET. Returns null after answering 401 itself.
 */
export function signedCaller(req: Request, res: Response, secret: string, text: string): Identity | null {
  try {
    return verifyIdentity(req.headers, secret, text);
  } catch (error) {
    if (!(error instanceof UnauthenticatedError)) throw error;
    res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: error.message } });
    return null;
  }
}
