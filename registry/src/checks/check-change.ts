import type { EntityManager } from 'typeorm';
import { operationsUsing } from '../usage/usage-lookup';
import { asComposable, type RegistryState } from '../state/registry-state';
import { findSchemaChanges } from './breaking-changes';
import { BreakingChange, type CheckResult, checkResult } from './check-result';
import { composeWithCandidate } from './composition-check';
import { checkDepartmentContract } from './contract-check';

export interface Candidate {
  name: string;
  department: string;
  routingUrl: string;
  sdl: string;
}

export interface CheckPolicy {
  usageWindowDays: number;
  /** Publish with a reason: a used breaking change is let through and said so. */
  forced: boolean;
  /** Rollback and removal are the emergency levers: used breaking changes warn instead of refusing. */
  usedBreaksRefuse: boolean;
}

/** What the checks outside the transaction found (intake's catalogue, the running service). */
export type OutsideFindings = Partial<Pick<CheckResult, 'catalogueViolations' | 'serviceViolations'>>;

export interface CheckedChange {
  check: CheckResult;
  /** The supergraph the change composes to, when it does. */
  supergraphSdl: string | null;
}

/**
 * The one check every change goes through: the department contract, then
 * composition with all other current subgraphs, then breaking changes against
 * the current supergraph, each looked up in recorded usage. `candidate` null
 * means `name` is removed: every field it takes away is a breaking change too.
 * `outside` joins what was found before the transaction began.
 */
export async function checkChange(manager: EntityManager, state: RegistryState, name: string, candidate: Candidate | null, policy: CheckPolicy, outside: OutsideFindings = {}): Promise<CheckedChange> {
  const intake = state.subgraphs.find((subgraph) => subgraph.name === 'intake');
  const contractViolations = candidate ? checkDepartmentContract(candidate, intake?.sdl ?? null) : [];
  const others = state.subgraphs.filter((subgraph) => subgraph.name !== name).map(asComposable);
  const composition = composeWithCandidate(others, candidate && asComposable(candidate));
  if (composition.kind === 'failure') return { check: checkResult({ compositionErrors: composition.errors, contractViolations, ...outside }), supergraphSdl: null };

  const { breaking: breaks, other: safeChanges } = state.supergraph ? await findSchemaChanges(state.supergraph.supergraphSdl, composition.supergraphSdl) : { breaking: [], other: [] };
  const used = await operationsUsing(manager, breaks.flatMap((change) => (change.path ? [change.path] : [])), policy.usageWindowDays);
  const breakingChanges = breaks.map((change) => Object.assign(new BreakingChange(), { ...change, usedBy: change.path ? (used.get(change.path) ?? []) : [] }));
  const warnings: string[] = [];
  for (const change of breakingChanges) {
    if (change.usedBy.length === 0) {
      warnings.push(`${change.message} (no operation used ${change.path ?? 'it'} in the last ${policy.usageWindowDays} days)`);
    } else if (policy.forced || !policy.usedBreaksRefuse) {
      warnings.push(`${policy.forced ? 'forced past' : 'let through'} a breaking change of ${change.path} used by ${change.usedBy.join(', ')}`);
    }
  }
  const check = checkResult({ breakingChanges, safeChanges, warnings, contractViolations, ...outside });
  const usedBreak = breakingChanges.some((change) => change.usedBy.length > 0);
  check.ok = check.ok && !(usedBreak && policy.usedBreaksRefuse && !policy.forced);
  return { check, supergraphSdl: composition.supergraphSdl };
}
