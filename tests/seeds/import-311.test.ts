import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { AuditEvent } from '../../schema/audit/audit-event.entity';
import { dropDatabase } from '../../schema/database/create-data-source';
import { databaseTarget, type DatabaseSettings } from '../../schema/database/database-target';
import { Channel, TicketStatus } from '../../schema/enums';
import { openIntakeDataSource } from '../../subgraphs/intake/src/data-source';
import { Assignment } from '../../subgraphs/intake/src/assignment/assignment.entity';
import { Ticket } from '../../subgraphs/intake/src/ticket/ticket.entity';
import { TicketNumberBlocks } from '../../subgraphs/intake/src/ticket/ticket-number-blocks';
import { TicketSequence } from '../../subgraphs/intake/src/ticket/ticket-sequence.entity';
import { CALENDAR_DAYS } from '../../seeds/intake/calendar';
import { CATEGORIES } from '../../seeds/intake/categories';
import { KNOWLEDGE_ARTICLES } from '../../seeds/intake/knowledge-articles';
import { DEPARTMENTS } from '../../seeds/intake/departments';
import { read311File } from '../../seeds/intake/import-311';
import { boston311Dir } from '../../seeds/intake/sample-tickets';
import { seedIntake } from '../../seeds/intake.seed';

// The extracts the repository vendors, as the seed reads them (SEED_311_DIR points both at the full files),
// so a fresh clone runs this with nothing beside it.
const file = (caseType: string) => path.join(boston311Dir(), `boston_${caseType}.csv`);
const MOBILE = /^1[3-9]\d{9}$/;
const CITY_AREA = { minLatitude: 32.1, maxLatitude: 32.5, minLongitude: 118.1, maxLongitude: 118.5 };

