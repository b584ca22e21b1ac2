import type { DataSource } from 'typeorm';
import { STEPS } from '../../support/lifecycle-steps';
import { CREATE_TICKET, TICKET_EVERYWHERE, TICKET_FIELDS, ticketInput } from '../../support/operations';
import type { Persona } from '../../support/personas';

/** One measured operation: what it sends, as whom, how many at once. */
export interface BenchOperation {
  name: string;
  concurrency: number;
  as: Persona;
  bodies: string[];
  /** Each body may be sent only once (a mutation on one assignment). */
  once?: boolean;
}

const body = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });
const TICKET_PAGE = `query Page($filter: TicketFilter) { tickets(first: 50, filter: $filter) { nodes { ${TICKET_FIELDS} } pageInfo { hasNextPage endCursor } } }`;
// the status + department pages a department's desk and a supervisor open most
const FILTERS = ['water', 'streetlight', 'transit'].flatMap((departmentCode) => [
  { status: ['DISPATCHED'], departmentCode },
  { status: ['CLOSED'], departmentCode },
]);

async function sampleTicketIds(intake: DataSource, count: number): Promise<string[]> {
  const random = intake.options.type === 'mysql' ? 'RAND()' : 'random()';
  // spread over the whole table, so the pages the bench reads are mostly cold, as a city's would be
  const rows: Array<{ id: string }> = await intake.query(`SELECT id FROM ticket ORDER BY ${random} LIMIT ${count}`);
  return rows.map((row) => row.id);
}

/** Pending assignments of one department, each accepted once by the bench. */
async function pendingAssignments(intake: DataSource, departmentCode: string, count: number): Promise<Array<{ id: string; version: number }>> {
  return intake.query(`SELECT id, version FROM assignment WHERE departmentCode = ? AND status = 'PENDING' ORDER BY deadline LIMIT ${count}`, [departmentCode]);
}

/** The accept step's variables: the assignment and the version the bench read. */
const acceptVariables = (assignment: { id: string; version: number }) => ({ id: assignment.id, v: assignment.version });

export async function benchOperations(intake: DataSource, createConcurrency: readonly number[]): Promise<BenchOperation[]> {
  const ids = await sampleTicketIds(intake, 2000);
  const creates = Array.from({ length: 500 }, (_, i) =>
    body(CREATE_TICKET, { input: ticketInput({ latitude: 32.25 + (i % 11) * 0.01, longitude: 118.25 + (i % 13) * 0.01, citizenPhone: `1391${String(i).padStart(7, '0')}` }) }),
  );
  const pending = await pendingAssignments(intake, 'water', 5000);
  return [
    { name: 'ticket(id), every department', concurrency: 1, as: 'operator', bodies: ids.map((id) => body(TICKET_EVERYWHERE, { id })) },
    { name: 'ticket(id), every department', concurrency: 10, as: 'operator', bodies: ids.map((id) => body(TICKET_EVERYWHERE, { id })) },
    { name: 'tickets(first: 50), every department', concurrency: 1, as: 'operator', bodies: [body(TICKET_PAGE)] },
    { name: 'status + department page of 50', concurrency: 1, as: 'operator', bodies: FILTERS.map((filter) => body(TICKET_PAGE, { filter })) },
    ...createConcurrency.map((concurrency) => ({ name: 'createTicket', concurrency, as: 'operator' as const, bodies: creates })),
    // 签收: the first step every department takes on every ticket it gets
    { name: 'acceptAssignment (water)', concurrency: 10, as: 'waterStaff', once: true, bodies: pending.map((assignment) => body(STEPS.accept.query, acceptVariables(assignment))) },
  ];
}
