import type { SubgraphEndpoint } from './config';

export interface HealthReport {
  status: 'ok' | 'degraded';
  subgraphs: Record<string, 'up' | 'down'>;
}

/** Asks every subgraph's /health at once; a subgraph that does not answer within the timeout is down. */
export async function checkSubgraphs(subgraphs: SubgraphEndpoint[], timeoutMs = 2000): Promise<HealthReport> {
  const states = await Promise.all(
    subgraphs.map(async ({ name, url }) => {
      try {
        const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(timeoutMs) });
        return [name, response.ok ? 'up' : 'down'] as const;
      } catch {
        return [name, 'down'] as const;
      }
    }),
  );
  const report = Object.fromEntries(states) as HealthReport['subgraphs'];
  return { status: Object.values(report).every((state) => state === 'up') ? 'ok' : 'degraded', subgraphs: report };
}
