// The package.json of a department in its own repository: the platform package, the stack it expects
// (its peer dependencies, at the exact versions the platform is tested with) and the tools to build and test.
'use strict';

const DEV_TOOLS = ['@types/jest', '@types/node', 'jest', 'ts-jest', 'typescript'];

function standaloneManifest({ code, name, platform, tarball, monorepoLock }) {
  const lockedVersion = (dependency) => {
    const entry = monorepoLock.packages[`node_modules/${dependency}`];
    if (!entry) throw new Error(`the monorepo's lockfile has no ${dependency}`);
    return entry.version;
  };
  const optional = platform.peerDependenciesMeta ?? {};
  const stack = Object.entries(platform.peerDependencies).filter(([dependency]) => !optional[dependency]?.optional);
  return {
    name: `hotline-${code.replace(/_/g, '-')}-subgraph`,
    version: '0.1.0',
    private: true,
    description: `${name}: a department subgraph of the 12345 hotline federation`,
    license: platform.license,
    engines: platform.engines,
    scripts: {
      build: 'tsc -p tsconfig.build.json',
      typecheck: 'tsc --noEmit -p tsconfig.json',
      test: 'jest --runInBand',
      start: 'node dist/src/main.js',
      migrate: 'node dist/src/main.js migrate',
      seed: `node dist/seeds/${code}.seed.js`,
      'schema:check': 'node scripts/schema-to-registry.js check',
      'schema:publish': 'node scripts/schema-to-registry.js publish',
    },
    dependencies: { [platform.name]: `file:${tarball}`, ...Object.fromEntries(stack) },
    devDependencies: Object.fromEntries(DEV_TOOLS.map((tool) => [tool, lockedVersion(tool)])),
  };
}

module.exports = { standaloneManifest };
