import { ForbiddenError } from '../../../../schema/identity/auth-checker';
import { CENTRE_READERS, DEPARTMENT_ROLES, hasRole, Role } from '../../../../schema/identity/roles';
import type { IntakeContext } from '../context';
import type { Ticket } from './ticket.entity';

/** Row rules on top of the role check: citizens see their own tickets, departments the ones assigned to them. */
export async function assertCanSee(context: IntakeContext, ticket: Ticket): Promise<void> {
  const { actor } = context;
  if (hasRole(actor, ...CENTRE_READERS)) return;
  if (hasRole(actor, Role.CITIZEN) && actor.phone && actor.phone === ticket.citizenPhone) return;
  if (hasRole(actor, ...DEPARTMENT_ROLES) && actor.department) {
    const assignments = await context.loaders.assignmentsByTicket.load(ticket.id);
    if (assignments.some((assignment) => assignment.departmentCode === actor.department)) return;
  }
  throw new ForbiddenError(`ticket ${ticket.number} is not yours to see`);
}

/** What a list is narrowed to, whatever filter the caller sent. */
export interface TicketScope {
  citizenPhone?: string;
  departmentCode?: string;
}

export function ticketScope(context: IntakeContext, requestedDepartment?: string | null): TicketScope {
  const { actor } = context;
  if (hasRole(actor, ...CENTRE_READERS)) return {};
  if (hasRole(actor, ...DEPARTMENT_ROLES) && actor.department) {
    if (requestedDepartment && requestedDepartment !== actor.department) {
      throw new ForbiddenError(`you may list only tickets assigned to ${actor.department}`);
    }
    return { departmentCode: actor.department };
  }
  if (hasRole(actor, Role.CITIZEN) && actor.phone) return { citizenPhone: actor.phone };
  throw new ForbiddenError('your role may not list tickets');
}
