// A department inside this repository: subgraphs/<code>/ plus its seed and test, importing the platform
// contract by relative path as every subgraph here does.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { checkDepartment, renderTemplates, root, templateValues } = require('./department-templates');

const RESERVED_PORTS = [4000, 4001, 4002, 4003, 4004, 4005, 4006, 4010];

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

function choosePort(port, subgraphsDir = path.join(root, 'subgraphs')) {
  const chosen = port === undefined ? nextPort(subgraphsDir) : Number(port);
  if (!Number.isInteger(chosen) || chosen < 1 || chosen > 65535) throw new Error('--port must be a port number');
  return chosen;
}

/** Renders every template into `targetRoot`; returns the port and the files written, relative to it. */
function createDepartment({ code, name, nameZh, port, targetRoot = root, now = Date.now() }) {
  checkDepartment({ code, name });
  const subgraphsDir = path.join(targetRoot, 'subgraphs');
  if (fs.existsSync(path.join(subgraphsDir, code))) throw new Error(`subgraphs/${code} exists already`);
  const chosenPort = choosePort(port, subgraphsDir);
  const files = renderTemplates({
    targetRoot,
    values: templateValues({ code, name, nameZh, port: chosenPort, now }),
    layout: {
      place: (relative) => relative,
      platform: (fromDir) => path.posix.relative(fromDir, 'schema'),
      src: `subgraphs/${code}/src`,
      repo: '.',
    },
  });
  return { port: chosenPort, files };
}

module.exports = { createDepartment, choosePort };
