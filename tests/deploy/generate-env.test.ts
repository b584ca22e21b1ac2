import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { readAuthConfig } from '../../schema/identity/auth-config';
import { createTokenVerifier } from '../../schema/identity/token-verifier';
import { readGatewayConfig } from '../../gateway/src/config';
import { readRegistryConfig } from '../../registry/src/config';
import { databaseTarget } from '../../schema/database/database-target';
import { readDatabaseSettings } from '../../schema/config/env';
import { readHopKeys } from '../../schema/identity/hop-keys';
import { Role } from '../../schema/identity/roles';
import { HopVerifier, signIdentity, macIdentity } from '../../schema/identity/signed-identity';
import { DEVELOPMENT_SECRETS, PLACEHOLDER, ROOT, parseEnvFile, readText } from './deploy-files';

/* eslint-disable @typescript-eslint/no-explicit-any */
const SCRIPT = path.join(ROOT, 'scripts/generate-env.js');

function generate(cwd: string, ...args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { cwd, encoding: 'utf8' });
}

function readEnv(file: string): Record<string, string> {
  return parseEnvFile(fs.readFileSync(file, 'utf8'));
}

const SECRETS = ['MARIADB_ROOT_PASSWORD', 'HOTLINE_DDL_PASSWORD', 'HOTLINE_DML_PASSWORD'];
const SIGNERS = ['gateway', 'registry', 'intake', 'water', 'streetlight', 'transit', 'audit', 'oversight'];

