import type { DataSource, EntityManager } from 'typeorm';
import type { Identity } from '../../../schema/identity/roles';
import type { CheckResult } from '../checks/check-result';
import { inRegistryTransaction } from '../state/registry-transaction';
import { loadRegistryState } from '../state/registry-state';
import { commitChange } from './commit-change';
import type { PublishResult } from './publish-result';
import { publishReason } from './reason';
import { assertMayChange } from './rights';

export interface PublishRequest {
  name: string;
  department: string;
  routingUrl: string;
  sdl: string;
  reason?: string | null;
  force?: boolean | null;
}

export interface RegistryOptions {
  usageWindowDays: number;
}

async function runPublish(manager: EntityManager, actor: Identity, request: PublishRequest, options: RegistryOptions, dryRun: boolean): Promise<PublishResult> {
  const reason = publishReason(request.reason, request.force);
  assertMayChange(actor, request.name, [request.department]);
  const state = await loadRegistryState(manager);
  const existing = state.subgraphs.find((subgraph) => subgraph.name === request.name);
  assertMayChange(actor, request.name, [request.department, existing?.department]);
  const { name, department, routingUrl, sdl } = request;
  return commitChange(manager, state, {
    name,
    subject: { name, department, routingUrl, sdl },
    action: 'PUBLISH',
    actor: actor.id,
    reason,
    policy: { usageWindowDays: options.usageWindowDays, forced: Boolean(request.force), usedBreaksRefuse: true },
    dryRun,
  });
}

/** Publishes a subgraph version: checked, then recorded with the recomposed supergraph in one transaction. */
export function publishSubgraph(dataSource: DataSource, actor: Identity, request: PublishRequest, options: RegistryOptions): Promise<PublishResult> {
  return inRegistryTransaction(dataSource, (manager) => runPublish(manager, actor, request, options, false));
}

/** What publishing would do, without doing it: the publish path up to its writes. */
export async function checkSubgraph(dataSource: DataSource, actor: Identity, request: PublishRequest, options: RegistryOptions): Promise<CheckResult> {
  return (await runPublish(dataSource.manager, actor, request, options, true)).check;
}
