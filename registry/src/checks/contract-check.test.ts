import { checkDepartmentContract } from './contract-check';

const INTAKE = `type Ticket @key(fields: "id") { id: ID! content: String! latitude: Float status: String! }`;
const parks = (ticket: string) => ({ name: 'parks', department: 'parks', sdl: `${ticket}\ntype ParksTicketInfo { ok: Boolean! }` });

describe('the department contract', () => {
  it('accepts a department that keys Ticket by id, names its view after itself, and marks intake fields @external', () => {
    const sdl = 'type Ticket @key(fields: "id") { id: ID! latitude: Float @external parks: ParksTicketInfo @requires(fields: "latitude") }';
    expect(checkDepartmentContract(parks(sdl), INTAKE)).toEqual([]);
  });

  it('accepts the key written as an un-imported `@federation__key` and in an `extend type`', () => {
    expect(checkDepartmentContract(parks('extend type Ticket @federation__key(fields: " id ") { id: ID! parks: ParksTicketInfo }'), INTAKE)).toEqual([]);
  });

  it('names every violation: no id key, no field for the department, an intake field redefined', () => {
    const violations = checkDepartmentContract(parks('type Ticket @key(fields: "number") { number: ID! status: String! info: ParksTicketInfo }'), INTAKE);
    expect(violations).toEqual([
      'a department subgraph must define `type Ticket @key(fields: "id")`; parks does not',
      'Ticket must have a field named after the department, `Ticket.parks`; parks has none',
      'Ticket.status belongs to intake; parks may only declare it @external',
    ]);
  });

  it('holds only department subgraphs to it', () => {
    expect(checkDepartmentContract({ name: 'audit', department: 'audit', sdl: 'type Ticket { trail: [String!]! }' }, INTAKE)).toEqual([]);
  });
});
