import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { RegistryEvent } from '../events/registry-event.entity';
import { gitColumns, type GitContextInput } from '../git/git-context.input';
import { RegisteredSubgraph } from '../subgraph/registered-subgraph.entity';
import { SubgraphVersion, type VersionAction } from '../subgraph/subgraph-version.entity';
import { type RoutedSubgraph, SupergraphVersion } from '../supergraph/supergraph-version.entity';

export interface SubgraphChange {
  name: string;
  department: string;
  routingUrl: string;
  sdl: string;
  action: VersionAction;
  actor: string;
  reason: string | null;
  forced: boolean;
  git?: GitContextInput | null;
}

/** Stores a newly composed supergraph as the next version; `insert`, never `save`, so a racing twin fails on the key. */
export async function recordSupergraph(manager: EntityManager, version: number, supergraphSdl: string, subgraphs: RoutedSubgraph[], at: Date): Promise<void> {
  const id = createHash('sha256').update(supergraphSdl).digest('hex');
  await manager.insert(SupergraphVersion, { version, id, supergraphSdl, subgraphs: JSON.stringify(subgraphs), createdAt: at });
}

/** Writes a subgraph's next version, its current state (gone for REMOVE) and the event; returns the version number. */
export async function recordSubgraphChange(manager: EntityManager, change: SubgraphChange, supergraphVersion: number, at: Date): Promise<number> {
  const last = await manager.getRepository(SubgraphVersion).findOne({ where: { name: change.name }, order: { version: 'DESC' } });
  const version = (last?.version ?? 0) + 1;
  const { action, forced, git, ...published } = change;
  const stamp = { publishedBy: change.actor, publishedAt: at, reason: change.reason };
  await manager.insert(SubgraphVersion, { name: change.name, version, department: change.department, routingUrl: change.routingUrl, sdl: change.sdl, ...stamp, forced, action, ...gitColumns(git) });
  if (action === 'REMOVE') {
    await manager.delete(RegisteredSubgraph, { name: change.name });
  } else {
    await manager.save(RegisteredSubgraph, { name: published.name, department: published.department, routingUrl: published.routingUrl, sdl: published.sdl, version, ...stamp });
  }
  await manager.insert(RegistryEvent, { action, subgraph: change.name, version, actor: change.actor, at, reason: change.reason, forced, supergraphVersion });
  return version;
}
