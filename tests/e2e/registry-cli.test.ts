import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runSubgraphCli } from '../../registry/src/cli/subgraph-cli';
import { tokenFor, type Persona } from '../support/personas';
import { type Stack, startStack } from '../support/stack';

/** Issue 12, item 5: the registry CLI with the habits of rover, wgc and hive. */
let stack: Stack;
let dir: string;
beforeAll(async () => {
  stack = await startStack({ registry: true });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-cli-'));
});
afterAll(async () => {
  await stack?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const GIT = { GIT_COMMIT: '0123456789abcdef0123456789abcdef01234567', GIT_BRANCH: 'feature/pressure', GIT_AUTHOR: 'Water CI <ci@water.example>' };

async function cli(persona: Persona, args: string[], stdin?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const env = { REGISTRY_URL: stack.registry!.url, REGISTRY_TOKEN: await tokenFor(persona), ...GIT };
  const code = await runSubgraphCli(args, { out: (line) => out.push(line), err: (line) => err.push(line), env, stdin: async () => stdin ?? '' });
  return { code, out, err };
}
const envelope = (lines: string[]) => {
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]);
};

describe('npm run subgraph', () => {
  let sdl: string;

  it('introspects a running subgraph to a file with its schema-read token, and fetches what the registry holds', async () => {
    const file = path.join(dir, 'water.graphql');
    const introspected = await cli('waterAdmin', ['introspect', '--introspect', stack.subgraphs.water.url, '--out', file]);
    expect(introspected).toMatchObject({ code: 0, out: [expect.stringContaining(`wrote the SDL of ${stack.subgraphs.water.url} to ${file}`)] });
    sdl = fs.readFileSync(file, 'utf8');
    expect(sdl).toContain('type WaterTicketInfo');

    const published = path.join(dir, 'published.graphql');
    expect((await cli('waterAdmin', ['fetch', '--name', 'water', '--out', published])).code).toBe(0);
    expect(fs.readFileSync(published, 'utf8').trim()).toBe(sdl.trim());
    const supergraph = await cli('observer', ['fetch', '--supergraph', '--json']);
    const body = envelope(supergraph.out);
    expect(body).toMatchObject({ apiVersion: 'hotline.subgraph-cli/v1', command: 'fetch', ok: true, exitCode: 0, error: null });
    expect(body.data.sdl).toContain('@join__graph(name: "water"');
  });

  it('checks from standard input without --url, lists the safe changes, and keeps the check with its commit', async () => {
    const next = sdl.replace('type WaterTicketInfo {', 'type WaterTicketInfo {\n  """Mains pressure at the address, in bar"""\n  pressureBar: Float');
    expect(next).not.toBe(sdl);
    const checked = await cli('waterAdmin', ['check', '--name', 'water', '--schema', '-', '--json'], next);
    expect(checked.code).toBe(0);
    const body = envelope(checked.out);
    expect(body).toMatchObject({ command: 'check', ok: true, data: { ok: true, breakingChanges: [] } });
    expect(body.data.safeChanges).toContain("safe: Field 'pressureBar' was added to object type 'WaterTicketInfo'");

    const checks = envelope((await cli('waterAdmin', ['checks', '--name', 'water', '--json'])).out);
    expect(checks.data.schemaChecks[0]).toMatchObject({ ok: true, checkedBy: 'water-admin-1', gitCommit: GIT.GIT_COMMIT, gitBranch: GIT.GIT_BRANCH, gitAuthor: GIT.GIT_AUTHOR, check: { safeChanges: expect.arrayContaining([expect.stringMatching(/pressureBar/)]) } });
  });

  it('publishes with its git context and shows it in history; refusals and usage errors keep the envelope', async () => {
    const published = await cli('waterAdmin', ['publish', '--name', 'water', '--introspect', stack.subgraphs.water.url, '--reason', 'same SDL, now from CI', '--json']);
    expect(envelope(published.out)).toMatchObject({ command: 'publish', ok: true, data: { ok: true, version: 2 } });
    const history = await cli('waterAdmin', ['history', '--name', 'water']);
    expect(history.out.join('\n')).toMatch(/v2\s+PUBLISH .* 0123456789 \(feature\/pressure\)/);
    expect(envelope((await cli('waterAdmin', ['history', '--name', 'water', '--json'])).out).data.subgraphHistory[0]).toMatchObject({ version: 2, gitCommit: GIT.GIT_COMMIT });

    const refused = await cli('streetlightStaff', ['publish', '--name', 'water', '--schema', '-', '--url', 'http://127.0.0.1:9/graphql', '--json'], sdl);
    expect(refused.code).toBe(1);
    expect(envelope(refused.out)).toMatchObject({ ok: false, exitCode: 1, data: null, error: { kind: 'FAILED', message: expect.stringContaining('FORBIDDEN') } });
    const wrong = await cli('waterAdmin', ['publish', '--json']);
    expect(wrong.code).toBe(2);
    expect(envelope(wrong.out)).toMatchObject({ ok: false, exitCode: 2, error: { kind: 'USAGE' } });
  });
});
