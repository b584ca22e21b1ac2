import { ForbiddenError } from '../../../schema/identity/auth-checker';
import { hasRole, type Identity, Role } from '../../../schema/identity/roles';
import { UnauthenticatedError } from '../../../schema/identity/signed-identity';

/**
 * Who may change a subgraph: a system administrator any; a department's
 * administrator only their own department's, and only if every department
 * involved (the one asked for, the one it is registered under) is theirs, so
 * nobody can take over another department's subgraph by renaming it.
 */
export function assertMayChange(actor: Identity, subgraph: string, departments: Array<string | null | undefined>): void {
  if (actor.roles.length === 0) throw new UnauthenticatedError('sign in to change the registry');
  if (hasRole(actor, Role.SYSTEM_ADMIN)) return;
  const involved = [...new Set(departments.filter((department): department is string => Boolean(department)))];
  if (hasRole(actor, Role.DEPARTMENT_ADMIN) && actor.department && involved.every((department) => department === actor.department)) return;
  throw new ForbiddenError(
    `only a SYSTEM_ADMIN or a DEPARTMENT_ADMIN of ${involved.join(' and ')} may change subgraph ${subgraph}`,
  );
}
