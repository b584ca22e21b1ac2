#!/usr/bin/env node
// Writes the production settings with fresh random secrets, for docker-compose.yml (default) or for the Kubernetes
// overlay (--k8s DIR). Secrets go to separate files so that each container receives only its own: services never
// see the MariaDB root password nor the migration account's, and each service holds its own hop key alone (the
// shared files carry the public keys only).
//
//   npm run env:generate                                   → .env.production, .env.production.migrate, .env.production.db,
//                                                            .env.production.key.<service>, .env.production.schema-tokens
//   npm run env:generate -- --out /srv/hotline/.env.production --force
//   npm run env:generate -- --k8s deploy/k8s/overlays/production --db-host mariadb.databases.svc:3306
//
// It refuses to overwrite existing files without --force: regenerating changes every password, and the database
// volume keeps the old ones.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { SUBGRAPHS } = require('./services');

const USAGE = `usage: node scripts/generate-env.js [--out FILE] [--k8s DIR] [--db-host HOST[:PORT]] [--db-prefix NAME] [--force]`;

/** The parts of this file the tests check: account names, and the mark every value the city must supply carries. */
const DDL_USER = 'hotline_migrate';
const DML_USER = 'hotline_app';
const PLACEHOLDER = 'CHANGE-ME';

function parseArgs(argv) {
  const options = { out: '.env.production', k8s: null, dbHost: null, dbPrefix: 'hotline', force: false };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) fail(`${flag} needs a value\n${USAGE}`);
      return next;
    };
    if (flag === '--out') options.out = value();
    else if (flag === '--k8s') options.k8s = value();
    else if (flag === '--db-host') options.dbHost = value();
    else if (flag === '--db-prefix') options.dbPrefix = value();
    else if (flag === '--force') options.force = true;
    else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else fail(`unknown argument "${flag}"\n${USAGE}`);
  }
  // the prefix names databases (hotline_intake …) and must match the grants on hotline\_%
  if (!/^[A-Za-z0-9_]{1,40}$/.test(options.dbPrefix)) fail('--db-prefix must be letters, digits and _');
  return options;
}

function fail(message) {
  console.error(`[env:generate] ${message}`);
  process.exit(1);
}

/** 32 random bytes, base64url: 43 characters, safe in a URL, in SQL string literals and in env files unquoted. */
function secret() {
  return crypto.randomBytes(32).toString('base64url');
}

/** Every service that signs requests to another: each gets its own Ed25519 key (kid `<service>:<date>`). */
const SIGNERS = ['gateway', 'registry', ...SUBGRAPHS];

/**
 * One key pair per service as JSON Web Keys, the format the services read (schema/identity/hop-keys.ts); plus, per
 * subgraph, the schema-read token its department's CI uses to read the SDL alone, of which the service keeps the hash.
 */
function hopKeys(generatedAt) {
  const version = generatedAt.slice(0, 10);
  const keys = SIGNERS.map((service) => {
    const { privateKey } = crypto.generateKeyPairSync('ed25519');
    const jwk = { ...privateKey.export({ format: 'jwk' }), kid: `${service}:${version}`, alg: 'EdDSA', use: 'sig' };
    const { d: _private, ...publicJwk } = jwk;
    const schemaToken = SUBGRAPHS.includes(service) ? secret() : null;
    return { service, privateJwk: jwk, publicJwk, schemaToken };
  });
  return { keys, trusted: JSON.stringify({ keys: keys.map((key) => key.publicJwk) }) };
}

const gatewayKey = (hop) => hop.keys.find((key) => key.service === 'gateway');

const sha256 = (text) => crypto.createHash('sha256').update(text).digest('hex');

/**
 * The key the gateway authenticates its hops to `service` with (HMAC-SHA256): HKDF-SHA256 over the gateway's Ed25519
 * seed, labelled with the gateway's key id and the service, exactly as schema/identity/hop-mac.ts derives it (the
 * test of this script checks the two agree).
 */
function macKeySet(gatewayJwk, service) {
  const info = `hotline-hop-mac\n${gatewayJwk.kid}\n${service}`;
  const k = Buffer.from(crypto.hkdfSync('sha256', Buffer.from(gatewayJwk.d, 'base64url'), Buffer.alloc(0), info, 32)).toString('base64url');
  return JSON.stringify({ keys: [{ kty: 'oct', kid: gatewayJwk.kid, k, alg: 'HS256' }] });
}

