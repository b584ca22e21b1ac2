import type { EntityManager } from 'typeorm';
import { SupergraphVersion } from './supergraph-version.entity';

/** The newest composed supergraph, or null before anything was published. */
export function currentSupergraph(manager: EntityManager): Promise<SupergraphVersion | null> {
  return manager.getRepository(SupergraphVersion).findOne({ where: {}, order: { version: 'DESC' } });
}
