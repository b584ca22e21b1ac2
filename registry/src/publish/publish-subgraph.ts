import { randomUUID } from 'node:crypto';
import { SchemaCheck } from '../checks/schema-check.entity';
import { gitColumns, type GitContextInput } from '../git/git-context.input';
import type { DataSource, EntityManager } from 'typeorm';
import type { Identity } from '../../../schema/identity/roles';
import type { OutsideFindings } from '../checks/check-change';
import { reasonsOf, success } from '../checks/check-outcome';
import type { CheckResult } from '../checks/check-result';
import { type CatalogueSource, checkDepartmentInCatalogue } from '../checks/department-catalogue-check';
import { checkServedByService } from '../checks/live-service-check';
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
  git?: GitContextInput | null;
}

export interface RegistryOptions extends CatalogueSource {
  usageWindowDays: number;
}

/**
 * The checks that ask other services, run before the transaction: the
 * department in intake's catalogue and, for a real publish, the running
 * service. A check does not probe: CI checks before the new version is deployed.
 */
async function askOutside(request: PublishRequest, options: RegistryOptions, probe: boolean): Promise<OutsideFindings> {
  const [catalogue, service] = await Promise.all([
    checkDepartmentInCatalogue(request, options),
    probe ? checkServedByService(request, options.hopKeys) : success,
  ]);
  return { catalogueViolations: reasonsOf([catalogue]), serviceViolations: reasonsOf([service]) };
}

async function runPublish(manager: EntityManager, actor: Identity, request: PublishRequest, options: RegistryOptions, dryRun: boolean, outside: OutsideFindings): Promise<PublishResult> {
  const state = await loadRegistryState(manager);
  const existing = state.subgraphs.find((subgraph) => subgraph.name === request.name);
  assertMayChange(actor, request.name, [request.department, existing?.department]);
  const { name, department, routingUrl, sdl } = request;
  return commitChange(manager, state, {
    name,
    subject: { name, department, routingUrl, sdl },
    action: 'PUBLISH',
    actor: actor.id,
    reason: publishReason(request.reason, request.force),
    policy: { usageWindowDays: options.usageWindowDays, forced: Boolean(request.force), usedBreaksRefuse: true },
    dryRun,
    outside,
    git: request.git,
  });
}

// rights first: nobody makes the registry call out on a change they may not make
function precheck(actor: Identity, request: PublishRequest): void {
  publishReason(request.reason, request.force);
  assertMayChange(actor, request.name, [request.department]);
}

/** Publishes a subgraph version: checked, then recorded with the recomposed supergraph in one transaction. */
export async function publishSubgraph(dataSource: DataSource, actor: Identity, request: PublishRequest, options: RegistryOptions): Promise<PublishResult> {
  precheck(actor, request);
  const outside = await askOutside(request, options, true);
  return inRegistryTransaction(dataSource, (manager) => runPublish(manager, actor, request, options, false, outside));
}

/** What publishing would do, without doing it: the publish path up to its writes. */
export async function checkSubgraph(dataSource: DataSource, actor: Identity, request: PublishRequest, options: RegistryOptions): Promise<CheckResult> {
  precheck(actor, request);
  const outside = await askOutside(request, options, false);
  const { check } = await runPublish(dataSource.manager, actor, request, options, true, outside);
  // kept and listable (schemaChecks): a department's CI history, safe changes included
  await dataSource.getRepository(SchemaCheck).insert({ id: randomUUID(), name: request.name, ok: check.ok, result: JSON.stringify(check), ...gitColumns(request.git), checkedBy: actor.id, checkedAt: new Date() });
  return check;
}