/** What one service alone reads: its private key, and for a subgraph the digest of its schema-read token and the gateway's MAC key for it. */
function serviceKeyLines(key, gateway) {
  return [
    `# ${key.service}'s own hop key: it signs what ${key.service} sends other services. No other service has it.`,
    `HOP_SIGNING_KEY=${JSON.stringify(key.privateJwk)}`,
    ...(SUBGRAPHS.includes(key.service) ? [`# the key the gateway authenticates its requests to ${key.service} with; derived from the gateway's key, so regenerate both together`, `HOP_MAC_KEYS=${macKeySet(gateway.privateJwk, key.service)}`] : []),
    ...(key.schemaToken ? [`# the SHA-256 of the token its department CI reads the SDL with (${'.env.production.schema-tokens'})`, `SCHEMA_READ_TOKEN_SHA256=${sha256(key.schemaToken)}`] : []),
  ];
}

function schemaTokenLines(keys) {
  return keys.filter((key) => key.schemaToken).map((key) => `${key.service.toUpperCase()}_SCHEMA_READ_TOKEN=${key.schemaToken}`);
}

function databaseUrl(user, password, host, prefix) {
  return `mysql://${user}:${password}@${host}/${prefix}`;
}

function render(lines) {
  return `${lines.join('\n')}\n`;
}

const IDENTITY_PROVIDER = [
  '',
  `# >>> ${PLACEHOLDER}: the city's identity provider. The gateway verifies bearer tokens with its keys; the`,
  `# >>> placeholders below make the gateway and the registry refuse to start until they are replaced.`,
  '# The key set (JWKS) URL, or instead AUTH_PUBLIC_KEY=<PEM with \\n> and AUTH_ALGORITHM (default RS256):',
  `AUTH_JWKS_URL=${PLACEHOLDER}-jwks-url`,
  '# The `iss` and `aud` every token must carry:',
  `AUTH_ISSUER=${PLACEHOLDER}-issuer`,
  `AUTH_AUDIENCE=${PLACEHOLDER}-audience`,
];

const SETTINGS = [
  '',
  '# The city\'s time zone: ticket numbers and working-day deadlines follow its days',
  'TIME_ZONE=Asia/Shanghai',
  '# pino levels: fatal, error, warn, info, debug, trace',
  'LOG_LEVEL=info',
  '# Traces go to an OpenTelemetry collector only when this is set, e.g. http://otel-collector:4318',
  '# OTEL_EXPORTER_OTLP_ENDPOINT=',
  '# Behind the city\'s reverse proxy, the proxy whose X-Forwarded-For names the client (the per-address rate limit',
  '# counts clients by it): a hop count or addresses/subnets, e.g. 1 or 172.16.0.0/12; unset, the proxy is one client',
  '# TRUST_PROXY=',
];

function composeFiles(options, generatedAt) {
  const host = options.dbHost || 'db:3306';
  const hop = hopKeys(generatedAt);
  const root = secret();
  const ddl = secret();
  const dml = secret();
  const header = (what) => [`# ${what}`, `# Generated by scripts/generate-env.js on ${generatedAt}. Never commit this file.`];
  return [
    [
      options.out,
      render([
        ...header('What every service of docker-compose.yml reads (env_file).'),
        '',
        '# The public hop keys of every service: who may sign what a service receives (no private key here)',
        `HOP_TRUSTED_KEYS=${hop.trusted}`,
        '# The DML-only account: rows, never tables',
        `DATABASE_URL=${databaseUrl(DML_USER, dml, host, options.dbPrefix)}`,
        ...IDENTITY_PROVIDER,
        ...SETTINGS,
      ]),
    ],
    [
      `${options.out}.migrate`,
      render([
        ...header('Read after .env.production by the migrate one-shot only: the account that may change tables.'),
        '',
        `DATABASE_URL=${databaseUrl(DDL_USER, ddl, host, options.dbPrefix)}`,
      ]),
    ],
    [
      `${options.out}.db`,
      render([
        ...header('Read by the MariaDB container only; deploy/compose/mariadb-init/ creates both accounts on the first start.'),
        '# Keep the root password for backups and upgrades: services never use it.',
        '',
        `MARIADB_ROOT_PASSWORD=${root}`,
        `HOTLINE_DDL_PASSWORD=${ddl}`,
        `HOTLINE_DML_PASSWORD=${dml}`,
      ]),
    ],
    ...hop.keys.map((key) => [`${options.out}.key.${key.service}`, render([...header(`Read by the ${key.service} container only (after .env.production).`), '', ...serviceKeyLines(key, gatewayKey(hop))])]),
    [
      `${options.out}.schema-tokens`,
      render([
        ...header('For the departments\' CI, read by no container: each token reads its own subgraph\'s SDL and nothing else.'),
        '# Hand each department its line (npm run subgraph -- check --introspect URL --schema-token …, or rover --header).',
        '',
        ...schemaTokenLines(hop.keys),
      ]),
    ],
  ];
}

