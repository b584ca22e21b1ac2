import type { DataSource } from 'typeorm';
import { NotFoundError } from '../../../schema/errors';
import type { Identity } from '../../../schema/identity/roles';
import { inRegistryTransaction } from '../state/registry-transaction';
import { loadRegistryState } from '../state/registry-state';
import { commitChange } from './commit-change';
import type { RegistryOptions } from './publish-subgraph';
import type { PublishResult } from './publish-result';
import { requireReason } from './reason';
import { assertMayChange } from './rights';

/**
 * Takes a subgraph out of the supergraph (action REMOVE). Removing it removes
 * every field it contributes, so it goes through the publish's usage check:
 * refused when the rest no longer composes, or when a recorded operation used
 * one of its fields within the window, unless `force` (recorded, with the reason).
 */
export function removeSubgraph(dataSource: DataSource, actor: Identity, name: string, reason: string, options: RegistryOptions, force = false): Promise<PublishResult> {
  const why = requireReason(reason);
  return inRegistryTransaction(dataSource, async (manager) => {
    const state = await loadRegistryState(manager);
    const existing = state.subgraphs.find((subgraph) => subgraph.name === name);
    if (!existing) throw new NotFoundError('subgraph', name);
    assertMayChange(actor, name, [existing.department]);
    const { department, routingUrl, sdl } = existing;
    return commitChange(manager, state, {
      name,
      subject: { name, department, routingUrl, sdl },
      action: 'REMOVE',
      actor: actor.id,
      reason: why,
      policy: { usageWindowDays: options.usageWindowDays, forced: force, usedBreaksRefuse: true },
    });
  });
}
