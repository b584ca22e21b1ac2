import { registerEnumType } from 'type-graphql';

/** Who may do what on the platform; a user may hold several roles. */
export enum Role {
  CITIZEN = 'CITIZEN',
  OPERATOR = 'OPERATOR',
  SUPERVISOR = 'SUPERVISOR',
  DEPARTMENT_STAFF = 'DEPARTMENT_STAFF',
  DEPARTMENT_ADMIN = 'DEPARTMENT_ADMIN',
  AUDITOR = 'AUDITOR',
  OBSERVER = 'OBSERVER',
  SYSTEM_ADMIN = 'SYSTEM_ADMIN',
}
registerEnumType(Role, {
  name: 'Role',
  valuesConfig: {
    CITIZEN: { description: '市民: own tickets only' },
    OPERATOR: { description: '话务员: takes, answers and dispatches requests' },
    SUPERVISOR: { description: '督办: urges, supervises, re-dispatches, grants extensions' },
    DEPARTMENT_STAFF: { description: '承办单位: tickets assigned to their department only' },
    DEPARTMENT_ADMIN: { description: "承办单位管理员: their department's subgraph and staff" },
    AUDITOR: { description: '审计: reads everything including history; changes nothing' },
    OBSERVER: { description: '观察员 (e.g. the press seat): read-only, anonymised' },
    SYSTEM_ADMIN: { description: '系统管理员' },
  },
});

/** The verified identity a request acts under. */
export interface Identity {
  id: string;
  roles: Role[];
  /** Department code, for department staff and admins. */
  department?: string | null;
  /** A citizen's own phone number: what "own tickets" means. */
  phone?: string | null;
}

export const ANONYMOUS: Identity = { id: 'anonymous', roles: [] };

/** A platform service acting for itself (loading schemas, probing, relaying): the one identity its own key may assert. */
export const serviceIdentity = (service: string): Identity => ({ id: service, roles: [Role.SYSTEM_ADMIN] });

/** The schema registry's name as an audience, and its identity when it asks a subgraph something itself. */
export const REGISTRY_SERVICE = 'registry';

/** The gateway's own identity, for loading subgraph schemas. */
export const GATEWAY_IDENTITY: Identity = serviceIdentity('gateway');

export const hasRole = (identity: Identity, ...roles: Role[]) => identity.roles.some((role) => roles.includes(role));

/** Roles that read any ticket (row rules still apply to citizens and departments). */
export const CENTRE_READERS = [Role.OPERATOR, Role.SUPERVISOR, Role.AUDITOR, Role.OBSERVER, Role.SYSTEM_ADMIN];
export const DEPARTMENT_ROLES = [Role.DEPARTMENT_STAFF, Role.DEPARTMENT_ADMIN];
/** Every role that may see some ticket. */
export const TICKET_READERS = [...CENTRE_READERS, ...DEPARTMENT_ROLES, Role.CITIZEN];
/** Roles whose reads of a citizen's name and phone are unmasked, and recorded. */
export const PERSONAL_DATA_READERS = [Role.OPERATOR, Role.SUPERVISOR, Role.AUDITOR, Role.SYSTEM_ADMIN];
