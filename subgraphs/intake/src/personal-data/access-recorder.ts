import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { AuditEvent } from '../../../../schema/audit/audit-event.entity';
import type { RequestContext } from '../../../../schema/request-context';
import { PersonalDataAccess } from './personal-data-access.entity';

/**
 * Records unmasked reads, batched per request: a page of 50 tickets with names
 * and phones costs one INSERT per table, not 100. The read waits for the record, so a
 * citizen's data is never shown without its trace.
 */
export function createAccessRecorder(dataSource: DataSource, context: RequestContext): DataLoader<string, true> {
  return new DataLoader<string, true>(
    async (keys) => {
      const accessedAt = new Date();
      const rows = keys.map((key) => {
        const [ticketId, field] = key.split(':');
        return {
          id: randomUUID(),
          ticketId,
          field,
          actorId: context.actor.id,
          actorRoles: context.actor.roles.join(','),
          requestId: context.requestId,
          accessedAt,
        };
      });
      // the reads also join the ticket's cross-department trail, through the audit outbox
      await dataSource.transaction(async (manager) => {
        await manager.insert(PersonalDataAccess, rows);
        await manager.insert(
          AuditEvent,
          rows.map((row) => ({
            id: randomUUID(),
            ticketId: row.ticketId,
            subgraph: 'intake',
            action: 'personal_data.read',
            entityType: 'Ticket',
            entityId: row.ticketId,
            fromState: null,
            toState: null,
            actorId: row.actorId,
            actorRole: row.actorRoles,
            requestId: row.requestId,
            reason: null,
            data: { field: row.field },
            occurredAt: accessedAt,
            deliveredAt: null,
          })),
        );
      });
      return keys.map(() => true as const);
    },
    { maxBatchSize: 500 },
  );
}
