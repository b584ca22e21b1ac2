import { Role } from '../schema/identity/roles';
import { seedCalendar } from './intake/calendar';
import { seedKnowledgeBase } from './intake/knowledge-articles';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { recordAudit } from '../schema/audit/record-audit';
import { AssignmentStatus, TicketStatus } from '../schema/enums';
import type { RequestContext } from '../schema/request-context';
import { Assignment } from '../subgraphs/intake/src/assignment/assignment.entity';
import { Category } from '../subgraphs/intake/src/category/category.entity';
import { Department } from '../subgraphs/intake/src/department/department.entity';
import { Ticket } from '../subgraphs/intake/src/ticket/ticket.entity';
import { deterministicId } from './deterministic-id';
import { CATEGORIES } from './intake/categories';
import { DEPARTMENTS } from './intake/departments';
import type { TicketSeed } from './intake/import-311';
import { reserveTicketNumbers } from './intake/reserve-ticket-numbers';
import { sampleTickets } from './intake/sample-tickets';

export interface IntakeSeedOptions {
  now?: Date;
  /** Real Boston 311 records to import as tickets; 0 seeds the catalogue only. */
  sampleTickets?: number;
  /** Numbers follow the city's local days; the importer reads times as Asia/Shanghai. */
  timeZone?: string;
  dataDir?: string;
}

const SEED_CONTEXT: RequestContext = { requestId: 'seed', actor: { id: 'seed', roles: [Role.SYSTEM_ADMIN] } };
const CHUNK_SIZE = 200;
const DEFAULT_ASSIGNMENT_DAYS = 5;
const DAY_MS = 24 * 3600 * 1000;

/** The 26 departments, the category catalogue and a sample of real tickets; safe to run again. */
export async function seedIntake(dataSource: DataSource, options: IntakeSeedOptions = {}): Promise<{ inserted: number }> {
  const now = options.now ?? new Date();
  const total = options.sampleTickets ?? 360;
  // read the files before the transaction opens: a bad file should fail without holding locks
  const seeds = total > 0 ? sampleTickets(total, options.dataDir) : [];
  return dataSource.transaction(async (manager) => {
    const catalogue = await seedCatalogue(manager);
    const calendarDays = await seedCalendar(manager);
    const knowledge = await seedKnowledgeBase(manager);
    const fresh = await withoutExisting(manager, seeds);
    const numbers = await reserveTicketNumbers(manager, fresh.map((seed) => seed.createdAt), options.timeZone ?? 'Asia/Shanghai');
    const tickets = fresh.map((seed, i) => toTicket(seed, numbers[i]));
    for (const chunk of chunks(tickets)) {
      await manager.createQueryBuilder().insert().into(Ticket).values(chunk).updateEntity(false).execute();
    }
    for (const chunk of chunks(fresh.map(toAssignment))) {
      await manager.createQueryBuilder().insert().into(Assignment).values(chunk).updateEntity(false).execute();
    }
    for (const [i, ticket] of tickets.entries()) {
      const seed = fresh[i];
      await recordAudit(
        manager,
        'intake',
        SEED_CONTEXT,
        {
          ticketId: ticket.id,
          action: 'ticket.imported',
          entityType: 'Ticket',
          entityId: ticket.id,
          toState: ticket.status,
          data: { number: ticket.number, source: 'boston-311', sourceId: seed.sourceId, onTime: seed.onTime },
        },
        now,
      );
    }
    return { inserted: catalogue + calendarDays + knowledge + tickets.length };
  });
}

/**
 * Inserts the departments and categories that are missing and leaves the rest
 * alone: once a database exists the catalogue is the system administrators'
 * (saveDepartment, saveCategory, retireDepartment), and `npm start` runs the
 * seed every time, so it must never undo their edits. Counts the new rows.
 */
async function seedCatalogue(manager: EntityManager): Promise<number> {
  const departments = new Set((await manager.find(Department, { select: { code: true } })).map((row) => row.code));
  const categories = new Set((await manager.find(Category, { select: { code: true } })).map((row) => row.code));
  const newDepartments = DEPARTMENTS.filter((department) => !departments.has(department.code));
  const newCategories = CATEGORIES.filter((category) => !categories.has(category.code));
  if (newDepartments.length) await manager.insert(Department, newDepartments.map((department) => ({ ...department })));
  if (newCategories.length) await manager.insert(Category, newCategories.map((category) => ({ ...category })));
  return newDepartments.length + newCategories.length;
}

async function withoutExisting(manager: EntityManager, seeds: TicketSeed[]): Promise<TicketSeed[]> {
  const existing = new Set<string>();
  for (const chunk of chunks(seeds)) {
    const rows = await manager.find(Ticket, { select: { id: true }, where: { id: In(chunk.map((seed) => seed.id)) } });
    for (const row of rows) existing.add(row.id);
  }
  return seeds.filter((seed) => !existing.has(seed.id));
}

function toTicket(seed: TicketSeed, number: string): Ticket {
  return Object.assign(new Ticket(), {
    id: seed.id,
    number,
    channel: seed.channel,
    citizenName: seed.citizenName,
    citizenPhone: seed.citizenPhone,
    content: seed.content,
    categoryCode: seed.categoryCode,
    address: seed.address,
    latitude: seed.latitude,
    longitude: seed.longitude,
    status: seed.status,
    answer: null,
    createdAt: seed.createdAt,
    updatedAt: seed.closedAt ?? seed.createdAt,
    deadline: seed.deadline,
    closedAt: seed.closedAt,
    version: 1,
  });
}

function toAssignment(seed: TicketSeed): Assignment {
  return Object.assign(new Assignment(), {
    id: deterministicId(`assignment:${seed.id}`),
    ticketId: seed.id,
    departmentCode: seed.departmentCode,
    lead: true,
    status: seed.status === TicketStatus.CLOSED ? AssignmentStatus.FINISHED : AssignmentStatus.PENDING,
    note: null,
    dispatchedAt: seed.createdAt,
    deadline: seed.deadline ?? new Date(seed.createdAt.getTime() + DEFAULT_ASSIGNMENT_DAYS * DAY_MS),
    reportedAt: seed.closedAt,
    updatedAt: seed.closedAt ?? seed.createdAt,
    extensionsGranted: 0,
    urgeCount: 0,
    version: 1,
  });
}

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK_SIZE) result.push(items.slice(i, i + CHUNK_SIZE));
  return result;
}
