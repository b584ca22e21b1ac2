import fs from 'node:fs';
import path from 'node:path';
import express, { type Express, type Request } from 'express';
import { repositoryRoot } from '../../runtime/repository-root';

/** Where scripts/build-explorer.js writes the bundled GraphiQL (part of `npm run build`). */
export const EXPLORER_ASSETS = path.join(repositoryRoot(), 'dist', 'explorer');
const ASSET_ROUTE = '/explorer-assets';

/**
 * The page may load and call only its own origin: a closed city network
 * cannot reach a CDN, and an open one should not be asked to.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // GraphiQL's components set style attributes
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

export interface ExplorerOptions {
  /** The page's title, naming the service. */
  title: string;
  /** The GraphQL endpoint the explorer talks to; a browser's GET of it gets the page. */
  endpoint?: string;
}

/**
 * GraphiQL at the GraphQL endpoint, from npm-installed assets: a browser's
 * GET of /graphql (asking for HTML, no `query`) gets the page, everything
 * else goes on to the GraphQL server. Mounted before any token check: the
 * page holds nothing secret, and the requests it sends carry the token.
 */
export function mountExplorer(app: Express, { title, endpoint = '/graphql' }: ExplorerOptions): void {
  app.use(ASSET_ROUTE, express.static(EXPLORER_ASSETS, { index: false, fallthrough: false }));
  app.get(endpoint, (req, res, next) => {
    if (!wantsPage(req)) return next();
    res.set('content-security-policy', CONTENT_SECURITY_POLICY).set('cache-control', 'no-cache');
    if (!fs.existsSync(path.join(EXPLORER_ASSETS, 'explorer.js'))) {
      return res.status(503).type('text/plain').send('The explorer is not built: run `npm run build`.\n');
    }
    res.type('html').send(page(title, endpoint));
  });
}

function wantsPage(req: Request): boolean {
  return req.query.query === undefined && req.accepts(['application/json', 'text/html']) === 'text/html';
}

function page(title: string, endpoint: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${ASSET_ROUTE}/explorer.css">
</head>
<body style="margin:0">
<div id="explorer" data-endpoint="${escapeHtml(endpoint)}" style="height:100vh"></div>
<script src="${ASSET_ROUTE}/explorer.js"></script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
