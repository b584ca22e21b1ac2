import { randomUUID } from 'node:crypto';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ForbiddenError } from '../identity/auth-checker';
import { CENTRE_READERS, DEPARTMENT_ROLES, hasRole } from '../identity/roles';
import type { EntityManager } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { FINAL_TICKET_STATUSES, type TicketStatus, WorkOrderStatus } from '../enums';
import { BadInputError, IllegalTransitionError, NotFoundError } from '../errors';
import type { AssignmentLookup } from '../intake-client/assignment-lookup';
import type { SubgraphContext } from '../subgraph-context';
import type { WorkOrderBase } from './work-order.base';
import { type CompleteWorkOrderFields, type CreateWorkOrderFields, type UpdateWorkOrderFields, workOrderInputs } from './work-order.inputs';
import { type WorkOrderPayload, workOrderPayloads } from './work-order.payloads';
import { inTransaction } from '../database/transaction';
import { updateIfUnchanged } from '../database/versioned-update';

export interface WorkOrderModuleOptions<T extends WorkOrderBase> {
  subgraph: string;
  /** The department's code in the centre's catalogue, as assignments name it. */
  department: string;
  /** Prefix of the GraphQL names: `Water` gives `createWaterWorkOrder`. */
  typePrefix: string;
  entity: new () => T;
  findAssignment: AssignmentLookup;
  /** Whether `code` names one of the department's assets (zone, pole, stop). */
  assetExists(manager: EntityManager, code: string): Promise<boolean>;
}

/** Builds a department's work-order queries and mutations; each writes its audit record in the same transaction. */
export function createWorkOrderResolver<T extends WorkOrderBase>(options: WorkOrderModuleOptions<T>) {
  const { CreateWorkOrderInput, UpdateWorkOrderInput, CompleteWorkOrderInput } = workOrderInputs(options.typePrefix);
  const { CreatePayload, UpdatePayload, CompletePayload } = workOrderPayloads(options.typePrefix, options.entity);
  const name = (verb: string) => `${verb}${options.typePrefix}WorkOrder`;
  const lowerPrefix = options.typePrefix[0].toLowerCase() + options.typePrefix.slice(1);

  async function checkAsset(manager: EntityManager, code: string | null | undefined) {
    if (code && !(await options.assetExists(manager, code))) {
      throw new BadInputError(`${options.department} has no asset with code ${code}`, 'assetCode');
    }
  }

  async function change(
    context: SubgraphContext,
    id: string,
    transition: string,
    changesFor: (order: T, manager: EntityManager) => Promise<Partial<T>>,
  ) {
    const workOrder = await inTransaction(context.dataSource, async (manager) => {
      const order = await manager.findOne(options.entity, { where: { id } as never });
      if (!order) throw new NotFoundError(`${options.typePrefix}WorkOrder`, id);
      if (order.status === WorkOrderStatus.COMPLETED) {
        throw new IllegalTransitionError('Work order', order.status, transition);
      }
      const fromState = order.status;
      const saved = await updateIfUnchanged(manager, options.entity, order, await changesFor(order, manager), `work order ${id}`);
      await recordAudit(manager, options.subgraph, context, {
        ticketId: order.ticketId,
        action: `work_order.${transition}`,
        entityType: 'WorkOrder',
        entityId: order.id,
        fromState,
        toState: order.status,
      });
      return saved;
    });
    return { workOrder };
  }

  /** Department roles act only for their own department; the centre's roles read any work order. */
  function assertOwnDepartment(context: SubgraphContext, readOnly: boolean) {
    if (readOnly && hasRole(context.actor, ...CENTRE_READERS)) return;
    if (context.actor.department !== options.department) {
      throw new ForbiddenError(`only ${options.department} staff may ${readOnly ? 'read' : 'change'} its work orders`);
    }
  }

  @Resolver(() => options.entity)
  class WorkOrderResolver {
    @Authorized(...CENTRE_READERS, ...DEPARTMENT_ROLES)
    @Query(() => options.entity, { name: `${lowerPrefix}WorkOrder`, nullable: true })
    async workOrder(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext): Promise<T | null> {
      assertOwnDepartment(context, true);
      return context.dataSource.manager.findOne(options.entity, { where: { id } as never });
    }

    @Authorized(...DEPARTMENT_ROLES)
    @Mutation(() => CreatePayload, { name: name('create') })
    async create(
      @Arg('input', () => CreateWorkOrderInput) input: CreateWorkOrderFields,
      @Ctx() context: SubgraphContext,
    ): Promise<WorkOrderPayload<T>> {
      assertOwnDepartment(context, false);
      const assignment = await options.findAssignment(input.ticketId, context);
      if (FINAL_TICKET_STATUSES.includes(assignment.ticketStatus as TicketStatus)) {
        throw new IllegalTransitionError('Ticket', assignment.ticketStatus, 'create work order');
      }
      const workOrder = await inTransaction(context.dataSource, async (manager) => {
        await checkAsset(manager, input.assetCode);
        const now = new Date();
        const order = manager.create(options.entity, {
          id: randomUUID(),
          ticketId: input.ticketId,
          assignmentId: assignment.id,
          assetCode: input.assetCode ?? null,
          description: input.description,
          crew: input.crew ?? null,
          status: WorkOrderStatus.OPEN,
          result: null,
          createdAt: now,
          updatedAt: now,
          completedAt: null,
        } as never) as unknown as T;
        await manager.insert(options.entity, order as never);
        const saved = order;
        await recordAudit(manager, options.subgraph, context, {
          ticketId: input.ticketId,
          action: 'work_order.created',
          entityType: 'WorkOrder',
          entityId: saved.id,
          toState: saved.status,
          data: { assignmentId: assignment.id, assetCode: saved.assetCode },
        });
        return saved;
      });
      return { workOrder };
    }

    @Authorized(...DEPARTMENT_ROLES)
    @Mutation(() => UpdatePayload, { name: name('update') })
    async update(
      @Arg('input', () => UpdateWorkOrderInput) input: UpdateWorkOrderFields,
      @Ctx() context: SubgraphContext,
    ): Promise<WorkOrderPayload<T>> {
      assertOwnDepartment(context, false);
      return change(context, input.id, 'updated', async (_order, manager) => {
        await checkAsset(manager, input.assetCode);
        const changes: Partial<WorkOrderBase> = {};
        if (input.description) changes.description = input.description;
        if (input.assetCode !== undefined) changes.assetCode = input.assetCode;
        if (input.crew !== undefined) changes.crew = input.crew;
        if (input.status) changes.status = input.status;
        return changes as Partial<T>;
      });
    }

    @Authorized(...DEPARTMENT_ROLES)
    @Mutation(() => CompletePayload, { name: name('complete') })
    async complete(
      @Arg('input', () => CompleteWorkOrderInput) input: CompleteWorkOrderFields,
      @Ctx() context: SubgraphContext,
    ): Promise<WorkOrderPayload<T>> {
      assertOwnDepartment(context, false);
      const result = input.result.trim();
      if (!result) throw new BadInputError('result must say what was done', 'result');
      return change(context, input.id, 'completed', async () => {
        const changes: Partial<WorkOrderBase> = { status: WorkOrderStatus.COMPLETED, result, completedAt: new Date() };
        return changes as Partial<T>;
      });
    }
  }
  return WorkOrderResolver;
}
