import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Role } from '../../../../schema/identity/roles';
import { NotFoundError } from '../../../../schema/errors';
import type { IntakeContext } from '../context';
import { Department } from '../department/department.entity';
import { Ticket } from '../ticket/ticket.entity';
import { Assignment } from './assignment.entity';
import { dispatchTicket } from './dispatch-ticket';
import { DispatchTicketInput } from './dispatch.input';

@Resolver(() => Assignment)
export class AssignmentResolver {
  @Authorized(Role.OPERATOR, Role.SUPERVISOR)
  @Mutation(() => Ticket, { description: 'Dispatch a ticket to one or several departments (转办)' })
  dispatchTicket(@Arg('input', () => DispatchTicketInput) input: DispatchTicketInput, @Ctx() context: IntakeContext): Promise<Ticket> {
    return dispatchTicket(input, context);
  }

  @FieldResolver(() => Department)
  async department(@Root() assignment: Assignment, @Ctx() context: IntakeContext): Promise<Department> {
    const department = await context.loaders.departmentByCode.load(assignment.departmentCode);
    if (!department) throw new NotFoundError('Department', assignment.departmentCode);
    return department;
  }
}
