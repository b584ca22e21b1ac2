import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { assertTrailReadable, TRAIL_READERS } from '../access/trail-access';
import type { AuditContext } from '../context';
import { assertExportable, EXPORT_LIMIT, ExportFormat, formatEvents } from '../export/export-format';
import { Ticket } from '../ticket/ticket.type';
import { TrailEvent } from './trail-event.entity';
import { TrailVerification } from './trail-verification.type';
import { verifyTrail } from './verify-trail';

@Resolver(() => Ticket)
export class TicketTrailResolver {
  @Authorized(...TRAIL_READERS)
  @FieldResolver(() => [TrailEvent], { description: 'Every change any subgraph recorded for this ticket, oldest first (审计轨迹)' })
  async trail(@Root() ticket: Ticket, @Ctx() context: AuditContext): Promise<TrailEvent[]> {
    await assertTrailReadable(context, ticket.id);
    return context.loaders.trailByTicket.load(ticket.id);
  }
}

@Resolver()
export class TrailResolver {
  @Authorized(...TRAIL_READERS)
  @Query(() => TrailVerification, { description: "Recomputes the ticket's hash chain and names the first event that no longer matches" })
  async verifyTrail(@Arg('ticketId', () => ID) ticketId: string, @Ctx() context: AuditContext): Promise<TrailVerification> {
    await assertTrailReadable(context, ticketId);
    await context.anchors?.refresh();
    return verifyTrail(context.dataSource, ticketId, context.anchors);
  }

  @Authorized(...TRAIL_READERS)
  @Query(() => String, { description: "The ticket's trail as CSV or JSON, with the chain fields to re-verify it elsewhere" })
  async exportTrail(
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('format', () => ExportFormat) format: ExportFormat,
    @Ctx() context: AuditContext,
  ): Promise<string> {
    await assertTrailReadable(context, ticketId);
    const events = await context.dataSource
      .getRepository(TrailEvent)
      .find({ where: { ticketId }, order: { occurredAt: 'ASC', ticketSeq: 'ASC' }, take: EXPORT_LIMIT + 1 });
    return formatEvents(assertExportable(events), format);
  }
}
