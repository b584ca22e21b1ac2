import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { ACTIVE_ASSIGNMENT_STATUSES } from '../../../../schema/enums';
import { NotFoundError } from '../../../../schema/errors';
import { Role } from '../../../../schema/identity/roles';
import type { IntakeContext } from '../context';
import { Timing, timingOf } from '../deadline/timing';
import { Department } from '../department/department.entity';
import { Ticket } from '../ticket/ticket.entity';
import { DispatchTicketPayload, ticketPayload, type TicketPayload } from '../ticket/ticket.payload';
import { Assignment } from './assignment.entity';
import { dispatchTicket } from './dispatch-ticket';
import { DispatchTicketInput } from './dispatch.input';

@Resolver(() => Assignment)
export class AssignmentResolver {
  @Authorized(Role.OPERATOR, Role.SUPERVISOR)
  @Mutation(() => DispatchTicketPayload, { description: 'Dispatch a ticket to one or several departments (转办)' })
  dispatchTicket(@Arg('input', () => DispatchTicketInput) input: DispatchTicketInput, @Ctx() context: IntakeContext): Promise<TicketPayload> {
    return ticketPayload(dispatchTicket(input, context));
  }

  @FieldResolver(() => Department)
  async department(@Root() assignment: Assignment, @Ctx() context: IntakeContext): Promise<Department> {
    const department = await context.loaders.departmentByCode.load(assignment.departmentCode);
    if (!department) throw new NotFoundError('Department', assignment.departmentCode);
    return department;
  }

  @FieldResolver(() => Ticket, { description: 'The ticket this assignment is part of' })
  async ticket(@Root() assignment: Assignment, @Ctx() context: IntakeContext): Promise<Ticket> {
    const ticket = await context.loaders.ticketById.load(assignment.ticketId);
    if (!ticket) throw new NotFoundError('Ticket', assignment.ticketId);
    return ticket;
  }

  @FieldResolver(() => Timing, { description: 'Overdue, due soon, time remaining' })
  timing(@Root() assignment: Assignment): Timing {
    return timingOf(assignment.deadline, ACTIVE_ASSIGNMENT_STATUSES.includes(assignment.status));
  }
}
