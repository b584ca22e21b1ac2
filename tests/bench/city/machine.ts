import { execFileSync } from 'node:child_process';
import os from 'node:os';

/** What the figures were measured on, printed with them. */
export function machine() {
  const cpus = os.cpus();
  const free = (() => {
    try {
      return execFileSync('df', ['-h', '--output=avail', '/work']).toString().split('\n')[1]?.trim() ?? '?';
    } catch {
      return '?';
    }
  })();
  return {
    date: new Date().toISOString(),
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    loadAverage: os.loadavg().map((load) => +load.toFixed(2)),
    diskFree: free,
  };
}
