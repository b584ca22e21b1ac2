import { ForbiddenError } from '../../../../schema/identity/auth-checker';
import { DEPARTMENT_ROLES, hasRole, type Identity, Role } from '../../../../schema/identity/roles';

/** The centre reads every figure: operators, supervisors, auditors, system administrators. */
export const CENTRE_ROLES = [Role.OPERATOR, Role.SUPERVISOR, Role.AUDITOR, Role.SYSTEM_ADMIN];
/** Who may read a department's figures: the centre, and that department's own staff. */
export const FIGURE_READERS = [...CENTRE_ROLES, ...DEPARTMENT_ROLES];
/** Who may read rankings: the figure readers, and the press seat (the published rankings only). */
export const RANKING_READERS = [...FIGURE_READERS, Role.OBSERVER];

/**
 * The one department whose entries a caller may see, or null for all: a
 * department's staff see their own department alone (its figures, its place
 * in a ranking), whatever else they ask for.
 */
export function ownDepartmentOnly(actor: Identity): string | null {
  if (hasRole(actor, ...CENTRE_ROLES, Role.OBSERVER)) return null;
  if (hasRole(actor, ...DEPARTMENT_ROLES)) {
    if (!actor.department) throw new ForbiddenError('a department role without a department sees no figures');
    return actor.department;
  }
  return null;
}

/** A department's figures: the centre's to read, and that department's own staff's. */
export function assertMayRead(actor: Identity, departmentCode: string): void {
  if (hasRole(actor, ...CENTRE_ROLES)) return;
  if (hasRole(actor, ...DEPARTMENT_ROLES) && actor.department === departmentCode) return;
  throw new ForbiddenError(`only the centre and ${departmentCode}'s own staff see ${departmentCode}'s figures`);
}
