import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';

/**
 * The platform contract in `schema/` is what everything builds on; the gateway, the registry and each department
 * build on it and never on each other, so a department can be taken out into a repository of its own and the
 * gateway deployed without the registry's code. Tests may reach for tests/support and seeds; shipped code may not.
 */
const ROOT = path.join(__dirname, '..', '..');

/** The unit a file belongs to: `subgraphs/water`, `gateway`, `schema`, … */
function unitOf(file: string, root = ROOT): string {
  const [top, second] = path.relative(root, file).split(path.sep);
  return top === 'subgraphs' ? `subgraphs/${second}` : top;
}

function sourceFiles(dir: string, found: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(full, found);
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(full);
  }
  return found;
}

/** Every relative module a file imports, exports from, requires or loads dynamically, resolved to a path. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  return importedFiles.map(({ fileName }) => fileName).filter((name) => name.startsWith('.')).map((name) => path.resolve(path.dirname(file), name));
}

function crossings(units: string[], allowed: (from: string, to: string) => boolean, root = ROOT): string[] {
  const problems: string[] = [];
  for (const unit of units) {
    for (const file of sourceFiles(path.join(root, unit))) {
      for (const target of importsOf(file)) {
        const to = unitOf(target, root);
        if (to !== unit && !allowed(unit, to)) problems.push(`${path.relative(root, file)} imports ${path.relative(root, target)} (${unit} -> ${to})`);
      }
    }
  }
  return problems;
}

const departments = fs.readdirSync(path.join(ROOT, 'subgraphs')).map((name) => `subgraphs/${name}`);

describe('import direction between the top folders', () => {
  it('finds the code it checks (a check over nothing would always pass)', () => {
    expect(departments).toEqual(expect.arrayContaining(['subgraphs/intake', 'subgraphs/water', 'subgraphs/audit']));
    expect(sourceFiles(path.join(ROOT, 'gateway')).length).toBeGreaterThan(20);
    expect(importsOf(path.join(ROOT, 'gateway/src/config.ts')).map((target) => unitOf(target))).toContain('schema');
  });

  it('the gateway, the registry and every department import only their own code and the contract in schema/', () => {
    expect(crossings(['gateway', 'registry', ...departments], (_from, to) => to === 'schema')).toEqual([]);
  });

  it('the contract in schema/ imports nothing above it', () => {
    expect(crossings(['schema'], () => false)).toEqual([]);
  });

  it('would catch a department importing another department, or the gateway the registry', () => {
    // a copy of the layout in a folder of its own, so no other suite sees the offending files
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'import-direction-'));
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    };
    try {
      write('schema/config/env.ts', 'export const x = 1;\n');
      write('subgraphs/streetlight/src/main.ts', 'export const y = 2;\n');
      write('subgraphs/water/src/outage.ts', "import { x } from '../../../schema/config/env';\nexport { y } from '../../streetlight/src/main';\n");
      write('gateway/src/boot.ts', "const r = require('../../registry/src/bootstrap');\n");
      write('registry/src/bootstrap.ts', 'export {};\n');
      expect(crossings(['gateway', 'registry', 'subgraphs/water', 'subgraphs/streetlight'], (_from, to) => to === 'schema', root)).toEqual([
        'gateway/src/boot.ts imports registry/src/bootstrap (gateway -> registry)',
        'subgraphs/water/src/outage.ts imports subgraphs/streetlight/src/main (subgraphs/water -> subgraphs/streetlight)',
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
