import type { LoadResult } from './load-client';
import type { Reading } from './service-counters';

export interface OperationResult {
  name: string;
  concurrency: number;
  load: LoadResult;
  perRequest: Reading;
}

const SERVICES = ['gateway', 'intake', 'water', 'streetlight', 'transit', 'audit', 'oversight'];
const SHORT: Record<string, string> = { gateway: 'gw', intake: 'in', water: 'wa', streetlight: 'st', transit: 'tr', audit: 'au', oversight: 'ov' };
const cell = (value: number) => (value === 0 ? '0' : value < 10 ? value.toFixed(2) : value.toFixed(1));
const label = (result: OperationResult) => `${result.name} c=${result.concurrency}`.padEnd(56);

/** Three tables: speed, CPU per request per service, SQL and fetches per request. */
export function printResults(results: OperationResult[], conditions: string): void {
  console.log(`\n${conditions}`);
  console.log(`\n${'operation'.padEnd(56)}requests  ok      req/s   p50 ms   p95 ms   p99 ms   max ms`);
  for (const r of results) {
    const { requests, ok, seconds, p50, p95, p99, max } = r.load;
    console.log(`${label(r)}${String(requests).padStart(8)}${String(ok).padStart(8)}${(requests / seconds).toFixed(1).padStart(9)}${[p50, p95, p99, max].map((v) => v.toFixed(1).padStart(9)).join('')}`);
  }
  const header = SERVICES.map((name) => SHORT[name].padStart(7)).join('');
  console.log(`\nCPU ms per request (each process's own counters)${' '.repeat(0)}\n${'operation'.padEnd(56)}${header}    total`);
  for (const r of results) {
    const values = SERVICES.map((name) => r.perRequest.cpuMs[name] ?? 0);
    console.log(`${label(r)}${values.map((v) => cell(v).padStart(7)).join('')}${cell(values.reduce((a, b) => a + b, 0)).padStart(9)}`);
  }
  const subgraphs = SERVICES.slice(1);
  console.log(`\nSQL statements per request per subgraph · subgraph fetches per request (gateway)\n${'operation'.padEnd(56)}${subgraphs.map((name) => SHORT[name].padStart(6)).join('')}   fetches`);
  for (const r of results) {
    const fetches = Object.values(r.perRequest.fetches).reduce((a, b) => a + b, 0);
    const by = Object.entries(r.perRequest.fetches).filter(([, n]) => n > 0).map(([name, n]) => `${SHORT[name] ?? name} ${cell(n)}`).join(' ');
    console.log(`${label(r)}${subgraphs.map((name) => cell(r.perRequest.sql[name] ?? 0).padStart(6)).join('')}   ${cell(fetches)} (${by})`);
  }
}
