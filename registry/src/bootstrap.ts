import type { DataSource } from 'typeorm';
import type { Identity } from '../../schema/identity/roles';
import { composeWithCandidate } from './checks/composition-check';
import { checkDepartmentContract } from './checks/contract-check';
import { recordSubgraphChange, recordSupergraph } from './state/record-change';
import { inRegistryTransaction } from './state/registry-transaction';
import { loadRegistryState } from './state/registry-state';

export interface InitialSubgraph {
  name: string;
  department: string;
  /** The subgraph's GraphQL endpoint; a base URL (as in the gateway's config) gets `/graphql` appended. */
  url: string;
  sdl: string;
}

export type BootstrapResult = { kind: 'bootstrapped'; supergraphVersion: number; subgraphs: string[] } | { kind: 'skipped'; reason: string };

const routingUrl = (url: string) => (/\/graphql\/?$/.test(url) ? url.replace(/\/$/, '') : `${url.replace(/\/$/, '')}/graphql`);

/**
 * Registers the platform's first subgraphs in one go, as supergraph version 1,
 * so a fresh installation starts with what `npm start` runs. Only an empty
 * registry is bootstrapped: once anything was published, the registry's own
 * history is the truth and start-up must not overwrite it. Throws with every
 * composition error and contract violation if the set does not hold together.
 */
export async function bootstrapRegistry(dataSource: DataSource, subgraphs: InitialSubgraph[], actor: Identity | string): Promise<BootstrapResult> {
  const actorId = typeof actor === 'string' ? actor : actor.id;
  const initial = subgraphs.map((subgraph) => ({ ...subgraph, url: routingUrl(subgraph.url) }));
  try {
    return await inRegistryTransaction(dataSource, async (manager) => {
      const state = await loadRegistryState(manager);
      if (state.supergraph || state.subgraphs.length) return { kind: 'skipped', reason: `the registry already holds supergraph version ${state.supergraph?.version ?? '?'}` };
      const intakeSdl = initial.find((subgraph) => subgraph.name === 'intake')?.sdl ?? null;
      const violations = initial.flatMap((subgraph) => checkDepartmentContract(subgraph, intakeSdl));
      const composition = composeWithCandidate(initial, null);
      const problems = [...violations, ...(composition.kind === 'failure' ? composition.errors : [])];
      if (composition.kind === 'failure' || problems.length) throw new Error(`the initial subgraphs cannot be registered:\n- ${problems.join('\n- ')}`);
      const at = new Date();
      await recordSupergraph(manager, 1, composition.supergraphSdl, initial.map(({ name, url }) => ({ name, url })).sort((a, b) => a.name.localeCompare(b.name)), at);
      for (const subgraph of initial) {
        const { name, department, url, sdl } = subgraph;
        await recordSubgraphChange(manager, { name, department, routingUrl: url, sdl, action: 'PUBLISH', actor: actorId, reason: 'initial registration', forced: false }, 1, at);
      }
      return { kind: 'bootstrapped', supergraphVersion: 1, subgraphs: initial.map((subgraph) => subgraph.name) };
    });
  } catch (error) {
    // another process bootstrapped first: its registry is as good as ours would have been
    if ((error as { extensions?: { code?: string } }).extensions?.code === 'CONFLICT') return { kind: 'skipped', reason: 'bootstrapped concurrently' };
    throw error;
  }
}