describe('read311File on the real Boston extracts', () => {
  const watermain = read311File(file('Watermain_Break'));
  const streetlights = read311File(file('Street_Light_Knock_Downs'));
  const all = [...watermain, ...streetlights];

  it('maps each file to its category and department', () => {
    // vendored: Watermain_Break whole (86 rows, 79 with a real place), 150 rows of the knock-downs (138 placed)
    expect(watermain.length).toBeGreaterThan(50);
    expect(streetlights.length).toBeGreaterThan(100);
    expect(new Set(watermain.map((t) => `${t.categoryCode}→${t.departmentCode}`))).toEqual(new Set(['water_pipe_burst→water']));
    expect(new Set(streetlights.map((t) => `${t.categoryCode}→${t.departmentCode}`))).toEqual(new Set(['streetlight_damaged→streetlight']));
  });

  it('gives every ticket a valid channel, a mobile number and a name', () => {
    const channels = Object.values(Channel) as string[];
    for (const ticket of all) {
      expect(channels).toContain(ticket.channel);
      expect(ticket.citizenPhone).toMatch(MOBILE);
      expect(ticket.citizenName).toMatch(/^\p{Script=Han}{2,3}$/u);
      expect(ticket.address).toMatch(/^\p{Script=Han}+\d+号$/u);
    }
  });

  it('places tickets in the city, in 2025, without the City Hall default point', () => {
    for (const ticket of all) {
      expect(ticket.latitude).toBeGreaterThan(CITY_AREA.minLatitude);
      expect(ticket.latitude).toBeLessThan(CITY_AREA.maxLatitude);
      expect(ticket.longitude).toBeGreaterThan(CITY_AREA.minLongitude);
      expect(ticket.longitude).toBeLessThan(CITY_AREA.maxLongitude);
      expect(ticket.createdAt.getUTCFullYear()).toBe(2025);
    }
    const cityHall = { latitude: Math.round((42.3594 + 32.3 - 42.33) * 1e6) / 1e6, longitude: Math.round((-71.0587 + 118.32 + 71.08) * 1e6) / 1e6 };
    expect(all.filter((t) => t.latitude === cityHall.latitude && t.longitude === cityHall.longitude)).toEqual([]);
  });

  it('reads the first row as Chuzhou local time ten years on', () => {
    // 101001240759 opened "01/01/2015 08:35:00 AM" and has no target date
    const first = watermain.find((t) => t.sourceId === '101001240759');
    expect(first?.createdAt.toISOString()).toBe('2025-01-01T00:35:00.000Z');
    expect(first?.deadline).toBeNull();
  });

  it('closes closed cases with a time after opening, and leaves open ones dispatched', () => {
    for (const ticket of all) {
      if (ticket.status === TicketStatus.CLOSED) {
        expect(ticket.closedAt).toBeInstanceOf(Date);
        expect(ticket.closedAt!.getTime()).toBeGreaterThanOrEqual(ticket.createdAt.getTime());
      } else {
        expect(ticket.status).toBe(TicketStatus.DISPATCHED);
        expect(ticket.closedAt).toBeNull();
      }
    }
    expect(streetlights.some((t) => t.status === TicketStatus.DISPATCHED)).toBe(true);
  });

  it('gives the same ids on every read, one per case, and honours limit', () => {
    const again = read311File(file('Watermain_Break'));
    expect(again.map((t) => t.id)).toEqual(watermain.map((t) => t.id));
    expect(new Set(all.map((t) => t.id)).size).toBe(all.length);
    for (const ticket of all) expect(ticket.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(read311File(file('Watermain_Break'), { limit: 5 }).map((t) => t.id)).toEqual(watermain.slice(0, 5).map((t) => t.id));
  });
});

describe('seedIntake against MariaDB', () => {
  const settings: DatabaseSettings = {
    databaseUrl: `${process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306'}/t${randomBytes(5).toString('hex')}`,
    dataDir: os.tmpdir(),
  };
  const SAMPLE = 120;
  let dataSource: DataSource | undefined;

  beforeAll(async () => {
    dataSource = (await openIntakeDataSource(settings)).dataSource;
  });

  afterAll(async () => {
    await dataSource?.destroy().catch(() => undefined);
    await dropDatabase(databaseTarget('intake', settings));
  });

  it('inserts the catalogue and the sample once, then nothing', async () => {
    const ds = dataSource!;
    // an intake already numbered a ticket of a day the sample covers (a day past: one number, reserved alone)
    const taken = await new TicketNumberBlocks(ds, 'Asia/Shanghai').take(new Date('2025-01-05T02:00:00Z'));
    expect(taken).toBe('12345-20250105-000001');
    const first = await seedIntake(ds, { sampleTickets: SAMPLE });
    expect(await ds.getRepository(Ticket).countBy({ number: taken })).toBe(0);
    expect(await ds.getRepository(Ticket).countBy({ number: '12345-20250105-000002' })).toBe(1);
    expect(first.inserted).toBe(DEPARTMENTS.length + CATEGORIES.length + CALENDAR_DAYS.length + KNOWLEDGE_ARTICLES.length + SAMPLE);
    expect(await seedIntake(ds, { sampleTickets: SAMPLE })).toEqual({ inserted: 0 });
    expect(await ds.getRepository(Ticket).count()).toBe(SAMPLE);
    expect(await ds.getRepository(Assignment).countBy({ lead: true })).toBe(SAMPLE);
    expect(await ds.getRepository(AuditEvent).countBy({ action: 'ticket.imported', actorId: 'seed', actorRole: 'SYSTEM_ADMIN' })).toBe(SAMPLE);
  });

  it('numbers tickets uniquely, and a live intake continues above them in blocks', async () => {
    const ds = dataSource!;
    const tickets = await ds.getRepository(Ticket).find();
    const numbers = tickets.map((t) => t.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const number of numbers) expect(number).toMatch(/^12345-2025\d{4}-\d{6}$/);
    const busiest = tickets.sort((a, b) => b.number.localeCompare(a.number))[0];
    const day = busiest.number.slice(6, 14);
    const sequence = async () => (await ds.getRepository(TicketSequence).findOneByOrFail({ day })).lastValue;
    // the row holds the highest number reserved for the day: the seed reserved exactly its own
    expect(await sequence()).toBe(Number(busiest.number.slice(-6)));
    // an intake running on that day reserves a block of 10 above it and hands the numbers out one by one
    const live = new TicketNumberBlocks(ds, 'Asia/Shanghai', 10, () => busiest.createdAt);
    const first = await live.take(busiest.createdAt);
    const second = await live.take(busiest.createdAt);
    expect(Number(first.slice(-6))).toBe(Number(busiest.number.slice(-6)) + 1);
    expect(Number(second.slice(-6))).toBe(Number(first.slice(-6)) + 1);
    expect(numbers).not.toContain(first);
    expect(await sequence()).toBe(Number(first.slice(-6)) + 9);
  });
});
