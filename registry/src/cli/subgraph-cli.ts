import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { fetchSubgraphSdl } from '../../../schema/federation/fetch-subgraph-sdl';
import { type CheckReport, describeCheck, describePublish, type PublishReport, table } from './cli-report';
import { gitContext } from './git-context';
import { CHECK, CHECKS, FETCH_SUBGRAPH, FETCH_SUPERGRAPH, HISTORY, LIST, PUBLISH, REMOVE, ROLLBACK } from './registry-operations';
import { callRegistry, CliError } from './registry-request';
import { introspectBase, need, readSubgraphInput, schemaReadToken, UsageError } from './subgraph-source';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
  /** `--schema -`: the SDL from standard input (a test passes it in). */
  stdin?: () => Promise<string>;
}

const USAGE = `usage: npm run subgraph -- <check|publish|list|history|checks|rollback|remove|introspect|fetch> --name water
  [--department water] [--url http://127.0.0.1:4002/graphql] [--schema file.graphql | --schema - | --introspect http://127.0.0.1:4002]
  [--reason "…"] [--force] [--version 3] [--token <jwt>] [--schema-token <token>] [--supergraph] [--out FILE] [--json]
  (env: REGISTRY_URL, REGISTRY_TOKEN, SCHEMA_READ_TOKEN: the subgraph's schema-read token, for --introspect)`;

/** The versioned shape of `--json` output; a change to it is a new version, so scripts can rely on it. */
export const JSON_ENVELOPE_VERSION = 'hotline.subgraph-cli/v1';

const OPTIONS = {
  name: { type: 'string' },
  department: { type: 'string' },
  url: { type: 'string' },
  schema: { type: 'string' },
  introspect: { type: 'string' },
  reason: { type: 'string' },
  force: { type: 'boolean' },
  version: { type: 'string' },
  token: { type: 'string' },
  'schema-token': { type: 'string' },
  supergraph: { type: 'boolean' },
  out: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** What a command found: whether it succeeded, what it says to people, what it gives scripts. */
interface Outcome {
  ok: boolean;
  lines: string[];
  data: unknown;
}

const readAll = async (stream: NodeJS.ReadableStream) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
};

/**
 * `npm run subgraph -- …`: what a department runs in its pipeline, with the
 * habits of rover, wgc and hive: `--json` on every command, `--schema -`,
 * `introspect`/`fetch` to files, git context sent with check and publish.
 * Returns the exit code: 0 done, 1 refused or failed, 2 a wrong command line.
 */
export async function runSubgraphCli(argv: string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  let command = argv.find((arg) => !arg.startsWith('-')) ?? '';
  try {
    const { positionals, values } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    const [first, ...extra] = positionals;
    command = first ?? '';
    if (!command || extra.length) throw new UsageError(command ? `unexpected ${extra.join(' ')}` : 'which command?');
    const outcome = await runCommand(command, values, io);
    if (json) io.out(JSON.stringify({ apiVersion: JSON_ENVELOPE_VERSION, command, ok: outcome.ok, exitCode: outcome.ok ? 0 : 1, data: outcome.data, error: null }));
    else for (const line of outcome.lines) (outcome.ok ? io.out : io.err)(line);
    return outcome.ok ? 0 : 1;
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    const message = usage || error instanceof CliError ? (error as Error).message : `failed: ${(error as Error).message}`;
    if (json) {
      io.out(JSON.stringify({ apiVersion: JSON_ENVELOPE_VERSION, command, ok: false, exitCode: usage ? 2 : 1, data: null, error: { kind: usage ? 'USAGE' : 'FAILED', message } }));
    } else {
      io.err(message);
      if (usage) io.err(USAGE);
    }
    return usage ? 2 : 1;
  }
}

type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

