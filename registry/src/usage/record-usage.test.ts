import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { dropDatabase } from '../../../schema/database/create-data-source';
import { databaseTarget } from '../../../schema/database/database-target';
import { openRegistryDataSource } from '../data-source';
import { recordUsage } from './record-usage';
import { operationsUsing } from './usage-lookup';
import { UsageRecord } from './usage-record.entity';

// the embedded default: the additive upsert is the one place the registry speaks two SQL dialects
const settings = { dataDir: path.join(os.tmpdir(), `registry-usage-${process.pid}-${Date.now()}`) };
let dataSource: DataSource;
beforeAll(async () => {
  ({ dataSource } = await openRegistryDataSource(settings));
});
afterAll(async () => {
  await dataSource?.destroy();
  await dropDatabase(databaseTarget('registry', settings));
});

const console_ = { name: 'OperatorConsole', client: null, coordinates: ['Ticket.water', 'WaterTicketInfo.outages'], count: 2 };

describe('recording usage (SQLite)', () => {
  it('adds counts per day, operation, client and coordinate instead of overwriting them', async () => {
    const now = new Date('2026-03-10T08:00:00Z');
    await recordUsage(dataSource, [console_, { ...console_, count: 3 }], 7, now);
    await recordUsage(dataSource, [console_], 7, now);
    const rows = await dataSource.getRepository(UsageRecord).find({ order: { coordinate: 'ASC' } });
    expect(rows.map(({ coordinate, count, clientName }) => ({ coordinate, count, clientName }))).toEqual([
      { coordinate: 'Ticket.water', count: 7, clientName: '' },
      { coordinate: 'WaterTicketInfo.outages', count: 7, clientName: '' },
    ]);
    expect(await operationsUsing(dataSource.manager, ['WaterTicketInfo.outages', 'SupplyZone'], 7, now)).toEqual(
      new Map([['WaterTicketInfo.outages', ['OperatorConsole']], ['SupplyZone', []]]),
    );
  });

  it('forgets usage once it falls out of the window', async () => {
    const later = new Date('2026-03-17T08:00:00Z');
    expect((await operationsUsing(dataSource.manager, ['Ticket.water'], 7, later)).get('Ticket.water')).toEqual([]);
    await recordUsage(dataSource, [{ ...console_, name: 'Dashboard', coordinates: ['Query.tickets'] }], 7, later);
    expect(await dataSource.getRepository(UsageRecord).count()).toBe(1);
  });
});
