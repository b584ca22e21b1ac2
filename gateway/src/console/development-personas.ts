import { Role } from '../../../schema/identity/roles';
import type { TokenRequest } from '../auth/mint-token';

/**
 * Whom the console's development login can sign in as: one person per role
 * (and per department for the departments' staff), matching the seeded data.
 */
export const DEVELOPMENT_PERSONAS: Record<string, TokenRequest> = {
  'operator-007': { sub: 'operator-007', roles: [Role.OPERATOR] },
  'supervisor-01': { sub: 'supervisor-01', roles: [Role.SUPERVISOR] },
  'water-staff-1': { sub: 'water-staff-1', roles: [Role.DEPARTMENT_STAFF], dept: 'water' },
  'streetlight-staff-1': { sub: 'streetlight-staff-1', roles: [Role.DEPARTMENT_STAFF], dept: 'streetlight' },
  'transit-staff-1': { sub: 'transit-staff-1', roles: [Role.DEPARTMENT_STAFF], dept: 'transit' },
  'water-admin-1': { sub: 'water-admin-1', roles: [Role.DEPARTMENT_ADMIN], dept: 'water' },
  'auditor-1': { sub: 'auditor-1', roles: [Role.AUDITOR] },
  'press-seat': { sub: 'press-seat', roles: [Role.OBSERVER] },
  'sysadmin-1': { sub: 'sysadmin-1', roles: [Role.SYSTEM_ADMIN] },
};
