import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../../../schema/audit/record-audit';
import { TicketStatus } from '../../../../schema/enums';
import { BadInputError } from '../../../../schema/errors';
import { Category } from '../category/category.entity';
import type { IntakeContext } from '../context';
import { Ticket } from './ticket.entity';
import type { CreateTicketInput } from './ticket.input';
import { nextTicketNumber } from './ticket-number';
import type { EntityManager } from 'typeorm';
import { inTransaction } from '../../../../schema/database/transaction';
import { onceForKey } from './idempotent-intake';
import { visibleText } from './visible-text';

/**
 * Records a citizen's request: the ticket, its number and its audit record, in
 * one transaction. With an idempotency key, a retried submission returns the
 * ticket the first one made (see idempotent-intake.ts).
 */
export async function createTicket(input: CreateTicketInput, context: IntakeContext): Promise<Ticket> {
  const hasLatitude = input.latitude != null;
  if (hasLatitude !== (input.longitude != null)) {
    throw new BadInputError('latitude and longitude go together: give both or neither', hasLatitude ? 'longitude' : 'latitude');
  }
  if (!input.idempotencyKey) return insertTicket(input, context, randomUUID());
  return onceForKey(context, input, (ticketId, manager) => insertTicket(input, context, ticketId, manager));
}

async function insertTicket(input: CreateTicketInput, context: IntakeContext, id: string, outer?: EntityManager): Promise<Ticket> {
  const work = async (manager: EntityManager) => {
    if (!(await manager.existsBy(Category, { code: input.categoryCode }))) {
      throw new BadInputError(`unknown category ${input.categoryCode}`, 'categoryCode');
    }
    const now = new Date();
    const ticket = manager.create(Ticket, {
      id,
      number: await nextTicketNumber(manager, now, context.config.timeZone),
      channel: input.channel,
      citizenName: optionalText(input.citizenName),
      citizenPhone: input.citizenPhone ?? null,
      content: visibleText(input.content),
      categoryCode: input.categoryCode,
      address: optionalText(input.address),
      district: input.district ?? null,
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      status: TicketStatus.RECEIVED,
      answer: null,
      createdAt: now,
      updatedAt: now,
      deadline: null,
      closedAt: null,
    });
    await manager.insert(Ticket, ticket);
    await recordAudit(manager, 'intake', context, {
      ticketId: ticket.id,
      action: 'ticket.created',
      entityType: 'Ticket',
      entityId: ticket.id,
      toState: ticket.status,
      data: { number: ticket.number, channel: ticket.channel, categoryCode: ticket.categoryCode, district: ticket.district },
    });
    return ticket;
  };
  return outer ? work(outer) : inTransaction(context.dataSource, work);
}

/** A name or address of nothing visible (spaces, zero-width characters) is one not given, as a blank one always was. */
function optionalText(text: string | null | undefined): string | null {
  return text ? visibleText(text) || null : null;
}
