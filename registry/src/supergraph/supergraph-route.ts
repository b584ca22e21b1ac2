import type { Express } from 'express';
import type { DataSource } from 'typeorm';
import type { HopVerifier } from '../../../schema/identity/signed-identity';
import { gatewayCaller } from '../http/signed-request';
import { currentSupergraph } from './current-supergraph';
import { routedSubgraphs } from './supergraph-version.entity';

export const SUPERGRAPH_PATH = '/supergraph';

/** `GET /supergraph`: what the gateway polls; 404 `{}` until the first publish. */
export function mountSupergraphRoute(app: Express, dataSource: DataSource, verifier: HopVerifier, log: (message: string) => void): void {
  app.get(SUPERGRAPH_PATH, async (req, res) => {
    if (!(await gatewayCaller(req, res, verifier, { method: 'GET', query: req.path }))) return;
    try {
      const current = await currentSupergraph(dataSource.manager);
      if (!current) return res.status(404).json({});
      res.json({ version: current.version, id: current.id, supergraphSdl: current.supergraphSdl, subgraphs: routedSubgraphs(current) });
    } catch (error) {
      log(`GET /supergraph failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } });
    }
  });
}
