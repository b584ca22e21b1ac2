// A department in a repository of its own: the same templates as inside the monorepo, laid out as a
// package of its own (src/, seeds/, tests/), importing the platform contract by package name from the
// tarball packed here into vendor/, with a lockfile so that it installs offline from the npm cache.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { packPlatform } = require('../platform-pack');
const { checkDepartment, renderTemplates, root, templateValues } = require('./department-templates');
const { choosePort } = require('./monorepo-department');
const { standaloneLockfile } = require('./standalone-lockfile');
const { standaloneManifest } = require('./standalone-manifest');

const STANDALONE_TEMPLATES = path.join(root, 'schema', 'templates', 'standalone');
// dotfiles are kept without their dot among the templates: `.env.*` is ignored by this repository's git
const DOTFILES = ['gitignore', 'env.example'];

function createStandaloneDepartment({ dir, code, name, nameZh, port, now = Date.now() }) {
  checkDepartment({ code, name });
  const target = path.resolve(dir);
  if (fs.existsSync(target) && fs.readdirSync(target).length > 0) throw new Error(`${dir} is not empty`);
  const chosenPort = choosePort(port);
  const values = templateValues({ code, name, nameZh, port: chosenPort, now });
  const layout = {
    place: (relative) => (DOTFILES.includes(relative) ? `.${relative}` : relative.replace(`subgraphs/${code}/`, '').replace(/^tests\/e2e\//, 'tests/')),
    platform: () => platform.name,
    src: 'src',
    repo: '.',
  };
  const platform = JSON.parse(fs.readFileSync(path.join(root, 'schema', 'package.json'), 'utf8'));
  const files = [...renderTemplates({ targetRoot: target, values, layout }), ...renderTemplates({ templateDir: STANDALONE_TEMPLATES, targetRoot: target, values, layout })];

  const tarball = path.relative(target, packPlatform(path.join(target, 'vendor'))).split(path.sep).join('/');
  const monorepoLock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  const manifest = standaloneManifest({ code, name, platform, tarball, monorepoLock });
  const lockfile = standaloneLockfile({ monorepoLock, manifest, platformManifest: platform, repoDir: target, platformTarball: tarball });
  fs.writeFileSync(path.join(target, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  fs.writeFileSync(path.join(target, 'package-lock.json'), `${JSON.stringify(lockfile, null, 2)}\n`);
  return { dir: target, port: chosenPort, files: [...files, tarball, 'package.json', 'package-lock.json'].sort() };
}

module.exports = { createStandaloneDepartment };
