import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import type { AuthConfig } from '../../../schema/identity/auth-config';
import { repositoryRoot } from '../../../schema/runtime/repository-root';
import { consoleLogin } from './console-login';
import { registryProxy } from './registry-proxy';

export const CONSOLE_DIST = path.join(repositoryRoot(), 'console', 'dist');

/**
 * The web console on the gateway's own origin: its built files at /, its
 * sign-in under /console/, the registry's admin API under /registry/graphql.
 * Same origin as /graphql, so the console needs no CORS. Not built (no
 * console/dist), / says how to build it.
 */
export function mountConsole(app: Express, options: { auth: AuthConfig; registryUrl: string | null }): void {
  app.use(consoleLogin(options.auth));
  app.use('/registry/graphql', registryProxy(options.registryUrl));
  // hashed asset names never change content: cache them; index.html always fresh so a new build is seen
  app.use('/assets', express.static(path.join(CONSOLE_DIST, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }));
  app.get('/', (_req, res) => {
    const index = path.join(CONSOLE_DIST, 'index.html');
    if (!fs.existsSync(index)) return void res.status(404).type('text/plain').send('The console is not built: npm run console:build (npm start builds it).');
    res.set('cache-control', 'no-cache').sendFile(index);
  });
}
