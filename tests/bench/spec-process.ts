import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Runs a bench's load script (compiled, beside this file) as a process of its
 * own with its spec in a file (a 70 KB bomb is too long for an argument), and
 * returns the JSON line it printed last. `nice` runs it at the lowest CPU
 * priority: on one machine an attacker's own work would otherwise count
 * against the gateway, which a real attacker's machine does not.
 */
export function runSpecProcess<T>(script: string, spec: unknown, options: { nice?: boolean } = {}): Promise<T> {
  const file = path.join(os.tmpdir(), `bench-spec-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, JSON.stringify(spec));
  const command = [process.execPath, path.join(__dirname, script), file];
  const [program, ...args] = options.nice ? ['nice', '-n', '19', ...command] : command;
  return new Promise((resolve, reject) => {
    execFile(program, args, { maxBuffer: 1 << 22 }, (error, stdout, stderr) => {
      fs.rmSync(file, { force: true });
      if (stderr) process.stderr.write(stderr);
      if (error) return reject(error);
      resolve(JSON.parse(stdout.trim().split('\n').pop()!) as T);
    });
  });
}
