import type { Express, Request } from 'express';

export interface ProbeOptions {
  /** Whether this service can serve now: a subgraph's database answers, the gateway holds a supergraph. */
  ready(): Promise<boolean>;
  /**
   * The detailed report behind /health; it informs people, it does not decide
   * readiness. Given the request, so a service may keep its details for callers
   * who show who they are (the gateway, in production), and what `ready()`
   * just answered, so the report need not ask the database a second time.
   */
  report(request: Request, ready: boolean): Promise<Record<string, unknown>>;
}

export interface Probes {
  /** Stopping: report not-ready so load balancers take this replica out before it closes. */
  drain(): void;
}

/** Paths the access log and the request metrics leave out: probes arrive every few seconds. */
export const PROBE_PATHS = new Set(['/livez', '/readyz', '/health', '/metrics']);

/**
 * The three probes every service answers. `/livez` touches nothing (a
 * restart would not cure a slow database); `/readyz` is what a load balancer
 * routes by; `/health` is the same verdict with the report a person reads.
 */
export function mountProbes(app: Express, options: ProbeOptions): Probes {
  let draining = false;
  const canServe = () => options.ready().catch(() => false);
  app.get('/livez', (_req, res) => {
    res.json({ status: 'alive' });
  });
  app.get('/readyz', async (_req, res) => {
    const ok = !draining && (await canServe());
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : draining ? 'draining' : 'not ready' });
  });
  app.get('/health', async (req, res) => {
    const serves = await canServe();
    const ok = !draining && serves;
    const report = await options.report(req, serves).catch((error: Error) => ({ error: error.message }));
    res.status(ok ? 200 : 503).json({ status: ok ? 'up' : draining ? 'draining' : 'down', ...report });
  });
  return { drain: () => (draining = true) };
}
