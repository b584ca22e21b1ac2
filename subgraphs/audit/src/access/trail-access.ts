import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { ForbiddenError } from '../../../../schema/identity/auth-checker';
import { DEPARTMENT_ROLES, hasRole, type Identity, Role } from '../../../../schema/identity/roles';
import type { SubgraphContext } from '../../../../schema/subgraph-context';
import { TrailEvent } from '../trail/trail-event.entity';

/**
 * Who reads the audit trail. Operators, observers and citizens do not: the
 * trail names every official who touched a ticket, and operators are among
 * those it holds to account.
 */
export const FULL_TRAIL_READERS = [Role.AUDITOR, Role.SUPERVISOR, Role.SYSTEM_ADMIN];
export const TRAIL_READERS = [...FULL_TRAIL_READERS, ...DEPARTMENT_ROLES];

export const readsEveryTrail = (actor: Identity) => hasRole(actor, ...FULL_TRAIL_READERS);

/** Per request: which of these tickets ever concerned the caller's department (one query per batch). */
export function createOwnDepartmentLoader(dataSource: DataSource, department: string | null | undefined): DataLoader<string, boolean> {
  return new DataLoader<string, boolean>(
    async (ticketIds) => {
      if (!department) return ticketIds.map(() => false);
      const rows = await dataSource
        .getRepository(TrailEvent)
        .createQueryBuilder('e')
        .select('e.ticketId', 'ticketId')
        .distinct(true)
        .where('e.department = :department AND e.ticketId IN (:...ticketIds)', { department, ticketIds })
        .getRawMany<{ ticketId: string }>();
      const own = new Set(rows.map((row) => row.ticketId));
      return ticketIds.map((id) => own.has(id));
    },
    { maxBatchSize: 500 },
  );
}

interface AccessContext extends SubgraphContext {
  loaders: { ownDepartmentTicket: DataLoader<string, boolean> };
}

/** A department reads the trail of a ticket once it was dispatched to it (or its subgraph recorded work on it). */
export async function assertTrailReadable(context: AccessContext, ticketId: string): Promise<void> {
  if (readsEveryTrail(context.actor)) return;
  if (hasRole(context.actor, ...DEPARTMENT_ROLES) && (await context.loaders.ownDepartmentTicket.load(ticketId))) return;
  throw new ForbiddenError(`ticket ${ticketId} was never assigned to your department`);
}

/** Searches across tickets are for the centre's readers; a department may search one of its own tickets. */
export async function assertSearchAllowed(context: AccessContext, ticketId: string | null | undefined): Promise<void> {
  if (readsEveryTrail(context.actor)) return;
  if (!ticketId) throw new ForbiddenError('a department searches the audit trail of one of its own tickets: give filter.ticketId');
  await assertTrailReadable(context, ticketId);
}
