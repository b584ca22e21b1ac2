import { CREATE_TICKET, TICKET_FIELDS, ticketInput } from '../support/operations';
import { type Stack, startStack } from '../support/stack';
import type { SubgraphName } from '../support/subgraph-modules';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  // spread over the city, so zones, poles and stops differ from ticket to ticket
  for (let i = 0; i < 50; i += 1) {
    const input = ticketInput({
      ...(i === 0 ? {} : { latitude: 32.25 + (i % 10) * 0.01, longitude: 118.25 + Math.floor(i / 10) * 0.03 }),
      content: `${(i % 12) + 1}路公交站附近停水、路灯不亮 No water and a dark streetlight near a Route ${(i % 12) + 1} stop`,
    });
    const response = await stack.graphql(CREATE_TICKET, { input });
    expect(response.body.errors).toBeUndefined();
  }
});
afterAll(async () => {
  await stack?.close();
});

const PAGE = `query Page($first: Int!) { tickets(first: $first) { nodes { ${TICKET_FIELDS} } } }`;

/** SQL statements each subgraph ran while the gateway served one operation. */
async function queriesPerSubgraph(variables: Record<string, unknown>) {
  const before = Object.fromEntries(Object.entries(stack.subgraphs).map(([name, running]) => [name, running.data.queries.count]));
  const response = await stack.graphql(PAGE, variables);
  expect(response.body.errors).toBeUndefined();
  const counts = Object.fromEntries(
    Object.entries(stack.subgraphs).map(([name, running]) => [name, running.data.queries.count - before[name]]),
  ) as Record<SubgraphName, number>;
  return { counts, tickets: response.body.data.tickets.nodes };
}

describe('department fields on a page of tickets are batched', () => {
  it('costs the same number of SQL queries per subgraph for 5 tickets as for 50', async () => {
    // intake's catalogue (departments, categories) is read once and held for seconds (reference-rows.ts): the
    // first page reads it, the two measured below find it in memory, the same for 5 tickets as for 50
    const first = await queriesPerSubgraph({ first: 1 });
    const small = await queriesPerSubgraph({ first: 5 });
    const large = await queriesPerSubgraph({ first: 50 });
    expect(first.counts.intake).toBeGreaterThan(small.counts.intake);
    expect(small.tickets).toHaveLength(5);
    expect(large.tickets).toHaveLength(50);
    // the page really asked every department for data about every ticket
    expect(large.tickets.filter((ticket: { water: { zone: unknown } }) => ticket.water.zone).length).toBeGreaterThan(40);
    expect(large.tickets.some((ticket: { streetlight: { nearbyPoles: unknown[] } }) => ticket.streetlight.nearbyPoles.length > 0)).toBe(true);
    console.log(`SQL queries per subgraph: 5 tickets ${JSON.stringify(small.counts)}, 50 tickets ${JSON.stringify(large.counts)}`);
    expect(large.counts).toEqual(small.counts);
    for (const count of Object.values(large.counts)) expect(count).toBeLessThanOrEqual(6);
  });
});
