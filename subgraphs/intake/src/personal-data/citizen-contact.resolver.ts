import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { maskName, maskPhone } from '../../../../schema/identity/masking';
import { hasRole, PERSONAL_DATA_READERS, Role } from '../../../../schema/identity/roles';
import type { IntakeContext } from '../context';
import { Ticket } from '../ticket/ticket.entity';

type ContactField = 'citizenName' | 'citizenPhone';

/**
 * A citizen's name and phone: in full for the citizen themself, and for the
 * centre's roles that need to reach them (each such read is recorded);
 * masked for everyone else who may see the ticket (departments, observers).
 */
@Resolver(() => Ticket)
export class CitizenContactResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Masked (张*) unless your role may contact the citizen; full reads are recorded' })
  citizenName(@Root() ticket: Ticket, @Ctx() context: IntakeContext): Promise<string | null> {
    return reveal(ticket, 'citizenName', maskName, context);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Masked (138****5678) unless your role may contact the citizen; full reads are recorded' })
  citizenPhone(@Root() ticket: Ticket, @Ctx() context: IntakeContext): Promise<string | null> {
    return reveal(ticket, 'citizenPhone', maskPhone, context);
  }
}

async function reveal(ticket: Ticket, field: ContactField, mask: (value: string) => string, context: IntakeContext): Promise<string | null> {
  const value = ticket[field];
  if (!value) return null;
  const { actor } = context;
  const ownTicket = hasRole(actor, Role.CITIZEN) && actor.phone != null && actor.phone === ticket.citizenPhone;
  if (ownTicket) return value;
  if (!hasRole(actor, ...PERSONAL_DATA_READERS)) return mask(value);
  await context.personalDataAccess.load(`${ticket.id}:${field}`);
  return value;
}
