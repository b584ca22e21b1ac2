import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import type { SubgraphDataSource } from '../schema/database/create-data-source';
import { readIntakeConfig } from '../subgraphs/intake/src/config';
import { openIntakeDataSource } from '../subgraphs/intake/src/data-source';
import { readStreetlightConfig } from '../subgraphs/streetlight/src/config';
import { openStreetlightDataSource } from '../subgraphs/streetlight/src/data-source';
import { readTransitConfig } from '../subgraphs/transit/src/config';
import { openTransitDataSource } from '../subgraphs/transit/src/data-source';
import { readWaterConfig } from '../subgraphs/water/src/config';
import { openWaterDataSource } from '../subgraphs/water/src/data-source';
import { seedIntake } from './intake.seed';
import { seedStreetlight } from './streetlight.seed';
import { seedTransit } from './transit.seed';
import { seedWater } from './water.seed';

export interface SeedOptions {
  now?: Date;
  sampleTickets?: number;
  timeZone?: string;
}

type Seeder = (dataSource: DataSource, options: SeedOptions) => Promise<{ inserted: number }>;

/** In dependency order: intake's departments come first, as in a real roll-out. */
const SEEDERS: ReadonlyArray<[name: string, seed: Seeder]> = [
  ['intake', seedIntake],
  ['water', (ds, { now }) => seedWater(ds, { now })],
  ['streetlight', (ds, { now }) => seedStreetlight(ds, { now })],
  ['transit', (ds) => seedTransit(ds)],
];

/** Seeds every subgraph given a data source (tests may pass only some); returns rows inserted per subgraph. */
export async function seedAll(dataSources: Record<string, DataSource>, options: SeedOptions = {}): Promise<Record<string, number>> {
  const inserted: Record<string, number> = {};
  for (const [name, seed] of SEEDERS) {
    const dataSource = dataSources[name];
    if (dataSource) inserted[name] = (await seed(dataSource, options)).inserted;
  }
  return inserted;
}

const OPENERS: ReadonlyArray<[name: string, open: () => Promise<SubgraphDataSource>]> = [
  ['intake', () => openIntakeDataSource(readIntakeConfig().database)],
  ['water', () => openWaterDataSource(readWaterConfig().database)],
  ['streetlight', () => openStreetlightDataSource(readStreetlightConfig().database)],
  ['transit', () => openTransitDataSource(readTransitConfig().database)],
];

/** One subgraph at a time, each with the configuration its own process would use. */
async function main(): Promise<void> {
  // a city's production seed takes the catalogue only: SEED_SAMPLE_TICKETS=0 skips the 311 sample tickets
  const sample = process.env.SEED_SAMPLE_TICKETS;
  if (sample !== undefined && !/^\d+$/.test(sample)) throw new Error(`SEED_SAMPLE_TICKETS must be a whole number, got "${sample}"`);
  const options: SeedOptions = { timeZone: readIntakeConfig().timeZone, sampleTickets: sample === undefined ? undefined : Number(sample) };
  for (const [name, open] of OPENERS) {
    const { dataSource } = await open();
    try {
      const inserted = await seedAll({ [name]: dataSource }, options);
      console.log(`${name}: ${inserted[name]} rows inserted`);
    } finally {
      await dataSource.destroy();
    }
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error('seeding failed:', error);
    process.exitCode = 1;
  });
}