/** For the overlay's secretGenerator: app.env and migrate.env, plus the SQL the city's DBA runs once. */
function kubernetesFiles(options, generatedAt) {
  const host = options.dbHost || `${PLACEHOLDER}-db-host:3306`;
  const hop = hopKeys(generatedAt);
  const ddl = secret();
  const dml = secret();
  const header = (what) => [`# ${what}`, `# Generated by scripts/generate-env.js on ${generatedAt}. Never commit this file.`];
  const dir = options.k8s;
  return [
    [
      path.join(dir, 'app.env'),
      render([
        ...header('Secret hotline-app: every service, the migration Job and the registry bootstrap Job.'),
        ...(options.dbHost ? [] : [`# >>> ${PLACEHOLDER}: the database host in DATABASE_URL (or rerun with --db-host).`]),
        `HOP_TRUSTED_KEYS=${hop.trusted}`,
        `DATABASE_URL=${databaseUrl(DML_USER, dml, host, options.dbPrefix)}`,
      ]),
    ],
    ...hop.keys.map((key) => [path.join(dir, `hop-${key.service}.env`), render([...header(`Secret hotline-hop-${key.service}: the ${key.service} Deployment only.`), ...serviceKeyLines(key, gatewayKey(hop))])]),
    [
      path.join(dir, 'schema-tokens.env'),
      render([...header('For the departments\' CI, mounted nowhere: each token reads its own subgraph\'s SDL and nothing else.'), ...schemaTokenLines(hop.keys)]),
    ],
    [
      path.join(dir, 'migrate.env'),
      render([
        ...header('Secret hotline-migrate: the migration Job only.'),
        `DATABASE_URL=${databaseUrl(DDL_USER, ddl, host, options.dbPrefix)}`,
      ]),
    ],
    [
      path.join(dir, 'db-accounts.sql'),
      render([
        `-- The two accounts the Secrets above use; run once as an administrator of the city's MariaDB/MySQL server.`,
        `-- Generated by scripts/generate-env.js on ${generatedAt}. Never commit this file; delete it once applied.`,
        `CREATE USER IF NOT EXISTS '${DDL_USER}'@'%' IDENTIFIED BY '${ddl}';`,
        `GRANT ALL PRIVILEGES ON \`${options.dbPrefix}\\_%\`.* TO '${DDL_USER}'@'%';`,
        `CREATE USER IF NOT EXISTS '${DML_USER}'@'%' IDENTIFIED BY '${dml}';`,
        `GRANT SELECT, INSERT, UPDATE, DELETE ON \`${options.dbPrefix}\\_%\`.* TO '${DML_USER}'@'%';`,
      ]),
    ],
  ];
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const generatedAt = new Date().toISOString();
  const files = options.k8s ? kubernetesFiles(options, generatedAt) : composeFiles(options, generatedAt);
  const existing = files.map(([file]) => file).filter((file) => fs.existsSync(file));
  if (existing.length && !options.force) {
    fail(`refusing to overwrite ${existing.join(', ')}: new secrets would not match the ones the database already has. Use --force to replace them.`);
  }
  for (const [file, content] of files) {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    // 0600: other users of the host may not read the secrets (mode applies when the file is created)
    fs.writeFileSync(file, content, { mode: 0o600 });
    fs.chmodSync(file, 0o600);
    console.log(`[env:generate] wrote ${file}`);
  }
  const first = options.k8s ? path.join(options.k8s, 'app.env') : options.out;
  const idp = options.k8s ? path.join(options.k8s, 'identity-provider.patch.yaml') : first;
  console.log(`[env:generate] next: set the identity provider (${PLACEHOLDER}) in ${idp}`);
}

main();
