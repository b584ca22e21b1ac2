import type { EntityManager } from 'typeorm';
import type { SubgraphSdl } from '../../../schema/federation/compose-supergraph';
import { RegisteredSubgraph } from '../subgraph/registered-subgraph.entity';
import { currentSupergraph } from '../supergraph/current-supergraph';
import type { SupergraphVersion } from '../supergraph/supergraph-version.entity';

/** What a change is checked against: the current subgraphs and the supergraph they compose to. */
export interface RegistryState {
  subgraphs: RegisteredSubgraph[];
  supergraph: SupergraphVersion | null;
}

export async function loadRegistryState(manager: EntityManager): Promise<RegistryState> {
  const [subgraphs, supergraph] = await Promise.all([
    manager.getRepository(RegisteredSubgraph).find({ order: { name: 'ASC' } }),
    currentSupergraph(manager),
  ]);
  return { subgraphs, supergraph };
}

export const asComposable = (subgraph: { name: string; routingUrl: string; sdl: string }): SubgraphSdl => ({
  name: subgraph.name,
  url: subgraph.routingUrl,
  sdl: subgraph.sdl,
});
