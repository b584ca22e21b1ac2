/** The fixed key every console page and the explorer read the signed-in user's bearer token from. */
export const TOKEN_KEY = 'hotline-console.token';

export interface SessionClaims {
  sub: string;
  roles: string[];
  dept?: string;
  exp?: number;
}

export const readToken = (): string | null => window.localStorage.getItem(TOKEN_KEY);
export const saveToken = (token: string): void => window.localStorage.setItem(TOKEN_KEY, token);
export const clearToken = (): void => window.localStorage.removeItem(TOKEN_KEY);

/**
 * What the token says about its holder, to choose the pages to show. Read
 * without verifying: the gateway verifies every request, the console only
 * decides what to offer.
 */
export function claimsOf(token: string | null): SessionClaims | null {
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const json = new TextDecoder().decode(Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
    const claims = JSON.parse(json) as SessionClaims;
    return Array.isArray(claims.roles) ? claims : null;
  } catch {
    return null;
  }
}
