import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { dropDatabase, type SubgraphDataSource } from '../../schema/database/create-data-source';
import { databaseTarget, type DatabaseSettings } from '../../schema/database/database-target';
import { createReferenceLoader, forgetReferenceRows } from '../../schema/database/reference-rows';
import { Department } from '../../subgraphs/intake/src/department/department.entity';
import { openIntakeDataSource } from '../../subgraphs/intake/src/data-source';
import { seedIntake } from '../../seeds/intake.seed';
import { TEST_MYSQL_URL } from '../support/stack';

/**
 * The catalogue tables served from memory (reference-rows.ts), on MariaDB: one read of the table serves every
 * request for the TTL, a change on this replica is seen at once, one on another within the TTL, a row added
 * elsewhere is found at once, and a read racing a change never puts the old rows back.
 */
const settings: DatabaseSettings = { databaseUrl: `${TEST_MYSQL_URL}/rr${randomBytes(4).toString('hex')}`, dataDir: os.tmpdir() };
let intake: SubgraphDataSource;
const TTL = 2000;

beforeAll(async () => {
  intake = await openIntakeDataSource(settings);
  await seedIntake(intake.dataSource, { sampleTickets: 0 });
}, 120_000);

afterAll(async () => {
  await intake?.dataSource.destroy();
  await dropDatabase(databaseTarget('intake', settings)).catch(() => undefined);
});

const departments = () => intake.dataSource.getRepository(Department);
/** A request's loader, and the statements its loads cost. */
async function load(codes: string[]) {
  const before = intake.queries.count;
  const loader = createReferenceLoader(departments(), 'code', TTL);
  const rows = await Promise.all(codes.map((code) => loader.load(code)));
  return { names: rows.map((row) => row?.nameEn ?? null), statements: intake.queries.count - before };
}
const rename = (code: string, nameEn: string) => intake.dataSource.query('UPDATE department SET nameEn = ? WHERE code = ?', [nameEn, code]);

describe('catalogue rows held in memory', () => {
  beforeEach(() => forgetReferenceRows(intake.dataSource, Department));

  it('reads the table once for every request within the TTL, and again after it', async () => {
    const first = await load(['water', 'transit', 'no-such-department']);
    expect(first.names[0]).toEqual(expect.any(String));
    expect(first.names[2]).toBeNull();
    // the table, then the key it does not hold (it may have been added elsewhere since)
    expect(first.statements).toBe(2);
    expect(await load(['water', 'transit'])).toEqual({ names: first.names.slice(0, 2), statements: 0 });
    // another replica renames water: not seen within the TTL, seen after it
    await rename('water', 'Water Company (renamed)');
    expect((await load(['water'])).names).toEqual([first.names[0]]);
    await new Promise((resolve) => setTimeout(resolve, TTL + 50));
    expect(await load(['water'])).toEqual({ names: ['Water Company (renamed)'], statements: 1 });
    await rename('water', first.names[0]!);
  });

  it('sees a change made on this replica at once', async () => {
    const before = await load(['transit']);
    await rename('transit', 'Transit (renamed here)');
    forgetReferenceRows(intake.dataSource, Department);
    expect(await load(['transit'])).toEqual({ names: ['Transit (renamed here)'], statements: 1 });
    await rename('transit', before.names[0]!);
  });

  it('finds a department added elsewhere at once, by its key', async () => {
    await load(['water']);
    await departments().insert({ ...(await departments().findOneByOrFail({ code: 'water' })), code: 'kiosks-rr', nameEn: 'Kiosks', nameZh: '报亭' });
    expect(await load(['kiosks-rr', 'water'])).toEqual({ names: ['Kiosks', expect.any(String)], statements: 1 });
  });

  it('never puts back rows read before a change it raced', async () => {
    const loader = createReferenceLoader(departments(), 'code', TTL);
    const racing = loader.load('streetlight');
    // the change commits and is forgotten while the read above is on its way
    await rename('streetlight', 'Streetlights (renamed)');
    forgetReferenceRows(intake.dataSource, Department);
    await racing;
    expect(await load(['streetlight'])).toEqual({ names: ['Streetlights (renamed)'], statements: 1 });
  });
});
