import type { Express } from 'express';
import type { Registry } from 'prom-client';

/**
 * `GET /metrics` in Prometheus' text format. Unauthenticated like the probes,
 * so it belongs on the internal network only: the compose file and the
 * NetworkPolicy let the scraper reach it and keep it from the public side.
 * Its labels are service, operation and subgraph names and error codes; never
 * a token, a query text or a citizen's data.
 */
export function mountMetrics(app: Express, registry: Registry): void {
  app.get('/metrics', async (_req, res) => {
    try {
      const text = await registry.metrics();
      res.setHeader('content-type', registry.contentType);
      res.end(text);
    } catch (error) {
      res.status(500).type('text/plain').end(`metrics failed: ${(error as Error).message}`);
    }
  });
}
