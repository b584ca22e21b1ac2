import fs from 'node:fs';

/** Kernel clock ticks per second for /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * CPU a process has used so far (user + system, every thread of it: GC,
 * libuv's pool, a native planner), in ms, from the kernel's own counters for
 * it (/proc/<pid>/stat), so reading it costs the measured process nothing.
 */
export function processCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // the command name may hold spaces and parentheses: fields are counted after its closing one
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const userTicks = Number(fields[11]);
  const systemTicks = Number(fields[12]);
  return ((userTicks + systemTicks) * 1000) / TICKS_PER_SECOND;
}
