import { FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { AuditEventConnection } from './audit-event-connection';

/** Counted only when asked for: it reads every matching event's index entry, which a page alone need not. */
@Resolver(() => AuditEventConnection)
export class AuditEventCountResolver {
  @FieldResolver(() => Int, { description: 'How many events match the filter in all' })
  totalCount(@Root() connection: AuditEventConnection): Promise<number> {
    return connection.countMatching();
  }
}
