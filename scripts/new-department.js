#!/usr/bin/env node
// npm run new-department -- --code gardens --name "Parks and Greening" [--name-zh 园林管理处] [--port 4007]
// Creates subgraphs/<code>/ (plus its seed and test) from schema/templates/department/, following the platform's
// conventions; touches no other file, so a department's first change is reviewable on its own.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const TEMPLATE_DIR = path.join(root, 'schema', 'templates', 'department');
// codes become a GraphQL field, a database name suffix and an env prefix: keep them plain
const CODE = /^[a-z][a-z0-9_]{1,23}$/;
const NOT_DEPARTMENTS = ['intake', 'audit', 'registry', 'gateway', 'ticket'];
const RESERVED_PORTS = [4000, 4001, 4002, 4003, 4004, 4005, 4006, 4010];

function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i += 1) {
    const match = /^--([a-z-]+)$/.exec(argv[i]);
    if (!match || argv[i + 1] === undefined) throw new Error(`unexpected argument ${argv[i]}`);
    options[match[1]] = argv[(i += 1)];
  }
  return options;
}

const pascal = (code) => code.split('_').map((part) => part[0].toUpperCase() + part.slice(1)).join('');
const camel = (code) => pascal(code)[0].toLowerCase() + pascal(code).slice(1);
// names land inside '…' and "…" string literals of the generated code
const literal = (text) => text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/"/g, '\\"');

/** The next free port after every department port the subgraphs' configs already claim. */
function nextPort(subgraphsDir) {
  const taken = new Set(RESERVED_PORTS);
  for (const name of fs.existsSync(subgraphsDir) ? fs.readdirSync(subgraphsDir) : []) {
    const config = path.join(subgraphsDir, name, 'src', 'config.ts');
    const match = fs.existsSync(config) && /readDepartmentConfig\('[^']+',\s*(\d+)/.exec(fs.readFileSync(config, 'utf8'));
    if (match) taken.add(Number(match[1]));
  }
  let port = 4007;
  while (taken.has(port)) port += 1;
  return port;
}

function templateFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? templateFiles(full) : entry.name.endsWith('.tmpl') ? [full] : [];
  });
}

/** Renders every template; returns the files written, relative to `targetRoot`. */
function createDepartment({ code, name, nameZh, port, targetRoot = root, now = Date.now() }) {
  if (!CODE.test(code || '')) throw new Error('--code must be 2–24 lower-case letters, digits or _, starting with a letter');
  if (NOT_DEPARTMENTS.includes(code)) throw new Error(`"${code}" is not a department code`);
  if (!name) throw new Error('--name is required (the English name, e.g. "Parks and Greening")');
  const subgraphsDir = path.join(targetRoot, 'subgraphs');
  if (fs.existsSync(path.join(subgraphsDir, code))) throw new Error(`subgraphs/${code} exists already`);
  const chosenPort = port === undefined ? nextPort(subgraphsDir) : Number(port);
  if (!Number.isInteger(chosenPort) || chosenPort < 1 || chosenPort > 65535) throw new Error('--port must be a port number');
  const values = {
    __code__: code,
    __Code__: pascal(code),
    __camelCode__: camel(code),
    __CODE__: code.toUpperCase(),
    __NAME__: literal(name),
    __NAME_ZH__: literal(nameZh || name),
    __PORT__: String(chosenPort),
    __MIGRATION_TS__: String(now),
  };
  const render = (text) => text.replace(/__(?:code|Code|camelCode|CODE|NAME_ZH|NAME|PORT|MIGRATION_TS)__/g, (key) => values[key]);
  const written = [];
  for (const file of templateFiles(TEMPLATE_DIR)) {
    const relative = render(path.relative(TEMPLATE_DIR, file)).replace(/\.tmpl$/, '');
    const target = path.join(targetRoot, relative);
    if (fs.existsSync(target)) throw new Error(`${relative} exists already`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, render(fs.readFileSync(file, 'utf8')));
    written.push(relative);
  }
  return { port: chosenPort, files: written.sort() };
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const { port, files } = createDepartment({ code: options.code, name: options.name, nameZh: options['name-zh'], port: options.port });
  const code = options.code;
  console.log(`created the ${code} subgraph (port ${port}):\n${files.map((file) => `  ${file}`).join('\n')}`);
  console.log(`next: npx jest tests/e2e/${code}.test.ts, then run it (npm start picks it up) and publish it:`);
  console.log(`  npm run subgraph -- publish --name ${code} --department ${code} --url http://127.0.0.1:${port}/graphql --introspect http://127.0.0.1:${port} --reason "new department"`);
}

module.exports = { createDepartment };

if (require.main === module) {
  try {
    main();
  } catch (error) {
    console.error(`[new-department] ${error.message}`);
    process.exit(1);
  }
}
