import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { dropDatabase } from '../../schema/database/create-data-source';
import { databaseTarget } from '../../schema/database/database-target';
import { CREATE_TICKET, ticketInput } from '../support/operations';
import { tokenFor } from '../support/personas';
import { type Stack, startStack } from '../support/stack';

// A department that leaves the monorepo (issue 12 item 6): generated into a temporary folder, it installs
// offline, builds and passes its own tests against the packed platform package, then publishes to a running
// registry with the CLI that package ships. Nothing of the monorepo is on its module path.
const ROOT = path.resolve(__dirname, '../..');
const code = `gardens_${randomBytes(3).toString('hex')}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${code}-`));
const SAVE = 'mutation ($input: DepartmentInput!) { saveDepartment(input: $input) { department { code active } } }';
// the CI's git variables would stand in for the standalone repository's own commit
const { GIT_COMMIT, GITHUB_SHA, CI_COMMIT_SHA, GIT_BRANCH, GITHUB_HEAD_REF, GITHUB_REF_NAME, CI_COMMIT_REF_NAME, GIT_AUTHOR, CI_COMMIT_AUTHOR, ...cleanEnv } = process.env;

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs a command to its end; the timings land in the test output, which the README quotes. */
function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Ran> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd ?? dir, env: { ...cleanEnv, ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr, ms: Date.now() - started }));
  });
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

async function waitUntilReady(url: string, deadline = Date.now() + 20_000) {
  while (Date.now() < deadline) {
    if (await fetch(`${url}/readyz`).then((response) => response.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} never became ready`);
}

const timings: Record<string, number> = {};
let stack: Stack;
let subgraph: ChildProcess | undefined;

beforeAll(async () => {
  const generating = run(process.execPath, ['scripts/new-department.js', '--standalone', dir, '--code', code, '--name', 'Parks and Greening', '--name-zh', '园林管理处'], { cwd: ROOT });
  [stack] = await Promise.all([startStack({ registry: true }), generating]);
  const generated = await generating;
  expect(generated).toMatchObject({ status: 0, stderr: '' });
  timings.generate = generated.ms;
}, 240_000);
afterAll(async () => {
  subgraph?.kill('SIGTERM');
  if (stack) await dropDatabase(databaseTarget(code, stack.database)).catch(() => undefined);
  await stack?.close();
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`standalone department, ms: ${JSON.stringify(timings)}`);
});

describe('a department in its own repository', () => {
  it('depends on the platform package only, installs offline, builds and passes its own tests', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    expect(manifest.dependencies['@hotline-12345/platform']).toMatch(/^file:vendor\/hotline-12345-platform-0\.\d+\.\d+\.tgz$/);
    const sources = fs.readdirSync(path.join(dir, 'src'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    for (const file of sources) expect(fs.readFileSync(path.join(dir, 'src', file), 'utf8')).not.toMatch(/\.\.\/schema\/|from '\.\.\/\.\.\/\.\.\//);

    const install = await run('npm', ['install', '--offline', '--no-audit', '--no-fund']);
    expect(install).toMatchObject({ status: 0 });
    const build = await run('npm', ['run', 'build']);
    expect(build).toMatchObject({ status: 0 });
    const test = await run('npm', ['test']);
    expect({ status: test.status, output: test.stderr.slice(-2000) }).toMatchObject({ status: 0 });
    expect(test.stderr).toMatch(/Tests:\s+2 passed, 2 total/);
    Object.assign(timings, { install: install.ms, build: build.ms, test: test.ms });
  });

  it('publishes from its own repository to the running registry, which records the commit it came from', async () => {
    const saved = await stack.graphql(SAVE, { input: { code, nameZh: '园林管理处', nameEn: 'Parks and Greening', federated: true, subgraph: code } }, { as: 'systemAdmin' });
    expect(saved.body).toMatchObject({ data: { saveDepartment: { department: { code, active: true } } } });
    expect(saved.body.errors).toBeUndefined();

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = { [`${code.toUpperCase()}_PORT`]: String(port), DATABASE_URL: stack.database.databaseUrl, INTAKE_URL: stack.subgraphs.intake.url, LOG_LEVEL: 'warn' };
    subgraph = spawn(process.execPath, ['dist/src/main.js'], { cwd: dir, env: { ...cleanEnv, ...env }, stdio: 'ignore' });
    await waitUntilReady(url);

    const git = ['-c', 'user.name=Gardens CI', '-c', 'user.email=ci@gardens.example'];
    for (const args of [['init', '-q'], [...git, 'add', '-A'], [...git, 'commit', '-q', '-m', 'scaffolded']]) expect(await run('git', args)).toMatchObject({ status: 0 });
    const commit = (await run('git', ['rev-parse', 'HEAD'])).stdout.trim();

    const registry = { REGISTRY_URL: stack.registry!.url, REGISTRY_TOKEN: await tokenFor('systemAdmin'), SUBGRAPH_URL: url };
    const publish = await run('npm', ['run', '--silent', 'schema:publish', '--', '--json', '--reason', 'a department of its own'], { env: registry });
    timings.publish = publish.ms;
    expect({ status: publish.status, stderr: publish.stderr }).toEqual({ status: 0, stderr: '' });
    expect(JSON.parse(publish.stdout)).toMatchObject({ apiVersion: 'hotline.subgraph-cli/v1', command: 'publish', ok: true });

    // read back with the CLI the standalone repository installed, not the monorepo's
    const history = await run(path.join(dir, 'node_modules', '.bin', 'hotline-subgraph'), ['history', '--name', code, '--json'], { env: registry });
    expect(history).toMatchObject({ status: 0 });
    expect(JSON.parse(history.stdout).data.subgraphHistory).toEqual([
      expect.objectContaining({ version: 1, action: 'PUBLISH', routingUrl: `${url}/graphql`, publishedBy: 'sysadmin-1', reason: 'a department of its own', gitCommit: commit }),
    ]);

    // and the gateway, following the registry, serves the department's field on the centre's ticket
    const created = await stack.graphql(CREATE_TICKET, { input: ticketInput({ categoryCode: 'other' }) });
    const query = `query ($id: ID!) { ticket(id: $id) { ${code} { located workOrders { id } } } }`;
    let answer = await stack.graphql(query, { id: created.body.data.createTicket.ticket.id });
    for (const deadline = Date.now() + 10_000; answer.body.errors && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      answer = await stack.graphql(query, { id: created.body.data.createTicket.ticket.id });
    }
    expect(answer.body.data?.ticket).toEqual({ [code]: { located: true, workOrders: [] } });
    // an offline npm install, a tsc build and the department's own jest run: 30 s on a quiet 2-core machine, 95 s at load 12
  }, 240_000);
});
