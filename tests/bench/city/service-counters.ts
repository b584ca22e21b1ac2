import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import type { ServiceProcess } from '../../support/service-process';
import { scrape, series, total } from '../../support/prometheus-text';

/**
 * What each service process did between two readings: CPU from the kernel's
 * own counters for that process (/proc/<pid>/stat: utime + stime), SQL
 * statements from the service's /metrics (every statement is timed in
 * sql_query_duration_seconds), and the gateway's subgraph fetches.
 */
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

export interface Reading {
  cpuMs: Record<string, number>;
  sql: Record<string, number>;
  fetches: Record<string, number>;
}

function cpuMsOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // fields after the command name, which may itself hold spaces: state is field 3, utime 14, stime 15
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

export async function read(services: ServiceProcess[]): Promise<Reading> {
  const reading: Reading = { cpuMs: {}, sql: {}, fetches: {} };
  await Promise.all(
    services.map(async (service) => {
      reading.cpuMs[service.name] = cpuMsOf(service.child!.pid!);
      const samples = await scrape(service.url);
      if (service.name === 'gateway') {
        for (const sample of series(samples, 'gateway_subgraph_fetch_duration_seconds_count')) {
          reading.fetches[sample.labels.subgraph] = (reading.fetches[sample.labels.subgraph] ?? 0) + sample.value;
        }
      } else {
        reading.sql[service.name] = total(samples, 'sql_query_duration_seconds_count');
      }
    }),
  );
  return reading;
}

/** Per request, between two readings. */
export function perRequest(before: Reading, after: Reading, requests: number): Reading {
  const each = (a: Record<string, number>, b: Record<string, number>) =>
    Object.fromEntries(Object.keys(b).map((key) => [key, +((b[key] - (a[key] ?? 0)) / Math.max(1, requests)).toFixed(2)]));
  return { cpuMs: each(before.cpuMs, after.cpuMs), sql: each(before.sql, after.sql), fetches: each(before.fetches, after.fetches) };
}
