import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { In, type FindOptionsOrder, type ObjectLiteral, type Repository } from 'typeorm';
import { dropDatabase, type SubgraphDataSource } from '../../schema/database/create-data-source';
import { databaseTarget, type DatabaseSettings } from '../../schema/database/database-target';
import { keyFind } from '../../schema/database/prepared-find';
import { Assignment } from '../../subgraphs/intake/src/assignment/assignment.entity';
import { Callback, CallbackResult } from '../../subgraphs/intake/src/callback/callback.entity';
import { Category } from '../../subgraphs/intake/src/category/category.entity';
import { Department } from '../../subgraphs/intake/src/department/department.entity';
import { KnowledgeArticle } from '../../subgraphs/intake/src/knowledge/knowledge-article.entity';
import { CitizenNotice } from '../../subgraphs/intake/src/notice/citizen-notice.entity';
import { TicketRating } from '../../subgraphs/intake/src/rating/ticket-rating.entity';
import { Ticket } from '../../subgraphs/intake/src/ticket/ticket.entity';
import { openIntakeDataSource } from '../../subgraphs/intake/src/data-source';
import { seedIntake } from '../../seeds/intake.seed';
import { TEST_MYSQL_URL } from '../support/stack';

/**
 * The loaders' prepared statements (prepared-find.ts) return what TypeORM's find returns: the same entities, class
 * and every column's value and type (dates, doubles, booleans, nulls, text), in the same order, for every entity
 * intake's loaders read, on the sample city the seed writes. Each is one statement, counted and timed.
 */
const settings: DatabaseSettings = { databaseUrl: `${TEST_MYSQL_URL}/pf${randomBytes(4).toString('hex')}`, dataDir: os.tmpdir() };
let intake: SubgraphDataSource;

beforeAll(async () => {
  intake = await openIntakeDataSource(settings);
  await seedIntake(intake.dataSource, { sampleTickets: 60 });
  // what the seed leaves empty: a few rows with nulls, text in Chinese and times to the millisecond
  const data = intake.dataSource;
  const tickets = (await data.getRepository(Ticket).find({ take: 6 })).map((ticket) => ticket.id);
  const at = (i: number) => new Date(Date.UTC(2026, 10, 1 + i, 8, 30, 15, 123 + i));
  await data.getRepository(Callback).insert(
    tickets.flatMap((ticketId, i) => [0, 1].map((n) => ({ id: `cb-${i}-${n}`, ticketId, result: n ? CallbackResult.SATISFIED : CallbackResult.UNREACHABLE, note: n ? '市民表示满意' : null, calledBy: 'op-1', calledAt: at(i + n) }))),
  );
  await data.getRepository(CitizenNotice).insert(tickets.map((ticketId, i) => ({ id: `cn-${i}`, ticketId, phone: i % 2 ? '13900000000' : null, kind: 'DISPATCHED', text: '您的诉求已转办', createdAt: at(i), sentAt: i % 2 ? at(i + 1) : null })));
  await data.getRepository(TicketRating).insert(tickets.map((ticketId, i) => ({ ticketId, rating: CallbackResult.BASICALLY_SATISFIED, comment: i % 2 ? null : '还行', ratedBy: 'citizen', firstRatedAt: at(i), ratedAt: at(i + 2) })));
  if ((await data.getRepository(KnowledgeArticle).count()) === 0) {
    await data.getRepository(KnowledgeArticle).insert([0, 1, 2].map((i) => ({ id: `ka-${i}`, titleZh: '停水', titleEn: 'Water outage', bodyZh: '正文', bodyEn: 'Body', categoryCode: i ? 'water_outage' : null, departmentCode: null, validFrom: at(i), validTo: i === 2 ? at(9) : null, updatedAt: at(i) })));
  }
}, 120_000);

afterAll(async () => {
  await intake?.dataSource.destroy();
  await dropDatabase(databaseTarget('intake', settings)).catch(() => undefined);
});

async function same<T extends ObjectLiteral>(repository: Repository<T>, column: keyof T & string, order?: FindOptionsOrder<T>): Promise<number> {
  const all = await repository.find();
  const keys = [...new Set(all.map((row) => String(row[column])))];
  expect(keys.length).toBeGreaterThan(0);
  const prepared = keyFind(repository, column, order);
  for (const batch of [keys.slice(0, 1), keys.slice(0, 7), keys, [...keys.slice(0, 2), 'no-such-key']]) {
    const expected = await repository.find({ where: { [column]: In(batch) } as never, order });
    const before = intake.queries.count;
    const got = await prepared(batch);
    expect(intake.queries.count - before).toBe(1);
    if (order) expect(got).toStrictEqual(expected);
    else expect(sorted(got, column)).toStrictEqual(sorted(expected, column));
  }
  return all.length;
}

const sorted = <T extends ObjectLiteral>(rows: T[], column: string) => [...rows].sort((a, b) => String(a[column]).localeCompare(String(b[column])) || String(a.id).localeCompare(String(b.id)));

describe('prepared key finds', () => {
  it('read tickets by id as TypeORM does', async () => {
    expect(await same(intake.dataSource.getRepository(Ticket), 'id')).toBeGreaterThan(10);
  });

  it("read a ticket's assignments, callbacks and notices in the loaders' order", async () => {
    await same(intake.dataSource.getRepository(Assignment), 'ticketId', { lead: 'DESC', dispatchedAt: 'ASC' });
    await same(intake.dataSource.getRepository(Callback), 'ticketId', { calledAt: 'ASC' });
    await same(intake.dataSource.getRepository(CitizenNotice), 'ticketId', { createdAt: 'ASC' });
  });

  it('read departments, categories, articles and ratings by their keys', async () => {
    await same(intake.dataSource.getRepository(Department), 'code');
    await same(intake.dataSource.getRepository(Category), 'code');
    await same(intake.dataSource.getRepository(KnowledgeArticle), 'id');
    await same(intake.dataSource.getRepository(TicketRating), 'ticketId');
  });
});
