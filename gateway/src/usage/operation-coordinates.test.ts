import { buildSchema, type OperationDefinitionNode, parse } from 'graphql';
import { fieldCoordinates } from './operation-coordinates';

const schema = buildSchema(`
  interface Node { id: ID! }
  type Ticket implements Node { id: ID! status: String water: WaterTicketInfo }
  type WaterTicketInfo { located: Boolean outages: [Outage!]! }
  type Outage { reason: String }
  type Query { ticket(id: ID!): Ticket node(id: ID!): Node }
`);

function coordinatesOf(source: string, operationName?: string) {
  const document = parse(source);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition' && (!operationName || definition.name?.value === operationName),
  )!;
  return fieldCoordinates(schema, document, operation);
}

describe('fieldCoordinates', () => {
  it('names every field on the type it is selected on, through aliases and fragments, without introspection', () => {
    const coordinates = coordinatesOf(`
      query Everywhere($id: ID!) { __typename t: ticket(id: $id) { id ...Water } node(id: $id) { id ... on Ticket { status } } }
      fragment Water on Ticket { water { located outages { reason } } }`);
    expect(coordinates).toEqual([
      'Node.id',
      'Outage.reason',
      'Query.node',
      'Query.ticket',
      'Ticket.id',
      'Ticket.status',
      'Ticket.water',
      'WaterTicketInfo.located',
      'WaterTicketInfo.outages',
    ]);
  });

  it('counts only the operation that runs when a document holds several', () => {
    expect(coordinatesOf('query A { ticket(id: "1") { status } } query B { node(id: "1") { id } }', 'B')).toEqual(['Node.id', 'Query.node']);
  });
});
