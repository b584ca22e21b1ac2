import 'reflect-metadata';
import { In } from 'typeorm';
import { keyFind } from '../../schema/database/prepared-find';
import { Assignment } from '../../subgraphs/intake/src/assignment/assignment.entity';
import { openIntakeDataSource } from '../../subgraphs/intake/src/data-source';
import { Ticket } from '../../subgraphs/intake/src/ticket/ticket.entity';
import { TEST_MYSQL_URL } from '../support/stack';

/**
 * TypeORM's find against the prepared key find, in one process on real rows: CPU µs per call, one call at a time.
 *   node dist/bench/tests/bench/prepared-find-micro.js NAME   (NAME: databases kept by npm run bench -- --reuse NAME)
 */
async function main() {
  const name = process.argv[2] ?? 'lean100k';
  const { dataSource } = await openIntakeDataSource({ databaseUrl: `${TEST_MYSQL_URL}/${name}`, dataDir: '.', migrate: false });
  const ids: string[] = (await dataSource.query('SELECT ticketId AS id FROM assignment ORDER BY RAND() LIMIT 2000')).map((row: { id: string }) => row.id);
  const tickets = dataSource.getRepository(Ticket);
  const assignments = dataSource.getRepository(Assignment);
  const order = { lead: 'DESC', dispatchedAt: 'ASC' } as const;
  const cases: Array<[string, (keys: string[]) => Promise<unknown[]>, number]> = [
    ['ticket by id, TypeORM find', (keys) => tickets.find({ where: { id: In(keys) } }), 1],
    ['ticket by id, prepared', keyFind(tickets, 'id'), 1],
    ['assignments of a ticket, TypeORM find', (keys) => assignments.find({ where: { ticketId: In(keys) }, order }), 1],
    ['assignments of a ticket, prepared', keyFind(assignments, 'ticketId', order), 1],
    ['50 tickets by id, TypeORM find', (keys) => tickets.find({ where: { id: In(keys) } }), 50],
    ['50 tickets by id, prepared', keyFind(tickets, 'id'), 50],
  ];
  for (let round = 0; round < 3; round += 1) {
    for (const [label, find, size] of cases) {
      const calls = size === 1 ? 1500 : 150;
      for (let i = 0; i < 100; i += 1) await find(ids.slice(i % 1000, (i % 1000) + size));
      const before = process.cpuUsage();
      for (let i = 0; i < calls; i += 1) await find(ids.slice((i * size) % 1900, ((i * size) % 1900) + size));
      const used = process.cpuUsage(before);
      console.log(`round ${round + 1}  ${label.padEnd(40)} ${((used.user + used.system) / calls).toFixed(0).padStart(6)} µs CPU per call`);
    }
  }
  await dataSource.destroy();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
