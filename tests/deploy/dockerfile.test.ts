import { type Copy, DockerfileParser, type Instruction } from 'dockerfile-ast';
import { DEVELOPMENT_SECRETS, readText, sourceOfDistEntry } from './deploy-files';

interface Stage {
  name: string | null;
  image: string;
  tag: string | null;
  instructions: Instruction[];
}

/** The Dockerfile cut at each FROM: dockerfile-ast parses instructions, stages are ours to find. */
function stagesOf(text: string): Stage[] {
  const stages: Stage[] = [];
  for (const instruction of DockerfileParser.parse(text).getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const from = instruction as unknown as { getImageName(): string; getImageTag(): string | null; getBuildStage(): string | null };
      stages.push({ name: from.getBuildStage(), image: from.getImageName(), tag: from.getImageTag(), instructions: [] });
    } else if (stages.length) {
      stages[stages.length - 1].instructions.push(instruction);
    } else if (instruction.getKeyword() !== 'ARG') {
      throw new Error(`${instruction.getKeyword()} before the first FROM`);
    }
  }
  return stages;
}

const of = (stage: Stage, keyword: string) => stage.instructions.filter((instruction) => instruction.getKeyword() === keyword);
const argumentsOf = (instruction: Instruction) => instruction.getArguments().map((argument) => argument.getValue());

/** ENV KEY=value pairs of a stage (the parser's properties, so both ENV forms count). */
function envOf(stage: Stage): Record<string, string> {
  const values: Record<string, string> = {};
  for (const env of of(stage, 'ENV')) {
    for (const property of (env as unknown as { getProperties(): Array<{ getName(): string; getValue(): string | null }> }).getProperties()) {
      values[property.getName()] = property.getValue() ?? '';
    }
  }
  return values;
}

/** JSON-form arguments of ENTRYPOINT/CMD; the shell form would run node under /bin/sh, which forwards no signal. */
function jsonOf(stage: Stage, keyword: string): string[] | null {
  const [last] = of(stage, keyword).slice(-1);
  if (!last) return null;
  const raw = last.getArgumentsContent() ?? '';
  return raw.trim().startsWith('[') ? (JSON.parse(raw) as string[]) : null;
}

const installsProductionOnly = (command: string) => /npm (ci|install)\b/.test(command) && /--omit=dev|--production\b|--only=prod/.test(command);

