import { mintDevelopmentToken, type TokenRequest } from '../../gateway/src/auth/mint-token';
import { Role } from '../../schema/identity/roles';

export const TEST_TOKEN_SECRET = 'test-token-secret-0123456789abcdef';
export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

/** The people who use the platform in tests; `citizen` is the caller of `ticketInput()`. */
export const PERSONAS = {
  citizen: { sub: 'citizen-zhang', roles: [Role.CITIZEN], phone: '13912345678' },
  otherCitizen: { sub: 'citizen-wang', roles: [Role.CITIZEN], phone: '13800001111' },
  operator: { sub: 'operator-007', roles: [Role.OPERATOR] },
  supervisor: { sub: 'supervisor-01', roles: [Role.SUPERVISOR] },
  waterStaff: { sub: 'water-staff-1', roles: [Role.DEPARTMENT_STAFF], dept: 'water' },
  waterAdmin: { sub: 'water-admin-1', roles: [Role.DEPARTMENT_ADMIN], dept: 'water' },
  streetlightStaff: { sub: 'streetlight-staff-1', roles: [Role.DEPARTMENT_STAFF], dept: 'streetlight' },
  transitStaff: { sub: 'transit-staff-1', roles: [Role.DEPARTMENT_STAFF], dept: 'transit' },
  auditor: { sub: 'auditor-1', roles: [Role.AUDITOR] },
  observer: { sub: 'press-seat', roles: [Role.OBSERVER] },
  systemAdmin: { sub: 'sysadmin-1', roles: [Role.SYSTEM_ADMIN] },
} satisfies Record<string, TokenRequest>;

export type Persona = keyof typeof PERSONAS;

const tokens = new Map<string, Promise<string>>();

/** A bearer token for a persona, as the city's identity provider would issue it (cached per run). */
export function tokenFor(persona: Persona, overrides: Partial<TokenRequest> = {}): Promise<string> {
  const key = `${persona}:${JSON.stringify(overrides)}`;
  if (!tokens.has(key)) tokens.set(key, mintDevelopmentToken(TEST_TOKEN_SECRET, { ...PERSONAS[persona], ...overrides }));
  return tokens.get(key)!;
}
