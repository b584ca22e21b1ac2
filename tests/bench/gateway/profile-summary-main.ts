import fs from 'node:fs';

/**
 * Where a gateway's CPU went: `node profile-summary-main.js <file.cpuprofile>`
 * [seconds to skip] (written by `npm run bench:gateway -- --profile DIR`)
 * prints the share of samples by package (or our own folder) and the heaviest
 * functions, by self time; skipping the first seconds leaves start-up (module
 * loading, composing the supergraph) out.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  /** µs between samples */
  timeDeltas: number[];
}

function placeOf(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const [scope, name] = url.slice(modules + 'node_modules/'.length).split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  if (url.startsWith('node:')) return url;
  if (url === '') return '(native, GC, idle)';
  const ours = url.match(/dist\/(?:bench\/)?([^/]+\/[^/]+)/);
  return ours ? ours[1] : url;
}

const profile = JSON.parse(fs.readFileSync(process.argv[2] ?? '', 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const places = new Map<string, number>();
const functions = new Map<string, number>();
const skipMicros = Number(process.argv[3] ?? 0) * 1_000_000;
let busy = 0;
let elapsed = 0;
for (const [index, id] of profile.samples.entries()) {
  elapsed += profile.timeDeltas[index] ?? 0;
  if (elapsed < skipMicros) continue;
  const { callFrame } = byId.get(id)!;
  if (callFrame.functionName === '(idle)') continue;
  busy++;
  const place = placeOf(callFrame.url);
  places.set(place, (places.get(place) ?? 0) + 1);
  const name = `${callFrame.functionName || '(anonymous)'} ${place}:${callFrame.lineNumber + 1}`;
  functions.set(name, (functions.get(name) ?? 0) + 1);
}
const top = (counts: Map<string, number>, count: number) =>
  [...counts].sort((a, b) => b[1] - a[1]).slice(0, count).map(([name, samples]) => `${((100 * samples) / busy).toFixed(1).padStart(5)} %  ${name}`);
console.log(`${busy} busy samples\n\nby place:\n${top(places, Number(process.env.PLACES ?? 25)).join('\n')}\n\nby function (self):\n${top(functions, 30).join('\n')}`);
