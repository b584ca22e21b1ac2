import { postGraphql } from '../api/graphql-client';

/**
 * The registry's own admin API, reached through the gateway's /registry/graphql
 * (same origin, so the registry needs no CORS and the browser no second
 * address). Its schema is the registry's, not the client schema, so these
 * few shapes are written by hand.
 */
export const registryRequest = <R>(query: string, variables: Record<string, unknown> = {}): Promise<R> => postGraphql<R>('/registry/graphql', query, variables);

export interface RegisteredSubgraph {
  name: string;
  department: string;
  version: number;
  routingUrl: string;
  publishedBy: string;
  publishedAt: string;
}

export interface SubgraphVersion {
  version: number;
  sdl: string;
  publishedBy: string;
  publishedAt: string;
  reason: string | null;
}

export interface StoredCheck {
  checkedAt: string;
  check: { ok: boolean; compositionErrors: string[]; breakingChanges: { message: string; path: string | null; usedBy: string[] }[]; safeChanges: string[]; warnings: string[] };
}
