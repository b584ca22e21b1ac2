import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

/** A process the benchmark started, once it said where it listens. */
export interface Started {
  name: string;
  child: ChildProcess;
  url: string;
}

const START_TIMEOUT_MS = 60_000;

/** Starts `node <script> ...args` (a compiled file beside this one, or an absolute path) and waits for its `{"listening": url}` line. */
export function startProcess(name: string, script: string, args: string[], env: Record<string, string>, nodeOptions: string[] = []): Promise<Started> {
  const child = spawn(process.execPath, [...nodeOptions, path.resolve(__dirname, script), ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not listen within ${START_TIMEOUT_MS} ms: ${stderr.join('')}`)), START_TIMEOUT_MS);
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (!line.startsWith('{"listening"')) return;
      clearTimeout(timer);
      // the rest of its output (an access log in production mode) is read and dropped, so a full pipe never blocks it
      child.stdout!.resume();
      resolve({ name, child, url: (JSON.parse(line) as { listening: string }).listening });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) before listening: ${stderr.join('')}`));
    });
  });
}

/** Runs `node <script> <json>` to its end and parses the JSON line it prints. */
export function runProcess<T>(script: string, spec: unknown): Promise<T> {
  const child = spawn(process.execPath, [path.join(__dirname, script), JSON.stringify(spec)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(output.trim().split('\n').pop()!) as T) : reject(new Error(`${script} exited ${code}`))));
  });
}

export function stopAll(started: Started[]): Promise<void> {
  return Promise.all(started.map(({ child }) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')))))).then(() => undefined);
}
