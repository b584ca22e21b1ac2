import type { DataSource } from 'typeorm';
import { BadInputError, NotFoundError } from '../../../schema/errors';
import type { Identity } from '../../../schema/identity/roles';
import { SubgraphVersion } from '../subgraph/subgraph-version.entity';
import { inRegistryTransaction } from '../state/registry-transaction';
import { loadRegistryState } from '../state/registry-state';
import { commitChange } from './commit-change';
import type { RegistryOptions } from './publish-subgraph';
import type { PublishResult } from './publish-result';
import { requireReason } from './reason';
import { assertMayChange } from './rights';

/**
 * Republishes an earlier version's SDL and URL as a new version (action
 * ROLLBACK). It must compose; breaking changes are reported but do not
 * refuse it: a rollback is how a bad publish is undone in a hurry.
 */
export function rollbackSubgraph(dataSource: DataSource, actor: Identity, name: string, version: number, reason: string, options: RegistryOptions): Promise<PublishResult> {
  const why = requireReason(reason);
  return inRegistryTransaction(dataSource, async (manager) => {
    const target = await manager.getRepository(SubgraphVersion).findOneBy({ name, version });
    if (!target) throw new NotFoundError('subgraph version', `${name}@${version}`);
    if (target.action === 'REMOVE') throw new BadInputError(`version ${version} of ${name} removed it; roll back to a version that published it`, 'version');
    const state = await loadRegistryState(manager);
    const existing = state.subgraphs.find((subgraph) => subgraph.name === name);
    assertMayChange(actor, name, [target.department, existing?.department]);
    const { department, routingUrl, sdl } = target;
    return commitChange(manager, state, {
      name,
      subject: { name, department, routingUrl, sdl },
      action: 'ROLLBACK',
      actor: actor.id,
      reason: why,
      policy: { usageWindowDays: options.usageWindowDays, forced: false, usedBreaksRefuse: false },
    });
  });
}
