import path from 'node:path';
import { parseArgs } from 'node:util';

export interface BenchOptions {
  tickets: number;
  perDay: number;
  embedded: boolean;
  /** The services' development defaults instead of production mode with keys made for the run. */
  development: boolean;
  /** Databases kept under this name; an existing one is reused as it is. */
  reuse: string | null;
  seconds: number;
  warmupSeconds: number;
  createConcurrency: number[];
  only: string | null;
  out: string | null;
  /** An earlier checkout (built there) run beside this one on the same databases, operation by operation. */
  baseline: string | null;
  rounds: number;
  /** Every service runs under `node --cpu-prof` and writes `<service>.cpuprofile` here (the baseline's under `before/`). */
  profile: string | null;
  /** Seconds of no load before the operations, each service's CPU over them printed; 0 skips it. */
  idleSeconds: number;
}

const USAGE = `npm run bench -- [--tickets 1000000] [--per-day 6000] [--embedded] [--development] [--reuse NAME | --keep]
                   [--seconds 15] [--warmup 3] [--create 10,50,100] [--only createTicket] [--out results.json]
                   [--baseline DIR --rounds 2]  (DIR: an earlier checkout, measured beside this one; needs --reuse)
                   [--profile DIR]  (each service's CPU profile, DIR/<service>.cpuprofile)
                   [--idle 5]  (seconds with no load first: each service's own CPU a second while idle)`;

export function readBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      tickets: { type: 'string', default: '100000' },
      'per-day': { type: 'string', default: '6000' },
      embedded: { type: 'boolean', default: false },
      development: { type: 'boolean', default: false },
      reuse: { type: 'string' },
      keep: { type: 'boolean', default: false },
      seconds: { type: 'string', default: '15' },
      warmup: { type: 'string', default: '3' },
      create: { type: 'string', default: '10,50,100' },
      only: { type: 'string' },
      out: { type: 'string' },
      baseline: { type: 'string' },
      rounds: { type: 'string', default: '1' },
      profile: { type: 'string' },
      idle: { type: 'string', default: '5' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const number = (name: string, text: string) => {
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} wants a number, got ${text}\n${USAGE}`);
    return value;
  };
  const tickets = number('tickets', values.tickets);
  const reuse = values.reuse ?? (values.keep ? `bench_${tickets}` : null);
  // both checkouts read and write the same databases: generated once, kept
  if (values.baseline && !reuse) throw new Error(`--baseline needs --reuse NAME (or --keep)\n${USAGE}`);
  return {
    tickets,
    perDay: number('per-day', values['per-day']) || 6000,
    embedded: values.embedded,
    development: values.development,
    // --keep alone names the databases after their size, so the next --reuse finds them
    reuse,
    seconds: number('seconds', values.seconds),
    warmupSeconds: number('warmup', values.warmup),
    createConcurrency: values.create.split(',').filter(Boolean).map((text) => number('create', text)),
    only: values.only ?? null,
    out: values.out ?? null,
    baseline: values.baseline ?? null,
    rounds: Math.max(1, number('rounds', values.rounds)),
    profile: values.profile ? path.resolve(values.profile) : null,
    idleSeconds: number('idle', values.idle),
  };
}
