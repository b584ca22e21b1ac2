import { ForbiddenError } from '../../../../schema/identity/auth-checker';
import { hasRole, type Identity, Role } from '../../../../schema/identity/roles';
import { CENTRE_ROLES, ownDepartmentOnly } from '../access/oversight-access';

/**
 * What of a report a caller gets: exactly what access/ lets them read as
 * figures, so an export never shows more than the queries would.
 * - centre: everything (the centre's summary, every department, every ranking, the trend)
 * - press: the published rankings alone
 * - department: its own figures and trend, and its own entry in each ranking (its rank among all)
 */
export type ReportScope = { kind: 'centre' } | { kind: 'press' } | { kind: 'department'; code: string };

export const CENTRE_SCOPE: ReportScope = { kind: 'centre' };

export function reportScope(actor: Identity): ReportScope {
  if (hasRole(actor, ...CENTRE_ROLES)) return CENTRE_SCOPE;
  const own = ownDepartmentOnly(actor);
  if (own) return { kind: 'department', code: own };
  if (hasRole(actor, Role.OBSERVER)) return { kind: 'press' };
  throw new ForbiddenError('only the centre, the press seat and department staff export oversight reports');
}
