import { parseArgs } from 'node:util';
import { type CheckReport, describeCheck, describePublish, type PublishReport, table } from './cli-report';
import { CHECK, HISTORY, LIST, PUBLISH, REMOVE, ROLLBACK } from './registry-operations';
import { callRegistry, CliError } from './registry-request';
import { need, readSubgraphInput, UsageError } from './subgraph-source';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
}

const USAGE = `usage: npm run subgraph -- <check|publish|list|history|rollback|remove> --name water
  [--department water] [--url http://127.0.0.1:4002/graphql] [--schema file.graphql | --introspect http://127.0.0.1:4002]
  [--reason "…"] [--force] [--version 3] [--token <jwt>] [--schema-token <token>]
  (env: REGISTRY_URL, REGISTRY_TOKEN, SCHEMA_READ_TOKEN: the subgraph's schema-read token, for --introspect)`;

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
} as const;

/**
 * `npm run subgraph -- …`: what a department runs in its pipeline. Returns
 * the exit code: 0 done, 1 refused or failed, 2 a wrong command line.
 */
export async function runSubgraphCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const { positionals, values } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    const [command, ...extra] = positionals;
    if (!command || extra.length) throw new UsageError(command ? `unexpected ${extra.join(' ')}` : 'which command?');
    const registryUrl = io.env.REGISTRY_URL || 'http://127.0.0.1:4010';
    const token = values.token ?? io.env.REGISTRY_TOKEN;
    if (!token) throw new UsageError('give --token or set REGISTRY_TOKEN (a bearer token of a DEPARTMENT_ADMIN or SYSTEM_ADMIN)');
    const call = <T>(query: string, variables?: Record<string, unknown>) => callRegistry<T>(registryUrl, token, query, variables);
    const report = (verb: string, name: string, result: PublishReport) => {
      for (const line of describePublish(verb, name, result)) (result.ok ? io.out : io.err)(line);
      return result.ok ? 0 : 1;
    };
    switch (command) {
      case 'check': {
        const input = await readSubgraphInput(values, io.env);
        const { checkSubgraph } = await call<{ checkSubgraph: CheckReport }>(CHECK, { input });
        (checkSubgraph.ok ? io.out : io.err)(`${checkSubgraph.ok ? 'OK' : 'REFUSED'} check ${input.name}`);
        for (const line of describeCheck(checkSubgraph)) (checkSubgraph.ok ? io.out : io.err)(line);
        return checkSubgraph.ok ? 0 : 1;
      }
      case 'publish': {
        const input = await readSubgraphInput(values, io.env);
        return report('publish', input.name, (await call<{ publishSubgraph: PublishReport }>(PUBLISH, { input })).publishSubgraph);
      }
      case 'rollback': {
        const name = need(values.name, 'name');
        const version = Number(need(values.version, 'version'));
        if (!Number.isInteger(version) || version < 1) throw new UsageError('--version must be a version number');
        const variables = { name, version, reason: need(values.reason, 'reason') };
        return report(`rollback to version ${version} of`, name, (await call<{ rollbackSubgraph: PublishReport }>(ROLLBACK, variables)).rollbackSubgraph);
      }
      case 'remove': {
        const name = need(values.name, 'name');
        const variables = { name, reason: need(values.reason, 'reason'), force: Boolean(values.force) };
        return report('remove', name, (await call<{ removeSubgraph: PublishReport }>(REMOVE, variables)).removeSubgraph);
      }
      case 'list': {
        const { subgraphs, supergraph } = await call<{ subgraphs: Record<string, string | number>[]; supergraph: { version: number; id: string } | null }>(LIST);
        io.out(supergraph ? `supergraph version ${supergraph.version} (${supergraph.id.slice(0, 12)})` : 'nothing published yet');
        const rows = subgraphs.map((s) => [s.name, s.department, `v${s.version}`, s.routingUrl, s.publishedBy, s.publishedAt].map(String));
        if (rows.length) table([['NAME', 'DEPARTMENT', 'VERSION', 'URL', 'BY', 'AT'], ...rows]).forEach((line) => io.out(line));
        return 0;
      }
      case 'history': {
        const name = need(values.name, 'name');
        const { subgraphHistory } = await call<{ subgraphHistory: Record<string, string | number | boolean | null>[] }>(HISTORY, { name });
        if (!subgraphHistory.length) throw new CliError(`no history for subgraph ${name}`);
        const rows = subgraphHistory.map((v) => [`v${v.version}`, String(v.action) + (v.forced ? ' (forced)' : ''), String(v.publishedAt), String(v.publishedBy), String(v.routingUrl), String(v.reason ?? '')]);
        table([['VERSION', 'ACTION', 'AT', 'BY', 'URL', 'REASON'], ...rows]).forEach((line) => io.out(line));
        return 0;
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err((error as Error).message);
      io.err(USAGE);
      return 2;
    }
    io.err(error instanceof CliError ? error.message : `failed: ${(error as Error).message}`);
    return 1;
  }
}
