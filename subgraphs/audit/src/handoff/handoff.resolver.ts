import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { BadInputError } from '../../../../schema/errors';
import { FULL_TRAIL_READERS } from '../access/trail-access';
import type { AuditContext } from '../context';
import { HandoffCount } from './handoff-count.type';
import { passedAroundTickets } from './passed-around';

const MAX_TICKETS = 500;

@Resolver()
export class HandoffResolver {
  /** A view across all departments' tickets, so not for a department's own staff. */
  @Authorized(...FULL_TRAIL_READERS)
  @Query(() => [HandoffCount], { description: 'Tickets returned or re-dispatched at least minHandoffs times: the buck-passing view' })
  passedAroundTickets(
    @Ctx() context: AuditContext,
    @Arg('minHandoffs', () => Int, { defaultValue: 2 }) minHandoffs = 2,
    @Arg('first', () => Int, { defaultValue: 100 }) first = 100,
  ): Promise<HandoffCount[]> {
    if (minHandoffs < 1) throw new BadInputError('minHandoffs must be at least 1', 'minHandoffs');
    if (first < 1 || first > MAX_TICKETS) throw new BadInputError(`first must be between 1 and ${MAX_TICKETS}`, 'first');
    return passedAroundTickets(context.dataSource, minHandoffs, first);
  }
}
