import type { GitContextInput } from '../git/git-context.input';
import type { EntityManager } from 'typeorm';
import { type Candidate, checkChange, type CheckPolicy, type OutsideFindings } from '../checks/check-change';
import type { VersionAction } from '../subgraph/subgraph-version.entity';
import { recordSubgraphChange, recordSupergraph } from '../state/record-change';
import type { RegistryState } from '../state/registry-state';
import { PublishResult, notRecorded } from './publish-result';

export interface ChangeRequest {
  name: string;
  /** What the subgraph becomes; for REMOVE, what is taken out (kept in its history). */
  subject: Candidate;
  action: VersionAction;
  actor: string;
  reason: string | null;
  policy: CheckPolicy;
  /** A check runs everything up to the writes, so a check can never drift from a publish. */
  dryRun?: boolean;
  /** Found before the transaction: network calls never run while it holds the registry. */
  outside?: OutsideFindings;
  git?: GitContextInput | null;
}

/**
 * Checks a change against `state` and, if it passes, records the subgraph's
 * version, its event and the recomposed supergraph with `manager` (the
 * caller's transaction). A notRecorded change writes nothing.
 */
export async function commitChange(manager: EntityManager, state: RegistryState, request: ChangeRequest): Promise<PublishResult> {
  const removing = request.action === 'REMOVE';
  const { check, supergraphSdl } = await checkChange(manager, state, request.name, removing ? null : request.subject, request.policy, request.outside);
  if (!check.ok || !supergraphSdl || request.dryRun) return notRecorded(check);
  const at = new Date();
  const supergraphVersion = (state.supergraph?.version ?? 0) + 1;
  const routed = [
    ...state.subgraphs.filter((subgraph) => subgraph.name !== request.name).map(({ name, routingUrl }) => ({ name, url: routingUrl })),
    ...(removing ? [] : [{ name: request.name, url: request.subject.routingUrl }]),
  ].sort((a, b) => a.name.localeCompare(b.name));
  await recordSupergraph(manager, supergraphVersion, supergraphSdl, routed, at);
  const forced = request.policy.forced && check.breakingChanges.some((change) => change.usedBy.length > 0);
  const version = await recordSubgraphChange(
    manager,
    { ...request.subject, name: request.name, action: request.action, actor: request.actor, reason: request.reason, forced, git: request.git },
    supergraphVersion,
    at,
  );
  return Object.assign(new PublishResult(), { ok: true, version, supergraphVersion, check });
}
