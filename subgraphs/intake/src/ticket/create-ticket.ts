import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../../../schema/audit/record-audit';
import { TicketStatus } from '../../../../schema/enums';
import { Supervision } from '../supervision/supervision';
import { BadInputError } from '../../../../schema/errors';
import type { IntakeContext } from '../context';
import { Ticket } from './ticket.entity';
import type { CreateTicketInput } from './ticket.input';
import { isKnownCategory } from './known-categories';
import { ticketNumbersOf } from './ticket-number-blocks';
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
  if (!input.idempotencyKey) return insertTicket(input, context, randomUUID(), await checkedNumber(input, context));
  return onceForKey(context, input, async () => {
    const number = await checkedNumber(input, context);
    return (ticketId, manager) => insertTicket(input, context, ticketId, number, manager);
  });
}

/**
 * Both before the intake's transaction opens. The number: a block refill runs on a connection of its own, and
 * intakes holding connections while they wait for one more could starve the pool. The category first, so a bad
 * one costs no number (known-categories.ts: categories are never removed, so a known one is remembered).
 */
async function checkedNumber(input: CreateTicketInput, context: IntakeContext): Promise<string> {
  if (!(await isKnownCategory(context.dataSource, input.categoryCode))) {
    throw new BadInputError(`unknown category ${input.categoryCode}`, 'categoryCode');
  }
  return ticketNumbersOf(context.dataSource, context.config.timeZone, context.config.ticketNumberBlock).take(new Date());
}

async function insertTicket(input: CreateTicketInput, context: IntakeContext, id: string, number: string, outer?: EntityManager): Promise<Ticket> {
  const work = async (manager: EntityManager) => {
    const now = new Date();
    const ticket = manager.create(Ticket, {
      id,
      number,
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
      // every column given, and the entity not updated from the database: otherwise TypeORM reads the row back
      // after the INSERT for the defaults (supervision, version), one statement more per intake
      supervision: Supervision.NONE,
      closeExplanation: null,
      mergedIntoId: null,
      answeredArticleId: null,
      version: 1,
    });
    await manager.createQueryBuilder().insert().into(Ticket).values(ticket).updateEntity(false).execute();
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
