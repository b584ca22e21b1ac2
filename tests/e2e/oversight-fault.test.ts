import { openOversightDataSource } from '../../subgraphs/oversight/src/data-source';
import { type ProcessStack, startProcessStack } from '../support/process-stack';

/**
 * The oversight process killed (SIGKILL) twice while it applies a backlog of
 * the feed: afterwards every event counts exactly once, none twice, none lost.
 */
jest.setTimeout(240_000);

const TICKETS = 60;
let stack: ProcessStack;

beforeAll(async () => {
  // small pages, so the backlog takes many transactions and a kill lands inside it
  stack = await startProcessStack({ env: { SEED_SAMPLE_TICKETS: '0', OVERSIGHT_FEED_PAGE: '5', OVERSIGHT_FEED_POLL_MS: '100', OUTBOX_POLL_MS: '100', LOG_LEVEL: 'warn' } });
});
afterAll(async () => {
  await stack?.close();
});

async function ok(query: string, variables: Record<string, unknown>, as: Parameters<ProcessStack['graphql']>[2] = 'operator') {
  const { body } = await stack.graphql(query, variables, as);
  if (body?.errors || !body?.data) throw new Error(JSON.stringify(body));
  // the payload's one field: the ticket or the assignment
  return Object.values(Object.values(body.data)[0] as object)[0] as any;
}

async function eventually(probe: () => Promise<boolean>, seconds: number, what: string): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${seconds} s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

it('counts every event exactly once across two kills in the middle of the feed', async () => {
  const { dataSource: oversight } = await openOversightDataSource({ ...stack.settings, migrate: false });
  try {
    await stack.subgraphs.oversight.stop();
    for (let i = 0; i < TICKETS; i += 1) {
      const ticket = await ok('mutation($input: CreateTicketInput!) { createTicket(input: $input) { ticket { id } } }', {
        input: { channel: 'PHONE', content: `第${i}号 路灯不亮 Streetlight out`, categoryCode: 'streetlight_out', citizenPhone: '13912345678' },
      });
      const dispatched = await ok('mutation($input: DispatchTicketInput!) { dispatchTicket(input: $input) { ticket { assignments { id } } } }', { input: { ticketId: ticket.id, departmentCodes: ['streetlight'] } });
      const assignment = dispatched.assignments[0].id;
      await ok('mutation($id: ID!) { acceptAssignment(input: { id: $id }) { assignment { id } } }', { id: assignment }, 'streetlightStaff');
      await ok('mutation($id: ID!) { reportResult(input: { id: $id, result: "已修复 Fixed" }) { assignment { id } } }', { id: assignment }, 'streetlightStaff');
    }
    const cursor = async () => Number((await oversight.query('SELECT seq FROM feed_cursor'))[0].seq);
    // every outbox delivered: the audit trail holds the backlog oversight must now work through (5 events a ticket)
    let stored = 0;
    await eventually(async () => {
      const response = await stack.graphql('{ auditEvents(first: 1) { totalCount } }', {}, 'auditor');
      stored = response.body?.data?.auditEvents?.totalCount ?? 0;
      return stored >= TICKETS * 5;
    }, 60, 'delivery of every event to audit');

    for (let kill = 1; kill <= 2; kill += 1) {
      const from = await cursor();
      stack.subgraphs.oversight.start();
      await eventually(async () => (await cursor()) > from, 60, `oversight applying a page after start ${kill}`);
      stack.subgraphs.oversight.signal('SIGKILL');
      await stack.subgraphs.oversight.exit;
      expect(await cursor()).toBeLessThan(stored);
    }
    stack.subgraphs.oversight.start();
    await eventually(async () => (await cursor()) >= stored, 60, 'oversight catching up');

    const [centre] = await oversight.query("SELECT SUM(received) AS received, SUM(dispatched) AS dispatched, SUM(resultReported) AS reported, SUM(onTime) AS onTime FROM department_day WHERE departmentCode = '*'");
    const [department] = await oversight.query("SELECT SUM(received) AS received, SUM(dispatched) AS dispatched, SUM(handled) AS handled FROM department_day WHERE departmentCode = 'streetlight'");
    const [facts] = await oversight.query('SELECT COUNT(*) AS tickets FROM ticket_fact');
    expect([centre.received, centre.dispatched, centre.reported, centre.onTime].map(Number)).toEqual([TICKETS, TICKETS, TICKETS, TICKETS]);
    expect([department.received, department.dispatched, department.handled].map(Number)).toEqual([TICKETS, TICKETS, TICKETS]);
    expect(Number(facts.tickets)).toBe(TICKETS);
  } finally {
    await oversight.destroy();
  }
});
