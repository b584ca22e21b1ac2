import { type EntityManager, In } from 'typeorm';
import { AssignmentFact } from './assignment-fact.entity';
import { TicketFact } from './ticket-fact.entity';

const CHUNK = 300;

/**
 * The facts a batch of events reads and changes, in memory: loaded for the
 * tickets a page touches (or, in a rebuild, made from nothing), changed by
 * the projection, and written back once at the end.
 */
export class FactStore {
  private readonly tickets = new Map<string, TicketFact>();
  private readonly assignments = new Map<string, AssignmentFact>();
  private readonly byTicket = new Map<string, AssignmentFact[]>();
  private readonly changedTickets = new Set<TicketFact>();
  private readonly changedAssignments = new Set<AssignmentFact>();

  /** The stored facts of these tickets and of their assignments. */
  static async load(manager: EntityManager, ticketIds: readonly string[]): Promise<FactStore> {
    const store = new FactStore();
    const ids = [...new Set(ticketIds)];
    for (let start = 0; start < ids.length; start += CHUNK) {
      const chunk = ids.slice(start, start + CHUNK);
      for (const ticket of await manager.findBy(TicketFact, { ticketId: In(chunk) })) store.tickets.set(ticket.ticketId, ticket);
      for (const assignment of await manager.findBy(AssignmentFact, { ticketId: In(chunk) })) store.remember(assignment);
    }
    return store;
  }

  ticket(ticketId: string): TicketFact | undefined {
    return this.tickets.get(ticketId);
  }

  assignment(assignmentId: string): AssignmentFact | undefined {
    return this.assignments.get(assignmentId);
  }

  assignmentsOf(ticketId: string): readonly AssignmentFact[] {
    return this.byTicket.get(ticketId) ?? [];
  }

  addTicket(fact: TicketFact): void {
    this.tickets.set(fact.ticketId, fact);
    this.changed(fact);
  }

  addAssignment(fact: AssignmentFact): void {
    this.remember(fact);
    this.changed(fact);
  }

  /** Marks a fact changed in place, so `save` writes it. */
  changed(fact: TicketFact | AssignmentFact): void {
    if (fact instanceof TicketFact) this.changedTickets.add(fact);
    else this.changedAssignments.add(fact);
  }

  get size(): { tickets: number; assignments: number } {
    return { tickets: this.tickets.size, assignments: this.assignments.size };
  }

  async save(manager: EntityManager): Promise<void> {
    const tickets = [...this.changedTickets];
    const assignments = [...this.changedAssignments];
    for (let start = 0; start < tickets.length; start += CHUNK) await manager.upsert(TicketFact, tickets.slice(start, start + CHUNK), ['ticketId']);
    for (let start = 0; start < assignments.length; start += CHUNK) await manager.upsert(AssignmentFact, assignments.slice(start, start + CHUNK), ['assignmentId']);
    this.changedTickets.clear();
    this.changedAssignments.clear();
  }

  private remember(assignment: AssignmentFact): void {
    this.assignments.set(assignment.assignmentId, assignment);
    const siblings = this.byTicket.get(assignment.ticketId);
    if (siblings) siblings.push(assignment);
    else this.byTicket.set(assignment.ticketId, [assignment]);
  }
}
