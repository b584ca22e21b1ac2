import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { inTransaction } from '../../../../schema/database/transaction';
import { ConflictError } from '../../../../schema/errors';
import type { IntakeContext } from '../context';
import { IntakeRequest } from './intake-request.entity';
import { Ticket } from './ticket.entity';
import type { CreateTicketInput } from './ticket.input';

const DUPLICATE_KEY = new Set(['ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_PRIMARYKEY', 'SQLITE_CONSTRAINT']);

function isDuplicateKey(error: unknown): boolean {
  const candidate = error as { code?: string; driverError?: { code?: string } };
  return DUPLICATE_KEY.has(candidate?.code ?? '') || DUPLICATE_KEY.has(candidate?.driverError?.code ?? '');
}

function hashOf(input: CreateTicketInput): string {
  const { idempotencyKey: _key, ...content } = input;
  return createHash('sha256').update(JSON.stringify(content, Object.keys(content).sort())).digest('hex');
}

async function replay(context: IntakeContext, key: string, inputHash: string): Promise<Ticket | null> {
  const request = await context.dataSource.getRepository(IntakeRequest).findOneBy({ idempotencyKey: key });
  if (!request) return null;
  if (request.inputHash !== inputHash) throw new ConflictError(`idempotency key ${key} was used for a different request`);
  return context.dataSource.getRepository(Ticket).findOneByOrFail({ id: request.ticketId });
}

export type TicketWriter = (ticketId: string, manager: EntityManager) => Promise<Ticket>;

/**
 * Makes the ticket once per idempotency key. The key's row is inserted first in
 * the ticket's own transaction: a concurrent submission with the same key
 * waits on that row's lock, then fails on the duplicate key and returns the
 * ticket the winner made; so does a later retry, without a lookup first (the
 * first submission, the common case, costs no extra statement; a retry costs a
 * rolled-back transaction and a ticket number). The same key with a different
 * request is a CONFLICT. `prepare` runs before the transaction opens (taking
 * the ticket number may need a connection of its own).
 */
export async function onceForKey(context: IntakeContext, input: CreateTicketInput, prepare: () => Promise<TicketWriter>): Promise<Ticket> {
  const key = input.idempotencyKey!;
  const inputHash = hashOf(input);
  const create = await prepare();
  try {
    return await inTransaction(context.dataSource, async (manager) => {
      const ticketId = randomUUID();
      await manager.insert(IntakeRequest, { idempotencyKey: key, ticketId, inputHash, createdAt: new Date() });
      return create(ticketId, manager);
    });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const earlier = await replay(context, key, inputHash);
    if (!earlier) throw error;
    return earlier;
  }
}
