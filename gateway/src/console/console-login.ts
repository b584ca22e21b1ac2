import express, { type Router } from 'express';
import type { AuthConfig } from '../../../schema/identity/auth-config';
import { mintDevelopmentToken } from '../auth/mint-token';
import { DEVELOPMENT_PERSONAS } from './development-personas';

/**
 * The console's sign-in: GET /console/login says how to sign in; POST
 * /console/dev-token mints a persona's token. Minting exists only with the
 * development HS256 secret, which readAuthConfig refuses when NODE_ENV is
 * production: there the page asks for a token from the city's identity
 * provider (JWKS or public key) and the mint route answers 404.
 */
export function consoleLogin(auth: AuthConfig): Router {
  const router = express.Router();
  const development = auth.kind === 'hs256';
  router.get('/console/login', (_req, res) => {
    if (!development) return void res.json({ mode: 'identity-provider', issuer: auth.issuer ?? (auth.kind === 'jwks' ? new URL(auth.url).origin : null) });
    res.json({ mode: 'development', personas: Object.entries(DEVELOPMENT_PERSONAS).map(([id, persona]) => ({ id, roles: persona.roles, dept: persona.dept })) });
  });
  if (!development) return router;
  const secret = auth.secret;
  router.post('/console/dev-token', express.json({ limit: '1kb' }), async (req, res) => {
    const persona = DEVELOPMENT_PERSONAS[String((req.body as { persona?: unknown } | undefined)?.persona)];
    if (!persona) return void res.status(400).json({ error: `persona must be one of ${Object.keys(DEVELOPMENT_PERSONAS).join(', ')}` });
    res.json({ token: await mintDevelopmentToken(secret, { ...persona, expiresIn: '8h' }) });
  });
  return router;
}
