import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { assertSearchAllowed, TRAIL_READERS } from '../access/trail-access';
import type { AuditContext } from '../context';
import { assertExportable, EXPORT_LIMIT, ExportFormat, formatEvents } from '../export/export-format';
import { AuditEventConnection } from './audit-event-connection';
import { AuditEventFilter } from './audit-event-filter.input';
import { filteredEvents, listAuditEvents } from './list-audit-events';

@Resolver()
export class AuditEventsResolver {
  @Authorized(...TRAIL_READERS)
  @Query(() => AuditEventConnection, { description: 'Audit events from every subgraph, newest first: who did what, where, when' })
  async auditEvents(
    @Ctx() context: AuditContext,
    @Arg('filter', () => AuditEventFilter, { nullable: true }) filter?: AuditEventFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page forward (older events): this many, 50 when neither first nor last is given; at most 200' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: "Start after this cursor (a page's endCursor)" }) after?: string | null,
    @Arg('last', () => Int, { nullable: true, description: 'Page backward (newer events): this many; at most 200' }) last?: number | null,
    @Arg('before', () => String, { nullable: true, description: "End before this cursor (a page's startCursor)" }) before?: string | null,
  ): Promise<AuditEventConnection> {
    await assertSearchAllowed(context, filter?.ticketId);
    return listAuditEvents(context.dataSource, { filter, first, after, last, before });
  }

  @Authorized(...TRAIL_READERS)
  @Query(() => String, { description: 'The matching audit events (at most 10,000), newest first, as CSV or JSON' })
  async exportAuditEvents(
    @Ctx() context: AuditContext,
    @Arg('format', () => ExportFormat) format: ExportFormat,
    @Arg('filter', () => AuditEventFilter, { nullable: true }) filter?: AuditEventFilter | null,
  ): Promise<string> {
    await assertSearchAllowed(context, filter?.ticketId);
    const events = await filteredEvents(context.dataSource, filter).limit(EXPORT_LIMIT + 1).getMany();
    return formatEvents(assertExportable(events), format);
  }
}
