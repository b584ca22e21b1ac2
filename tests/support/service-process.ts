import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import path from 'node:path';
import { repositoryRoot } from '../../schema/runtime/repository-root';

const ROOT = repositoryRoot();

/** A free TCP port on loopback (Node's fetch refuses a few ports; the kernel never hands those out here). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** One real service process, started from its compiled entry, with its JSON log lines kept for the test. */
export class ServiceProcess {
  child: ChildProcess | null = null;
  readonly lines: string[] = [];
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }> = Promise.resolve({ code: null, signal: null });

  constructor(
    readonly name: string,
    readonly entry: string,
    readonly port: number,
    readonly env: NodeJS.ProcessEnv,
    /** The checkout whose build runs (a benchmark's baseline runs an earlier one beside this). */
    readonly root: string = ROOT,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Parsed log lines (pino JSON); lines that are not JSON are skipped. */
  logs(): Array<Record<string, unknown>> {
    return this.lines.flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  }

  start(args: string[] = []): this {
    // CPU_PROFILE_DIR (npm run bench -- --profile DIR): each service writes <name>.cpuprofile there when it stops
    const profile = this.env.CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${this.env.CPU_PROFILE_DIR}`, `--cpu-prof-name=${this.name}.cpuprofile`] : [];
    const child = spawn(process.execPath, [...profile, path.join(this.root, this.entry), ...args], { cwd: this.root, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    let buffered = '';
    const collect = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      this.lines.push(...parts.filter(Boolean));
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    this.exit = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    return this;
  }

  /** Runs the entry with `args` to its end (e.g. `migrate`) and resolves to its exit code. */
  async runToEnd(args: string[]): Promise<number | null> {
    this.start(args);
    const { code } = await this.exit;
    this.child = null;
    return code;
  }

  signal(signal: NodeJS.Signals): void {
    this.child?.kill(signal);
  }

  async stop(): Promise<void> {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return;
    if (this.env.CPU_PROFILE_DIR) {
      // a profile is written on a clean exit only: stop gracefully, and kill only what does not stop
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child?.kill('SIGKILL'), 15_000);
      await this.exit;
      clearTimeout(timer);
      return;
    }
    this.child.kill('SIGKILL');
    await this.exit;
  }

  /** Polls a path until it answers 200 (or the process dies). */
  async waitFor(pathname = '/readyz', timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child && this.child.exitCode !== null) throw new Error(`${this.name} exited (${this.child.exitCode}):\n${this.lines.slice(-20).join('\n')}`);
      try {
        const response = await fetch(`${this.url}${pathname}`, { signal: AbortSignal.timeout(1000) });
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${this.name} did not answer ${pathname} within ${timeoutMs} ms:\n${this.lines.slice(-20).join('\n')}`);
  }
}