/** What a reviewer of the Dockerfile would object to; empty when it is right. */
function dockerfileProblems(text: string): string[] {
  const problems: string[] = [];
  const stages = stagesOf(text);
  if (stages.length < 2) return ['not multi-stage: the TypeScript toolchain would ship in the image'];
  const runtime = stages[stages.length - 1];
  if (runtime.image !== 'node' || !/^20(\b|-|\.)/.test(runtime.tag ?? '')) problems.push(`runtime stage is ${runtime.image}:${runtime.tag}, not a Node 20 image`);
  if (!/slim|alpine|distroless/.test(runtime.tag ?? '')) problems.push(`runtime stage ${runtime.image}:${runtime.tag} is not a slim image`);

  // production dependencies: installed in the runtime stage, or copied from a stage that installs only those
  const copies = of(runtime, 'COPY').map((copy) => ({ args: argumentsOf(copy), from: (copy as Copy).getFromFlag()?.getValue() ?? undefined }));
  const modules = copies.find((copy) => copy.args.some((arg) => /node_modules/.test(arg)) && copy.from);
  const runtimeInstalls = of(runtime, 'RUN').some((run) => installsProductionOnly(run.getArgumentsContent() ?? ''));
  if (modules) {
    const source = stages.find((stage) => stage.name === modules.from);
    const runs = source ? of(source, 'RUN').map((run) => run.getArgumentsContent() ?? '') : [];
    const npmRuns = runs.filter((run) => /npm (ci|install)\b/.test(run));
    if (!source) problems.push(`node_modules come from an unknown stage ${modules.from}`);
    else if (npmRuns.length === 0 || !npmRuns.every(installsProductionOnly)) problems.push(`node_modules come from stage ${modules.from}, which installs dev dependencies`);
    else if (runs.some((run) => /npm run build/.test(run))) problems.push(`node_modules come from stage ${modules.from}, which also builds (dev dependencies)`);
  } else if (!runtimeInstalls) problems.push('the runtime stage neither runs npm ci --omit=dev nor copies production-only node_modules');

  const dist = copies.find((copy) => copy.args.some((arg) => /\/dist$|^dist$/.test(arg)) && copy.from);
  const build = stages.find((stage) => stage.name === dist?.from);
  if (!dist || !build) problems.push('the runtime stage does not copy dist/ from a build stage');
  else if (!of(build, 'RUN').some((run) => /npm run build|tsc -p tsconfig\.build\.json/.test(run.getArgumentsContent() ?? ''))) problems.push(`stage ${dist.from} does not run the build`);
  if (build && !of(build, 'RUN').some((run) => /npm (ci|install)\b/.test(run.getArgumentsContent() ?? ''))) problems.push(`stage ${dist?.from} builds without installing dependencies`);
  if (copies.some((copy) => !copy.from && copy.args.slice(0, -1).some((arg) => arg === '.' || arg === './'))) problems.push('the runtime stage copies the whole build context');
  if (!copies.some((copy) => !copy.from && copy.args[0] === 'seeds/data')) problems.push('dist/seeds runs from the image, but seeds/data is not copied');

  const users = of(runtime, 'USER').map((user) => (argumentsOf(user)[0] ?? '').split(':')[0]);
  const user = users[users.length - 1];
  if (!user || user === 'root' || user === '0') problems.push(`the runtime stage runs as ${user ?? 'root (no USER)'}`);
  const env = envOf(runtime);
  if (env.NODE_ENV !== 'production') problems.push(`NODE_ENV is ${env.NODE_ENV}, not production`);
  if (env.APOLLO_TELEMETRY_DISABLED !== 'true') problems.push('APOLLO_TELEMETRY_DISABLED is not true');
  if (env.HOST !== '0.0.0.0') problems.push(`HOST is ${env.HOST}: other containers could not reach the service`);

  for (const stage of stages) {
    for (const instruction of [...of(stage, 'COPY'), ...of(stage, 'ADD')]) {
      if (argumentsOf(instruction).some((arg) => /(^|\/)\.env/.test(arg))) problems.push(`${instruction.getKeyword()} ${instruction.getArgumentsContent()}: an env file in the image`);
    }
    for (const [name] of Object.entries(envOf(stage))) {
      if (/SECRET|PASSWORD|TOKEN|PRIVATE|SIGNING_KEY|DATABASE_URL/.test(name)) problems.push(`ENV ${name}: secrets come from the environment at run time`);
    }
    for (const arg of of(stage, 'ARG')) if (/SECRET|PASSWORD|TOKEN/.test(arg.getArgumentsContent() ?? '')) problems.push(`ARG ${arg.getArgumentsContent()}: build arguments stay in the image history`);
  }
  for (const secret of DEVELOPMENT_SECRETS) if (text.includes(secret)) problems.push('a development secret is written in the Dockerfile');

  const entrypoint = jsonOf(runtime, 'ENTRYPOINT');
  const cmd = jsonOf(runtime, 'CMD');
  if (!entrypoint || !cmd) problems.push('ENTRYPOINT and CMD must use the JSON form, or a shell becomes PID 1 and swallows SIGTERM');
  else {
    if (!entrypoint.includes('node')) problems.push(`ENTRYPOINT ${entrypoint.join(' ')} does not run node`);
    if (!entrypoint[0].endsWith('tini')) problems.push('PID 1 is not tini: SIGTERM before the handler is installed would be ignored');
    const entry = cmd[0];
    const source = sourceOfDistEntry(entry);
    if ('problem' in source) problems.push(`CMD: ${source.problem}`);
  }
  const stopSignal = of(runtime, 'STOPSIGNAL').map((signal) => signal.getArgumentsContent());
  if (stopSignal.length && stopSignal[stopSignal.length - 1] !== 'SIGTERM') problems.push(`STOPSIGNAL ${stopSignal} is not SIGTERM, which the services handle`);
  return problems;
}