async function runCommand(command: string, values: Values, io: CliIo): Promise<Outcome> {
  const registryUrl = io.env.REGISTRY_URL || 'http://127.0.0.1:4010';
  const token = () => {
    const given = values.token ?? io.env.REGISTRY_TOKEN;
    if (!given) throw new UsageError('give --token or set REGISTRY_TOKEN (a bearer token of a DEPARTMENT_ADMIN or SYSTEM_ADMIN)');
    return given;
  };
  const call = <T>(query: string, variables?: Record<string, unknown>) => callRegistry<T>(registryUrl, token(), query, variables);
  const stdin = io.stdin ?? (() => readAll(process.stdin));
  const published = (verb: string, name: string, result: PublishReport): Outcome => ({ ok: result.ok, lines: describePublish(verb, name, result), data: result });
  const written = (text: string, what: string): Outcome => {
    if (!values.out) return { ok: true, lines: [text], data: { sdl: text } };
    fs.writeFileSync(values.out, text.endsWith('\n') ? text : `${text}\n`);
    return { ok: true, lines: [`wrote ${what} to ${values.out}`], data: { file: values.out, bytes: Buffer.byteLength(text) } };
  };

  switch (command) {
    case 'check': {
      const input = { ...(await readSubgraphInput(values, io.env, { urlRequired: false, stdin })), git: gitContext(io.env) };
      if (!input.routingUrl) input.routingUrl = await currentRoutingUrl(call, input.name);
      const { check } = (await call<{ checkSubgraph: { check: CheckReport } }>(CHECK, { input })).checkSubgraph;
      return { ok: check.ok, lines: [`${check.ok ? 'OK' : 'REFUSED'} check ${input.name}`, ...describeCheck(check)], data: check };
    }
    case 'publish': {
      const input = { ...(await readSubgraphInput(values, io.env, { urlRequired: true, stdin })), git: gitContext(io.env) };
      return published('publish', input.name, (await call<{ publishSubgraph: PublishReport }>(PUBLISH, { input })).publishSubgraph);
    }
    case 'rollback': {
      const name = need(values.name, 'name');
      const version = Number(need(values.version, 'version'));
      if (!Number.isInteger(version) || version < 1) throw new UsageError('--version must be a version number');
      const input = { name, version, reason: need(values.reason, 'reason') };
      return published(`rollback to version ${version} of`, name, (await call<{ rollbackSubgraph: PublishReport }>(ROLLBACK, { input })).rollbackSubgraph);
    }
    case 'remove': {
      const name = need(values.name, 'name');
      const input = { name, reason: need(values.reason, 'reason'), force: Boolean(values.force) };
      return published('remove', name, (await call<{ removeSubgraph: PublishReport }>(REMOVE, { input })).removeSubgraph);
    }
    case 'list': {
      const data = await call<{ subgraphs: Record<string, string | number>[]; supergraph: { version: number; id: string } | null }>(LIST);
      const lines = [data.supergraph ? `supergraph version ${data.supergraph.version} (${data.supergraph.id.slice(0, 12)})` : 'nothing published yet'];
      const rows = data.subgraphs.map((s) => [s.name, s.department, `v${s.version}`, s.routingUrl, s.publishedBy, s.publishedAt].map(String));
      if (rows.length) lines.push(...table([['NAME', 'DEPARTMENT', 'VERSION', 'URL', 'BY', 'AT'], ...rows]));
      return { ok: true, lines, data };
    }
    case 'history': {
      const name = need(values.name, 'name');
      const { subgraphHistory } = await call<{ subgraphHistory: Record<string, string | number | boolean | null>[] }>(HISTORY, { name });
      if (!subgraphHistory.length) throw new CliError(`no history for subgraph ${name}`);
      const commit = (v: Record<string, unknown>) => (v.gitCommit ? `${String(v.gitCommit).slice(0, 10)}${v.gitBranch ? ` (${v.gitBranch})` : ''}` : '');
      const rows = subgraphHistory.map((v) => [`v${v.version}`, String(v.action) + (v.forced ? ' (forced)' : ''), String(v.publishedAt), String(v.publishedBy), String(v.routingUrl), commit(v), String(v.reason ?? '')]);
      return { ok: true, lines: table([['VERSION', 'ACTION', 'AT', 'BY', 'URL', 'COMMIT', 'REASON'], ...rows]), data: { subgraphHistory } };
    }
    case 'checks': {
      const name = need(values.name, 'name');
      const { schemaChecks } = await call<{ schemaChecks: Array<Record<string, unknown> & { check: CheckReport }> }>(CHECKS, { name, first: 20 });
      const rows = schemaChecks.map((c) => [String(c.checkedAt), c.ok ? 'OK' : 'REFUSED', String(c.checkedBy), c.gitCommit ? String(c.gitCommit).slice(0, 10) : '', String(c.gitBranch ?? '')]);
      return { ok: true, lines: rows.length ? table([['AT', 'RESULT', 'BY', 'COMMIT', 'BRANCH'], ...rows]) : [`no checks of ${name} yet`], data: { schemaChecks } };
    }
    case 'introspect': {
      // a running subgraph's SDL, read with its schema-read token, to a file: what a pipeline checks or commits
      const base = introspectBase(need(values.introspect ?? values.url, 'introspect'));
      const { sdl } = await fetchSubgraphSdl(values.name ?? 'subgraph', base, { schemaToken: schemaReadToken(values, io.env) });
      return written(sdl, `the SDL of ${base}`);
    }
    case 'fetch': {
      if (values.supergraph) {
        const { supergraph } = await call<{ supergraph: { version: number; sdl: string } | null }>(FETCH_SUPERGRAPH);
        if (!supergraph) throw new CliError('nothing published yet');
        return written(supergraph.sdl, `supergraph version ${supergraph.version}`);
      }
      const name = need(values.name, 'name');
      const { subgraphs } = await call<{ subgraphs: { name: string; version: number; sdl: string }[] }>(FETCH_SUBGRAPH);
      const found = subgraphs.find((subgraph) => subgraph.name === name);
      if (!found) throw new CliError(`no subgraph ${name} is published`);
      return written(found.sdl, `${name} version ${found.version}`);
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/** `check` needs no --url: the subgraph's registered one, or, for a first check, a placeholder nothing calls. */
async function currentRoutingUrl(call: <T>(query: string) => Promise<T>, name: string): Promise<string> {
  const { subgraphs } = await call<{ subgraphs: { name: string; routingUrl: string }[] }>(LIST);
  return subgraphs.find((subgraph) => subgraph.name === name)?.routingUrl ?? `http://${name.replace(/_/g, '-')}.unpublished.invalid/graphql`;
}
