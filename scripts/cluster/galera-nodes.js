// The three loopback Galera nodes of `npm run cluster:galera`: their ports, folders and mariadbd arguments.
// Ports stay clear of the dev MariaDB (3306) and of the ports Node's fetch refuses.
'use strict';
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { root } = require('../services');

const SIZE = 3;
const HOST = '127.0.0.1';
const PROVIDER = '/usr/lib/galera/libgalera_smm.so';

/** GALERA_DIR moves the data folders (CI: a temp folder); GALERA_BASE_PORT moves all ports together. */
function clusterDir() {
  return path.resolve(process.env.GALERA_DIR || path.join(root, 'data', 'galera'));
}

function nodes() {
  const base = Number(process.env.GALERA_BASE_PORT || 13306);
  return Array.from({ length: SIZE }, (_, index) => {
    const dir = path.join(clusterDir(), `node${index + 1}`);
    return {
      name: `node${index + 1}`,
      index,
      sqlPort: base + index,
      // group communication, incremental (IST) and full (SST) state transfer: one block of ten ports per node
      gcommPort: 14567 + index * 10,
      istPort: 14568 + index * 10,
      sstPort: 14569 + index * 10,
      dir,
      dataDir: path.join(dir, 'data'),
      socket: path.join(dir, 'mysqld.sock'),
      pidFile: path.join(dir, 'mysqld.pid'),
      logFile: path.join(dir, 'error.log'),
    };
  });
}

/** One URL with every node, in the order services fall back through; DATABASE_URL and TEST_DATABASE_URL take it. */
function clusterUrl() {
  return `mysql://root@${nodes().map((node) => `${HOST}:${node.sqlPort}`).join(',')}`;
}

/**
 * As root, mariadbd must be told which user to run as. Not root itself: the rsync SST daemon that a joining node
 * runs drops to `nobody` when started by root and then cannot write the joiner's data folder. The Debian package's
 * `mysql` account owns the node folders instead.
 */
function serverUser() {
  if (!process.getuid || process.getuid() !== 0) return null;
  try {
    execFileSync('id', ['-u', 'mysql'], { stdio: 'ignore' });
    return 'mysql';
  } catch {
    return 'root';
  }
}

function mariadbdArgs(node, { bootstrap }) {
  const members = nodes().map((other) => `${HOST}:${other.gcommPort}`).join(',');
  const args = [
    '--no-defaults', // the machine's /etc/mysql config belongs to the dev server on 3306
    `--datadir=${node.dataDir}`,
    `--socket=${node.socket}`,
    `--pid-file=${node.pidFile}`,
    `--log-error=${node.logFile}`,
    `--port=${node.sqlPort}`,
    `--bind-address=${HOST}`,
    '--skip-name-resolve',
    '--character-set-server=utf8mb4',
    '--collation-server=utf8mb4_unicode_ci',
    '--max-connections=500',
    '--innodb-buffer-pool-size=128M',
    // Galera's own requirements: row events, InnoDB, interleaved auto-increment locks
    '--binlog-format=ROW',
    '--default-storage-engine=InnoDB',
    '--innodb-autoinc-lock-mode=2',
    // a commit is durable once the other nodes certified it; the local fsync per commit is what Galera setups drop
    '--innodb-flush-log-at-trx-commit=2',
    '--wsrep-on=ON',
    `--wsrep-provider=${PROVIDER}`,
    '--wsrep-cluster-name=hotline-galera',
    `--wsrep-cluster-address=gcomm://${members}`,
    `--wsrep-node-name=${node.name}`,
    `--wsrep-node-address=${HOST}:${node.gcommPort}`,
    `--wsrep-node-incoming-address=${HOST}:${node.sqlPort}`,
    `--wsrep-provider-options=base_port=${node.gcommPort};ist.recv_addr=${HOST}:${node.istPort};gcache.size=128M`,
    // mariabackup is not installed on these machines; rsync is
    '--wsrep-sst-method=rsync',
    `--wsrep-sst-receive-address=${HOST}:${node.sstPort}`,
    '--wsrep-slave-threads=2',
  ];
  const user = serverUser();
  if (user) args.push(`--user=${user}`);
  if (bootstrap) args.push('--wsrep-new-cluster');
  return args;
}

module.exports = { HOST, SIZE, nodes, clusterDir, clusterUrl, mariadbdArgs, serverUser };
