import type { RequestHandler } from 'express';
import { request } from 'undici';

/**
 * /registry/graphql → the registry's admin API, so the console's registry view
 * stays on the gateway's origin: no CORS on the registry, one address for the
 * browser, and the registry still checks the caller's own bearer token (the
 * gateway adds no rights of its own). Without a registry (the gateway composes
 * a fixed list) it answers 404.
 */
export function registryProxy(registryUrl: string | null): RequestHandler {
  return async (req, res) => {
    if (!registryUrl) return void res.status(404).json({ errors: [{ message: 'this gateway follows no schema registry', extensions: { code: 'NOT_FOUND' } }] });
    if (req.method !== 'POST') return void res.status(405).set('allow', 'POST').end();
    try {
      const answer = await request(`${registryUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': req.headers['content-type'] ?? 'application/json', ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) },
        body: req,
        bodyTimeout: 10_000,
        headersTimeout: 10_000,
      });
      res.status(answer.statusCode).type(String(answer.headers['content-type'] ?? 'application/json'));
      res.send(Buffer.from(await answer.body.arrayBuffer()));
    } catch {
      res.status(502).json({ errors: [{ message: 'the schema registry did not answer', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    }
  };
}
