#!/usr/bin/env node
// npm run new-department -- --code gardens --name "Parks and Greening" [--name-zh 园林管理处] [--port 4007]
//   creates subgraphs/<code>/ (plus its seed and test) from schema/templates/department/; touches no other
//   file, so a department's first change is reviewable on its own.
// npm run new-department -- --standalone DIR --code gardens --name "…"
//   writes a repository of its own into DIR, depending on the packed platform contract instead.
'use strict';
const { createDepartment } = require('./department/monorepo-department');
const { createStandaloneDepartment } = require('./department/standalone-department');

function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i += 1) {
    const match = /^--([a-z-]+)$/.exec(argv[i]);
    if (!match || argv[i + 1] === undefined) throw new Error(`unexpected argument ${argv[i]}`);
    options[match[1]] = argv[(i += 1)];
  }
  return options;
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const request = { code: options.code, name: options.name, nameZh: options['name-zh'], port: options.port };
  const code = options.code;
  if (options.standalone) {
    const { dir, port, files } = createStandaloneDepartment({ ...request, dir: options.standalone });
    console.log(`created the ${code} repository in ${dir} (port ${port}):\n${files.map((file) => `  ${file}`).join('\n')}`);
    console.log(`next: cd ${dir} && npm install --offline && npm run build && npm test; then see its README to publish`);
    return;
  }
  const { port, files } = createDepartment(request);
  console.log(`created the ${code} subgraph (port ${port}):\n${files.map((file) => `  ${file}`).join('\n')}`);
  console.log(`next: npx jest tests/e2e/${code}.test.ts, then run it (npm start picks it up) and publish it:`);
  console.log(`  npm run subgraph -- publish --name ${code} --department ${code} --url http://127.0.0.1:${port}/graphql --introspect http://127.0.0.1:${port} --reason "new department"`);
}

module.exports = { createDepartment, createStandaloneDepartment };

if (require.main === module) {
  try {
    main();
  } catch (error) {
    console.error(`[new-department] ${error.message}`);
    process.exit(1);
  }
}