describe('scripts/generate-env.js', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-env-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const files = () => ({
    services: readEnv(path.join(dir, '.env.production')),
    migrate: readEnv(path.join(dir, '.env.production.migrate')),
    db: readEnv(path.join(dir, '.env.production.db')),
  });

  it('writes every file docker-compose.yml reads, and every variable each container needs', () => {
    const run = generate(dir);
    expect(run.status).toBe(0);
    const compose = parse(readText('docker-compose.yml'), { merge: true }) as { services: Record<string, any> };
    const envFiles = new Set(Object.values(compose.services).flatMap((service) => [service.env_file ?? []].flat()));
    for (const file of envFiles) expect(fs.existsSync(path.join(dir, file))).toBe(true);

    const { services, migrate, db } = files();
    // what the services' production configuration readers insist on
    for (const name of ['HOP_TRUSTED_KEYS', 'DATABASE_URL', 'AUTH_JWKS_URL', 'AUTH_ISSUER', 'AUTH_AUDIENCE']) expect(services[name]).toBeTruthy();
    expect(services.HOP_SIGNING_KEY).toBeUndefined();
    expect(Object.keys(migrate)).toEqual(['DATABASE_URL']);
    // what the MariaDB image and the account script read
    const script = readText('deploy/compose/mariadb-init/10-hotline-accounts.sh');
    const wanted = new Set(['MARIADB_ROOT_PASSWORD', ...[...script.matchAll(/\$\{?([A-Z][A-Z0-9_]+)/g)].map((match) => match[1])]);
    expect(Object.keys(db).sort()).toEqual([...wanted].sort());
  });

  it('fills them with distinct random secrets of at least 32 characters, and no development secret', () => {
    generate(dir);
    const { services, migrate, db } = files();
    const all = { ...services, ...db };
    const values = SECRETS.map((name) => all[name]);
    for (const value of values) expect(value.length).toBeGreaterThanOrEqual(32);
    expect(new Set(values).size).toBe(SECRETS.length);
    const text = ['.env.production', '.env.production.migrate', '.env.production.db'].map((file) => fs.readFileSync(path.join(dir, file), 'utf8')).join('\n');
    for (const secret of DEVELOPMENT_SECRETS) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/AUTH_HS256_SECRET|NODE_ENV=development/);

    // the URLs use the accounts the MariaDB script creates, on the compose service db
    const dml = new URL(services.DATABASE_URL);
    const ddl = new URL(migrate.DATABASE_URL);
    expect([dml.username, dml.password, dml.host, dml.pathname]).toEqual(['hotline_app', db.HOTLINE_DML_PASSWORD, 'db:3306', '/hotline']);
    expect([ddl.username, ddl.password, ddl.host, ddl.pathname]).toEqual(['hotline_migrate', db.HOTLINE_DDL_PASSWORD, 'db:3306', '/hotline']);
    const script = readText('deploy/compose/mariadb-init/10-hotline-accounts.sh');
    expect(script).toContain("'hotline_app'@'%' IDENTIFIED BY");
    expect(script).toContain("'hotline_migrate'@'%' IDENTIFIED BY");
    // and parse, unchanged, into the database the intake service opens
    expect(databaseTarget('intake', readDatabaseSettings('intake', services))).toMatchObject({ kind: 'mysql', user: 'hotline_app', password: db.HOTLINE_DML_PASSWORD, database: 'hotline_intake' });

    // a second run draws new secrets
    const again = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-env-'));
    try {
      generate(again);
      expect(readEnv(path.join(again, '.env.production.key.water')).HOP_SIGNING_KEY).not.toBe(readEnv(path.join(dir, '.env.production.key.water')).HOP_SIGNING_KEY);
    } finally {
      fs.rmSync(again, { recursive: true, force: true });
    }
  });

  it('gives each service a key of its own that the others trust, and each department a schema-read token', async () => {
    generate(dir);
    const shared = files().services;
    const envOf = (service: string): NodeJS.ProcessEnv => ({ ...shared, ...readEnv(path.join(dir, `.env.production.key.${service}`)), NODE_ENV: 'production' });
    const keys = Object.fromEntries(SIGNERS.map((service) => [service, readHopKeys(service, envOf(service))]));
    const privateParts = SIGNERS.map((service) => JSON.parse(envOf(service).HOP_SIGNING_KEY!).d);
    expect(new Set(privateParts).size).toBe(SIGNERS.length);
    for (const part of privateParts) expect(fs.readFileSync(path.join(dir, '.env.production'), 'utf8')).not.toContain(part);
    // the gateway's word reaches water; water's key cannot speak for a citizen
    const request = { query: '{ supplyZones { code } }' };
    const citizen = { id: 'citizen-zhang', roles: [Role.CITIZEN] };
    await expect(new HopVerifier(keys.water).verify(await signIdentity(citizen, keys.gateway, 'water', request), request)).resolves.toMatchObject({ signer: 'gateway' });
    await expect(new HopVerifier(keys.intake).verify(await signIdentity(citizen, keys.water, 'intake', request), request)).rejects.toThrow(/may not speak for/);
    // the gateway's MAC'd hops too: the key written for water is the one the gateway derives for water, and no other's
    await expect(new HopVerifier(keys.water).verify(macIdentity(citizen, keys.gateway, 'water', request), request)).resolves.toMatchObject({ actor: { id: 'citizen-zhang' } });
    const forTransit = macIdentity(citizen, keys.gateway, 'transit', request);
    await expect(new HopVerifier(keys.water).verify(forTransit, request)).rejects.toThrow(/signature/);
    await expect(new HopVerifier(keys.transit).verify(forTransit, request)).resolves.toMatchObject({ signer: 'gateway' });
    // each schema-read token opens its own subgraph: the service keeps the digest, the CI the token
    const tokens = readEnv(path.join(dir, '.env.production.schema-tokens'));
    const digest = createHash('sha256').update(tokens.WATER_SCHEMA_READ_TOKEN).digest('hex');
    expect(envOf('water').SCHEMA_READ_TOKEN_SHA256).toBe(digest);
    expect(envOf('transit').SCHEMA_READ_TOKEN_SHA256).not.toBe(digest);
  });

  it('leaves the identity provider to the city, marked, and the services start on nothing else', async () => {
    generate(dir);
    const env: Record<string, string> = { ...files().services, ...readEnv(path.join(dir, '.env.production.key.gateway')), NODE_ENV: 'production' };
    for (const name of ['AUTH_JWKS_URL', 'AUTH_ISSUER', 'AUTH_AUDIENCE']) expect(env[name]).toMatch(PLACEHOLDER);
    expect(fs.readFileSync(path.join(dir, '.env.production'), 'utf8')).toMatch(/# >>> CHANGE-ME: the city's identity provider/);
    // the configuration readers accept everything else in production …
    expect(() => readGatewayConfig(env).hopKeys.signer).not.toThrow();
    expect(() => readRegistryConfig({ ...env, ...readEnv(path.join(dir, '.env.production.key.registry')) }).hopKeys.signer).not.toThrow();
    // … and a placeholder left in place stops the gateway and the registry rather than refusing every token later
    await expect(createTokenVerifier(readAuthConfig(env))).rejects.toThrow(/Invalid URL/);
    await expect(createTokenVerifier(readAuthConfig({ ...env, AUTH_JWKS_URL: 'https://idp.city.example/jwks.json' }))).resolves.toBeInstanceOf(Function);
  });

  it('keeps the files to their owner', () => {
    generate(dir);
    for (const file of ['.env.production', '.env.production.migrate', '.env.production.db']) {
      expect(fs.statSync(path.join(dir, file)).mode & 0o077).toBe(0);
    }
  });

  it('refuses to overwrite without --force, and replaces everything with it', () => {
    expect(generate(dir).status).toBe(0);
    const before = files();
    const refused = generate(dir);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/refusing to overwrite .*\.env\.production/);
    expect(files()).toEqual(before);
    // a partial earlier run counts too: one file present is enough to refuse
    fs.rmSync(path.join(dir, '.env.production'));
    expect(generate(dir).status).not.toBe(0);
    expect(fs.existsSync(path.join(dir, '.env.production'))).toBe(false);
    expect(generate(dir, '--force').status).toBe(0);
    expect(files().db.HOTLINE_DML_PASSWORD).not.toBe(before.db.HOTLINE_DML_PASSWORD);
  });

  it('writes where --out says, and builds the URLs for --db-host', () => {
    const out = path.join(dir, 'srv', 'hotline.env');
    expect(generate(dir, '--out', out, '--db-host', 'mariadb.internal:3307').status).toBe(0);
    expect(new URL(readEnv(out).DATABASE_URL).host).toBe('mariadb.internal:3307');
    expect(fs.existsSync(`${out}.migrate`) && fs.existsSync(`${out}.db`)).toBe(true);
    expect(fs.existsSync(path.join(dir, '.env.production'))).toBe(false);
  });

  it('rejects what it does not understand', () => {
    expect(generate(dir, '--outt', 'x').status).not.toBe(0);
    expect(generate(dir, '--out').status).not.toBe(0);
    expect(generate(dir, '--db-prefix', 'hot-line').status).not.toBe(0);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('writes the overlay\'s Secret env files and the accounts\' SQL for Kubernetes', () => {
    const overlay = path.join(dir, 'overlay');
    expect(generate(dir, '--k8s', overlay, '--db-host', 'mariadb.db.svc:3306').status).toBe(0);
    const app = readEnv(path.join(overlay, 'app.env'));
    const migrate = readEnv(path.join(overlay, 'migrate.env'));
    const examples = path.join(ROOT, 'deploy/k8s/overlays/production');
    expect(Object.keys(app).sort()).toEqual(Object.keys(parseEnvFile(fs.readFileSync(path.join(examples, 'app.env.example'), 'utf8'))).sort());
    expect(Object.keys(migrate).sort()).toEqual(Object.keys(parseEnvFile(fs.readFileSync(path.join(examples, 'migrate.env.example'), 'utf8'))).sort());
    for (const service of SIGNERS) expect(JSON.parse(readEnv(path.join(overlay, `hop-${service}.env`)).HOP_SIGNING_KEY).kid).toMatch(new RegExp(`^${service}:`));
    expect(JSON.parse(app.HOP_TRUSTED_KEYS).keys).toHaveLength(SIGNERS.length);
    const sql = fs.readFileSync(path.join(overlay, 'db-accounts.sql'), 'utf8');
    expect(sql).toContain(`'hotline_app'@'%' IDENTIFIED BY '${new URL(app.DATABASE_URL).password}'`);
    expect(sql).toContain(`'hotline_migrate'@'%' IDENTIFIED BY '${new URL(migrate.DATABASE_URL).password}'`);
    expect(sql).toContain("GRANT SELECT, INSERT, UPDATE, DELETE ON `hotline\\_%`.* TO 'hotline_app'@'%';");
    expect(generate(dir, '--k8s', overlay).status).not.toBe(0);
    // without --db-host the host is a marked placeholder, not a guess
    const unplaced = path.join(dir, 'unplaced');
    generate(dir, '--k8s', unplaced);
    expect(new URL(readEnv(path.join(unplaced, 'app.env')).DATABASE_URL).hostname).toMatch(PLACEHOLDER);
  });
});
