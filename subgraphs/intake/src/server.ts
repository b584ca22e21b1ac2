import type { DataSource } from 'typeorm';
import { buildFederatedSchema } from '../../../schema/federation/build-federated-schema';
import { createSubgraphApp, type SubgraphApp } from '../../../schema/federation/subgraph-app';
import { AssignmentResolver } from './assignment/assignment.resolver';
import { CategoryResolver } from './category/category.resolver';
import type { IntakeConfig } from './config';
import { createIntakeContext } from './context';
import { DepartmentResolver } from './department/department.resolver';
import { CitizenContactResolver } from './personal-data/citizen-contact.resolver';
import { Ticket } from './ticket/ticket.entity';
import { resolveTicketReference } from './ticket/ticket.reference';
import { TicketResolver } from './ticket/ticket.resolver';

/** The 12345 centre's subgraph: tickets, dispatches, the department catalogue. Does not listen. */
export async function createIntakeApp(dataSource: DataSource, config: IntakeConfig): Promise<SubgraphApp> {
  const schema = await buildFederatedSchema(
    { resolvers: [TicketResolver, CitizenContactResolver, AssignmentResolver, DepartmentResolver, CategoryResolver] },
    [{ name: 'Ticket', type: Ticket, resolveReference: resolveTicketReference }],
  );
  return createSubgraphApp({
    name: 'intake',
    schema,
    createContext: (base) => createIntakeContext(base, dataSource, config),
    isHealthy: async () => (await dataSource.query('SELECT 1')) !== undefined,
    signingSecret: config.signingSecret,
  });
}
