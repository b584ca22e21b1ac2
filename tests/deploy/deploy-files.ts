import fs from 'node:fs';
import path from 'node:path';
import { DEVELOPMENT_TOKEN_SECRET } from '../../schema/identity/auth-config';
import { DEVELOPMENT_SCHEMA_READ_TOKEN } from '../../schema/identity/schema-reader';

/** What the deployment artefacts are checked against: the runtime contract of each service. */
export const ROOT = path.resolve(__dirname, '..', '..');

export interface ServiceContract {
  port: number;
  entry: string;
}

export const SUBGRAPHS = ['intake', 'water', 'streetlight', 'transit', 'audit', 'oversight'] as const;

export const SERVICES: Record<string, ServiceContract> = {
  gateway: { port: 4000, entry: 'dist/gateway/src/main.js' },
  intake: { port: 4001, entry: 'dist/subgraphs/intake/src/main.js' },
  water: { port: 4002, entry: 'dist/subgraphs/water/src/main.js' },
  streetlight: { port: 4003, entry: 'dist/subgraphs/streetlight/src/main.js' },
  transit: { port: 4004, entry: 'dist/subgraphs/transit/src/main.js' },
  audit: { port: 4005, entry: 'dist/subgraphs/audit/src/main.js' },
  oversight: { port: 4006, entry: 'dist/subgraphs/oversight/src/main.js' },
  registry: { port: 4010, entry: 'dist/registry/src/main.js' },
};

/** Everything that migrates: the registry and the six subgraphs, each with its own database. */
export const MIGRATING = ['registry', ...SUBGRAPHS];

export const BOOTSTRAP_ENTRY = 'dist/registry/src/bootstrap-from-running.js';

export function readText(relative: string): string {
  return fs.readFileSync(path.join(ROOT, relative), 'utf8');
}

/**
 * The TypeScript source `tsc -p tsconfig.build.json` compiles into a `dist/…js` path, or why there is none: the
 * artefacts name compiled files, which exist only after a build, so they are checked against the sources.
 */
export function sourceOfDistEntry(distPath: string): { source: string } | { problem: string } {
  const match = /^dist\/(.+)\.js$/.exec(distPath);
  if (!match) return { problem: `${distPath} is not a compiled file under dist/` };
  const source = `${match[1]}.ts`;
  if (!fs.existsSync(path.join(ROOT, source))) return { problem: `${distPath}: its source ${source} does not exist` };
  const build = JSON.parse(readText('tsconfig.build.json')) as { include: string[]; exclude?: string[] };
  const top = source.split('/')[0];
  if (!build.include.includes(top)) return { problem: `${distPath}: tsconfig.build.json does not compile ${top}/` };
  if (source.endsWith('.test.ts') || top === 'tests') return { problem: `${distPath}: tests are excluded from the build` };
  return { source };
}

/** Every `dist/….js` named in a command line or argument list. */
export function distPathsIn(words: string | string[] | undefined): string[] {
  const text = Array.isArray(words) ? words.join(' ') : (words ?? '');
  return text.match(/dist\/[\w./-]+\.js/g) ?? [];
}

/** KEY=VALUE lines of an env file (the subset docker compose and kustomize both read the same way). */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const at = trimmed.indexOf('=');
    if (at < 1) throw new Error(`not KEY=VALUE: ${line}`);
    values[trimmed.slice(0, at)] = trimmed.slice(at + 1);
  }
  return values;
}

/** The development-only secrets the code carries; none may reach a production artefact. */
export const DEVELOPMENT_SECRETS = [DEVELOPMENT_SCHEMA_READ_TOKEN, DEVELOPMENT_TOKEN_SECRET];

/** A value a person must replace; the generated files and the committed templates mark them all the same way. */
export const PLACEHOLDER = /CHANGE-ME/;