describe('the Dockerfile', () => {
  const text = readText('Dockerfile');

  it('builds a production image a reviewer would accept', () => {
    expect(dockerfileProblems(text)).toEqual([]);
  });

  it('runs the gateway by default and any service by its compiled entry', () => {
    const runtime = stagesOf(text).slice(-1)[0];
    expect(jsonOf(runtime, 'CMD')).toEqual(['dist/gateway/src/main.js']);
    expect(jsonOf(runtime, 'ENTRYPOINT')).toEqual(['/usr/bin/tini', '--', 'node', '--enable-source-maps']);
  });

  it('keeps env files, local state and tests out of the build context', () => {
    const ignored = readText('.dockerignore')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    for (const entry of ['.env', '.env.*', 'node_modules', 'dist', 'data', '.git', 'tests']) expect(ignored).toContain(entry);
    expect(ignored.some((line) => line.startsWith('!'))).toBe(false);
  });

  // the checks must be able to fail: each broken Dockerfile is reported, with the reason
  const mutations: Array<[string, (text: string) => string, RegExp]> = [
    ['it has one stage', (t) => t.replace(/FROM node:20-bookworm AS build[\s\S]*?FROM node:20-bookworm-slim AS runtime/, 'FROM node:20-bookworm-slim AS runtime'), /not multi-stage|does not copy dist/],
    ['the runtime is Node 18', (t) => t.replace('node:20-bookworm-slim', 'node:18-bookworm-slim'), /not a Node 20 image/],
    ['dev dependencies ship', (t) => t.replace('npm ci --omit=dev --no-audit --no-fund || npm install --omit=dev', 'npm ci --no-audit --no-fund || npm install'), /installs dev dependencies/],
    ['it runs as root', (t) => t.replace(/^USER node$/m, ''), /runs as root/],
    ['NODE_ENV is development', (t) => t.replace('NODE_ENV=production', 'NODE_ENV=development'), /NODE_ENV is development/],
    ['an env file is copied', (t) => t.replace('COPY package.json ./\nCOPY --from', 'COPY package.json .env.production ./\nCOPY --from'), /an env file in the image/],
    ['a secret is baked in', (t) => t.replace('HOST=0.0.0.0', 'HOST=0.0.0.0 HOP_SIGNING_KEY=abc'), /ENV HOP_SIGNING_KEY/],
    ['the entry has no source', (t) => t.replace('CMD ["dist/gateway/src/main.js"]', 'CMD ["dist/gateway/main.js"]'), /dist\/gateway\/main.js: its source gateway\/main.ts does not exist/],
    ['the entry is a test', (t) => t.replace('CMD ["dist/gateway/src/main.js"]', 'CMD ["dist/tests/e2e/federation.test.js"]'), /does not compile tests\/|tests are excluded/],
    ['the command is a shell string', (t) => t.replace('CMD ["dist/gateway/src/main.js"]', 'CMD node dist/gateway/src/main.js'), /JSON form/],
    ['tini goes', (t) => t.replace('ENTRYPOINT ["/usr/bin/tini", "--", "node"', 'ENTRYPOINT ["node"'), /PID 1 is not tini/],
  ];

  it.each(mutations)('reports it when %s', (_name, mutate, expected) => {
    const broken = mutate(text);
    expect(broken).not.toBe(text);
    expect(dockerfileProblems(broken).join('\n')).toMatch(expected);
  });
});
