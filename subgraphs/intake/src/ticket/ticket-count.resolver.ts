import { FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { TicketConnection } from './ticket-connection';

/** Counted only when asked for: it reads every matching ticket in the index, which a page alone need not. */
@Resolver(() => TicketConnection)
export class TicketCountResolver {
  @FieldResolver(() => Int, { description: 'How many tickets match the filter in all' })
  totalCount(@Root() connection: TicketConnection): Promise<number> {
    return connection.countMatching();
  }
}
