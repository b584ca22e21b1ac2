import type { Request, RequestHandler } from 'express';
import { ErrorCode } from '../../../schema/errors';
import type { Identity } from '../../../schema/identity/roles';
import { UnauthenticatedError } from '../../../schema/identity/signed-identity';
import { graphqlEntries } from '../limits/graphql-entries';
import { sendRefusal } from '../limits/refusal';
import { operationHash } from './public-operations';

const SIGN_IN = { status: 401, code: ErrorCode.UNAUTHENTICATED, headers: { 'www-authenticate': 'Bearer' } } as const;

const isAnonymous = (identity: Identity) => identity.roles.length === 0;

/**
 * Who may be read at all. A refused token, or no token when no operation is
 * public, is answered 401 before the body is read; an anonymous request with
 * public operations configured is answered once its body is parsed, and only
 * if every operation in it is on the list. Nothing of an anonymous bomb
 * reaches the parser.
 */
export function callerGate(identify: (req: Request) => Promise<Identity>, publicOperations: readonly string[]): { beforeBody: RequestHandler; afterBody: RequestHandler } {
  const allowed = new Set(publicOperations);
  const beforeBody: RequestHandler = (req, res, next) => {
    identify(req).then(
      (identity) => {
        if (!isAnonymous(identity) || allowed.size > 0) return next();
        sendRefusal(res, { ...SIGN_IN, message: 'sign in: every operation needs a bearer token' });
      },
      (error) => {
        if (!(error instanceof UnauthenticatedError)) return next(error);
        sendRefusal(res, { ...SIGN_IN, message: error.message });
      },
    );
  };
  const afterBody: RequestHandler = (req, res, next) => {
    identify(req).then((identity) => {
      if (!isAnonymous(identity)) return next();
      const everyOnePublic = graphqlEntries(req).every((entry) => entry.query !== undefined && allowed.has(operationHash(entry.query)));
      if (everyOnePublic) return next();
      sendRefusal(res, { ...SIGN_IN, message: 'sign in: this operation is not public and needs a bearer token' });
    }, next);
  };
  return { beforeBody, afterBody };
}
