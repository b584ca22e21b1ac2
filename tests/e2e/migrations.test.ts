import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { dropDatabase } from '../../schema/database/create-data-source';
import { databaseTarget } from '../../schema/database/database-target';
import { GATEWAY_IDENTITY } from '../../schema/identity/roles';
import { signedAsGateway } from '../support/personas';
import { buildOnce } from '../support/process-stack';
import { freePort, ServiceProcess } from '../support/service-process';
import { TEST_MYSQL_URL } from '../support/stack';

jest.setTimeout(120_000);

const baseEnv = (databaseUrl: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  APOLLO_TELEMETRY_DISABLED: 'true',
  DATABASE_URL: databaseUrl,
  ...extra,
});

async function askWater(service: ServiceProcess): Promise<unknown> {
  const query = '{ supplyZones { code } }';
  const response = await fetch(`${service.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await signedAsGateway(GATEWAY_IDENTITY, 'water', query)) },
    body: JSON.stringify({ query }),
  });
  return response.json();
}

beforeAll(() => buildOnce());

describe('migrations as a step of their own', () => {
  it('lets replicas that start together on an empty database take turns: none dies, the schema is made once', async () => {
    const prefix = `m${randomBytes(4).toString('hex')}`;
    const databaseUrl = `${TEST_MYSQL_URL}/${prefix}`;
    try {
      const replicas = await Promise.all(
        Array.from({ length: 4 }, async (_, index) => new ServiceProcess(`water-${index}`, 'dist/subgraphs/water/src/main.js', await freePort(), {})),
      );
      const started = replicas.map(
        (replica) => new ServiceProcess(replica.name, replica.entry, replica.port, baseEnv(databaseUrl, { WATER_PORT: String(replica.port), MIGRATE_ON_START: 'true' })),
      );
      await Promise.all(started.map((replica) => replica.start().waitFor('/readyz')));
      for (const replica of started) expect(await askWater(replica)).toEqual({ data: { supplyZones: [] } });
      const connection = await mysql.createConnection({ uri: `${databaseUrl}_water` });
      const [runs] = await connection.query('SELECT COUNT(*) AS times, COUNT(DISTINCT name) AS migrations FROM migrations');
      await connection.end();
      const [{ times, migrations }] = runs as Array<{ times: number; migrations: number }>;
      expect(Number(times)).toBe(Number(migrations));
      await Promise.all(started.map((replica) => replica.stop()));
    } finally {
      await dropDatabase(databaseTarget('water', { databaseUrl, dataDir: '.' }));
    }
  });

  it('serves on an account that may only read and write rows, once `migrate` has run with one that may change tables', async () => {
    const prefix = `m${randomBytes(4).toString('hex')}`;
    const user = `dml_${prefix}`;
    const admin = await mysql.createConnection({ uri: TEST_MYSQL_URL });
    const databaseUrl = `${TEST_MYSQL_URL}/${prefix}`;
    try {
      await admin.query(`CREATE USER '${user}'@'%' IDENTIFIED BY 'dml-password'`);
      await admin.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON \`${prefix}\\_%\`.* TO '${user}'@'%'`);
      const dmlUrl = `mysql://${user}:dml-password@127.0.0.1:3306/${prefix}`;
      const port = await freePort();

      // before the migrate step: refused with the reason, not a half-made schema
      const early = new ServiceProcess('water', 'dist/subgraphs/water/src/main.js', port, baseEnv(dmlUrl, { WATER_PORT: String(port), MIGRATE_ON_START: 'false' }));
      expect(await early.runToEnd([])).toBe(1);
      expect(early.lines.join('\n')).toContain('npm run migrate');

      const migrate = new ServiceProcess('water', 'dist/subgraphs/water/src/main.js', port, baseEnv(databaseUrl));
      expect(await migrate.runToEnd(['migrate'])).toBe(0);
      // the DML account could not have run a migration itself
      const ddl = new ServiceProcess('water', 'dist/subgraphs/water/src/main.js', port, baseEnv(`mysql://${user}:dml-password@127.0.0.1:3306/other${prefix}`));
      expect(await ddl.runToEnd(['migrate'])).toBe(1);

      const water = new ServiceProcess('water', 'dist/subgraphs/water/src/main.js', port, baseEnv(dmlUrl, { WATER_PORT: String(port), MIGRATE_ON_START: 'false' }));
      await water.start().waitFor('/readyz');
      expect(await askWater(water)).toEqual({ data: { supplyZones: [] } });
      await water.stop();
    } finally {
      await admin.query(`DROP USER IF EXISTS '${user}'@'%'`);
      await admin.end();
      await dropDatabase(databaseTarget('water', { databaseUrl, dataDir: '.' }));
    }
  });
});
