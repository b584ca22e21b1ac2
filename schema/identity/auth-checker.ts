import type { AuthCheckerInterface, ResolverData } from 'type-graphql';
import { ErrorCode, PublicError } from '../errors';
import type { RequestContext } from '../request-context';
import type { Role } from './roles';
import { UnauthenticatedError } from './signed-identity';

export class ForbiddenError extends PublicError {
  constructor(message = 'your role may not do this') {
    super(ErrorCode.FORBIDDEN, message);
  }
}

/**
 * type-graphql's check behind `@Authorized(...roles)`: anonymous callers are
 * unauthenticated, signed-in callers without one of the roles are forbidden.
 * Row rules (a department's own tickets, a citizen's own) live in resolvers.
 */
export class RoleChecker implements AuthCheckerInterface<RequestContext, Role> {
  check({ context }: ResolverData<RequestContext>, roles: Role[]): boolean {
    if (context.actor.roles.length === 0) throw new UnauthenticatedError('sign in to use the 12345 platform');
    if (roles.length === 0 || context.actor.roles.some((role) => roles.includes(role))) return true;
    throw new ForbiddenError(`this needs one of the roles ${roles.join(', ')}`);
  }
}
