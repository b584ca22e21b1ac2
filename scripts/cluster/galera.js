#!/usr/bin/env node
// npm run cluster:galera [start|stop|status]: a 3-node MariaDB Galera cluster on loopback for development and CI.
// start bootstraps node1 when no node runs, then starts every node that is down (joining the running ones, so a
// killed node rejoins the same way), waits for wsrep_cluster_size = 3 and prints the URLs. root, empty password,
// loopback only, as the dev MariaDB on 3306.
'use strict';
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const mysql = require('mysql2/promise');
const { HOST, SIZE, nodes, clusterDir, clusterUrl, mariadbdArgs, serverUser } = require('./galera-nodes');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function runningPid(node) {
  try {
    const pid = Number(fs.readFileSync(node.pidFile, 'utf8').trim());
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/** Over the socket: root@localhost is the only account a fresh data folder has. */
async function onSocket(node, work) {
  const connection = await mysql.createConnection({ socketPath: node.socket, user: 'root' });
  try {
    return await work(connection);
  } finally {
    await connection.end();
  }
}

async function wsrepStatus(node) {
  const connection = await mysql.createConnection({ host: HOST, port: node.sqlPort, user: 'root', connectTimeout: 2000 });
  try {
    const [rows] = await connection.query("SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_cluster_size', 'wsrep_local_state_comment', 'wsrep_ready', 'wsrep_cluster_status')");
    return Object.fromEntries(rows.map((row) => [row.Variable_name, row.Value]));
  } finally {
    await connection.end();
  }
}

function initialise(node, { withSystemTables }) {
  fs.mkdirSync(node.dataDir, { recursive: true });
  const user = serverUser();
  if (user && user !== 'root') execFileSync('chown', ['-R', `${user}:`, node.dir]);
  if (!withSystemTables || fs.existsSync(`${node.dataDir}/mysql`)) return;
  const args = ['--no-defaults', `--datadir=${node.dataDir}`, '--auth-root-authentication-method=normal', '--skip-test-db'];
  if (user) args.push(`--user=${user}`);
  execFileSync('mariadb-install-db', args, { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** A cluster stopped in order leaves its last node safe to bootstrap; after a crash of all three, node1 is forced. */
function allowBootstrap(node) {
  const grastate = `${node.dataDir}/grastate.dat`;
  if (!fs.existsSync(grastate)) return;
  const text = fs.readFileSync(grastate, 'utf8');
  if (/safe_to_bootstrap:\s*0/.test(text)) {
    console.warn(`[galera] ${node.name} was not the last node to stop; bootstrapping from it anyway (a dev cluster)`);
    fs.writeFileSync(grastate, text.replace(/safe_to_bootstrap:\s*0/, 'safe_to_bootstrap: 1'));
  }
}

async function startNode(node, { bootstrap }) {
  initialise(node, { withSystemTables: bootstrap });
  if (bootstrap) allowBootstrap(node);
  const log = fs.openSync(`${node.dir}/mariadbd.out`, 'a');
  const child = spawn('/usr/sbin/mariadbd', mariadbdArgs(node, { bootstrap }), { detached: true, stdio: ['ignore', log, log] });
  child.unref();
  let exited = false;
  child.once('exit', () => (exited = true));
  const deadline = Date.now() + 180_000; // a joiner copies the donor's files (rsync SST) before it listens
  for (;;) {
    if (exited) throw new Error(`${node.name} exited while starting; see ${node.logFile}`);
    try {
      const status = await wsrepStatus(node);
      if (status.wsrep_local_state_comment === 'Synced' && status.wsrep_ready === 'ON') return;
    } catch {
      // not listening yet (or still receiving its state)
    }
    if (Date.now() > deadline) throw new Error(`${node.name} not synced after 180 s; see ${node.logFile}`);
    await sleep(300);
  }
}

/** TCP logins from 127.0.0.1 as root without a password, as on the dev server; replicated to the joiners. */
async function openLoopbackRoot(node) {
  await onSocket(node, async (connection) => {
    await connection.query("CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY ''");
    await connection.query("GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION");
  });
}

async function waitForSize(node, size) {
  for (let waited = 0; waited < 60_000; waited += 300) {
    const status = await wsrepStatus(node).catch(() => null);
    if (status && Number(status.wsrep_cluster_size) === size) return;
    await sleep(300);
  }
  throw new Error(`wsrep_cluster_size did not reach ${size}`);
}

async function start() {
  const all = nodes();
  fs.mkdirSync(clusterDir(), { recursive: true });
  // the nodes run as mysql when we are root: a mktemp folder (700) would keep them out of their own data
  if (serverUser() && serverUser() !== 'root') fs.chmodSync(clusterDir(), 0o755);
  for (const node of all) fs.mkdirSync(node.dir, { recursive: true });
  const anyRunning = all.some((node) => runningPid(node));
  for (const node of all) {
    if (runningPid(node)) continue;
    const bootstrap = !anyRunning && node.index === 0;
    const started = Date.now();
    await startNode(node, { bootstrap });
    if (bootstrap) await openLoopbackRoot(node);
    console.log(`[galera] ${node.name} ${bootstrap ? 'bootstrapped the cluster' : 'joined'} on ${HOST}:${node.sqlPort} (${Date.now() - started} ms)`);
  }
  await waitForSize(all[0], SIZE);
  await status();
}

async function status() {
  let up = 0;
  for (const node of nodes()) {
    const pid = runningPid(node);
    const state = pid ? await wsrepStatus(node).catch((error) => ({ error: error.message })) : null;
    if (state && !state.error) up += 1;
    const detail = !pid ? 'down' : state.error ? `pid ${pid}, not answering (${state.error})` : `pid ${pid}, ${state.wsrep_local_state_comment}, cluster size ${state.wsrep_cluster_size} (${state.wsrep_cluster_status})`;
    console.log(`[galera] ${node.name} mysql://root@${HOST}:${node.sqlPort}: ${detail}`);
  }
  console.log(`[galera] DATABASE_URL=${clusterUrl()}`);
  return up;
}

/** Reverse order, so node1 stops last and is the one safe to bootstrap next time. */
async function stop() {
  for (const node of [...nodes()].reverse()) {
    const pid = runningPid(node);
    if (!pid) continue;
    process.kill(pid, 'SIGTERM');
    for (let waited = 0; runningPid(node); waited += 200) {
      if (waited > 60_000) throw new Error(`${node.name} (pid ${pid}) did not stop in 60 s`);
      await sleep(200);
    }
    console.log(`[galera] ${node.name} stopped`);
  }
}

const commands = { start, stop, status: async () => process.exit((await status()) === SIZE ? 0 : 1) };
const command = commands[process.argv[2] ?? 'start'];
if (!command) {
  console.error(`usage: npm run cluster:galera -- [${Object.keys(commands).join('|')}]`);
  process.exit(2);
}
command().then(
  () => process.exit(0),
  (error) => {
    console.error(`[galera] ${error.message}`);
    process.exit(1);
  },
);
