import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

// The platform package's contract with departments outside the monorepo (npm run platform:pack): what it
// exports is what the department templates import, and it depends only downward, never on a service.
const ROOT = path.resolve(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, 'package.json'), 'utf8'));
const buildFiles: string[] = JSON.parse(fs.readFileSync(path.join(__dirname, 'tsconfig.build.json'), 'utf8').replace(/^\/\/.*$/m, '')).files;
const CLI_MAIN = path.join(ROOT, 'registry/src/cli/subgraph-cli-main.ts');
const entryPoints = Object.keys(manifest.exports).filter((key) => key !== './package.json').map((key) => key.slice(2));

/** The files `entry` reaches by relative import, and the packages they import by name. */
function closure(entry: string) {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const [, specifier] of fs.readFileSync(file, 'utf8').matchAll(/(?:from|import|require\()\s*'([^']+)'/g)) {
      if (specifier.startsWith('.')) visit(`${path.resolve(path.dirname(file), specifier)}.ts`);
      else if (!specifier.startsWith('node:') && !builtinModules.includes(specifier)) {
        packages.add(specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/'));
      }
    }
  };
  visit(entry);
  return { files: [...files].map((file) => path.relative(ROOT, file)), packages: [...packages] };
}

const declared = new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies)]);

describe('the platform package', () => {
  it('compiles exactly its exported entry points and the registry CLI it ships', () => {
    expect(buildFiles.map((file) => path.resolve(__dirname, file)).sort()).toEqual(
      [...entryPoints.map((entry) => path.join(__dirname, `${entry}.ts`)), CLI_MAIN].sort(),
    );
    expect(manifest.bin['hotline-subgraph']).toBe('dist/registry/src/cli/subgraph-cli-main.js');
  });

  it.each(entryPoints)('%s reaches only the contract, and only packages the manifest declares', (entry) => {
    const { files, packages } = closure(path.join(__dirname, `${entry}.ts`));
    expect(files.filter((file) => !file.startsWith('schema/'))).toEqual([]);
    expect(packages.filter((name) => !declared.has(name))).toEqual([]);
  });

  it('ships a CLI that reaches only itself and the contract', () => {
    const { files, packages } = closure(CLI_MAIN);
    expect(files.filter((file) => !file.startsWith('schema/') && !file.startsWith('registry/src/cli/'))).toEqual([]);
    expect(packages.filter((name) => !declared.has(name))).toEqual([]);
  });

  it('exports every module the department templates import from it', () => {
    const templates = path.join(__dirname, 'templates');
    const imported = new Set<string>();
    const scan = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) scan(full);
        else for (const [, module] of fs.readFileSync(full, 'utf8').matchAll(/'__platform__\/([^']+)'/g)) imported.add(module);
      }
    };
    scan(templates);
    expect([...imported].filter((module) => !entryPoints.includes(module))).toEqual([]);
    expect(imported.size).toBeGreaterThan(10);
  });
});
