import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { RequestContext } from '../../../../schema/request-context';
import { PersonalDataAccess } from './personal-data-access.entity';

/**
 * Records unmasked reads, batched per request: a page of 50 tickets with names
 * and phones costs one INSERT, not 100. The read waits for the record, so a
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
      await dataSource.getRepository(PersonalDataAccess).insert(rows);
      return keys.map(() => true as const);
    },
    { maxBatchSize: 500 },
  );
}
