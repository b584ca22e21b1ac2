// The one template source of a department (schema/templates/department/), rendered either into the monorepo
// or into a repository of its own. Templates name what they import by place, not by path:
//   '__platform__/…' the platform contract, '__src__/…' the department's src/, '__repo__/…' its repository root;
// a layout says where those places and every template file land.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const DEPARTMENT_TEMPLATES = path.join(root, 'schema', 'templates', 'department');
// codes become a GraphQL field, a database name suffix and an env prefix: keep them plain
const CODE = /^[a-z][a-z0-9_]{1,23}$/;
const NOT_DEPARTMENTS = ['intake', 'audit', 'registry', 'gateway', 'ticket'];

const pascal = (code) => code.split('_').map((part) => part[0].toUpperCase() + part.slice(1)).join('');
const camel = (code) => pascal(code)[0].toLowerCase() + pascal(code).slice(1);
// names land inside '…' and "…" string literals of the generated code
const literal = (text) => text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/"/g, '\\"');

function checkDepartment({ code, name }) {
  if (!CODE.test(code || '')) throw new Error('--code must be 2–24 lower-case letters, digits or _, starting with a letter');
  if (NOT_DEPARTMENTS.includes(code)) throw new Error(`"${code}" is not a department code`);
  if (!name) throw new Error('--name is required (the English name, e.g. "Parks and Greening")');
}

function templateValues({ code, name, nameZh, port, now = Date.now() }) {
  return {
    __code__: code,
    __Code__: pascal(code),
    __camelCode__: camel(code),
    __CODE__: code.toUpperCase(),
    __NAME__: literal(name),
    __NAME_ZH__: literal(nameZh || name),
    __PORT__: String(port),
    __MIGRATION_TS__: String(now),
  };
}

const renderValues = (text, values) => text.replace(/__(?:code|Code|camelCode|CODE|NAME_ZH|NAME|PORT|MIGRATION_TS)__/g, (key) => values[key]);

/** A relative module specifier from `fromDir` to `toDir` (both relative to the target root, posix). */
function relativeSpecifier(fromDir, toDir) {
  const relative = path.posix.relative(fromDir, toDir);
  return relative.startsWith('.') ? relative : relative ? `./${relative}` : '.';
}

function templateFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? templateFiles(full) : entry.name.endsWith('.tmpl') ? [full] : [];
  });
}

/**
 * Renders every template of `templateDir` into `targetRoot`; returns the files written, relative to it.
 * `layout.place(relative)` is where a rendered template path lands; `layout.platform(fromDir)`,
 * `layout.src` and `layout.repo` (directories relative to the target root) resolve the places it imports.
 */
function renderTemplates({ templateDir = DEPARTMENT_TEMPLATES, targetRoot, values, layout }) {
  const written = [];
  for (const file of templateFiles(templateDir)) {
    const relative = layout.place(renderValues(path.relative(templateDir, file), values).replace(/\.tmpl$/, '').split(path.sep).join('/'));
    const fromDir = path.posix.dirname(relative);
    const places = { platform: layout.platform(fromDir), src: relativeSpecifier(fromDir, layout.src), repo: relativeSpecifier(fromDir, layout.repo) };
    const text = renderValues(fs.readFileSync(file, 'utf8'), values).replace(/(['"])__(platform|src|repo)__\//g, (_, quote, place) => `${quote}${places[place]}/`);
    const target = path.join(targetRoot, relative);
    if (fs.existsSync(target)) throw new Error(`${relative} exists already`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
    written.push(relative);
  }
  return written.sort();
}

module.exports = { checkDepartment, templateValues, renderTemplates, pascal, root };
