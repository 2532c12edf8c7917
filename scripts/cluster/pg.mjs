// The PostgreSQL half of the cluster: a primary (initdb, wal_level=replica, a replication role
// allowed from 127.0.0.1) and a streaming replica made with pg_basebackup -R (standby.signal and
// primary_conninfo). Both run under pg_ctl with their data, sockets and logs in the private folder.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { onStop, runAsync, runSync } from './procs.mjs';

export function findPgBin() {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(a) - Number(b)) : [];
  for (const v of versions.reverse()) {
    const bin = path.join(root, v, 'bin');
    if (fs.existsSync(path.join(bin, 'initdb'))) return bin;
  }
  return null;
}

export function createPg({ bin, dir, primaryPort, replicaPort }) {
  const primaryDir = path.join(dir, 'primary');
  const replicaDir = path.join(dir, 'replica');
  const socketDir = path.join(dir, 'sockets');
  const secretFile = path.join(dir, 'replicator-password');
  const pg = (name, args) => runSync(path.join(bin, name), args, { asPg: true });
  const pgAsync = (name, args) => runAsync(path.join(bin, name), args, { asPg: true });
  const dataDir = (which) => (which === 'primary' ? primaryDir : replicaDir);
  const port = (which) => (which === 'primary' ? primaryPort : replicaPort);

  function ownByPostgres(p) {
    if (process.getuid?.() === 0) runSync('chown', ['-R', 'postgres:postgres', p]);
  }

  function psql(which, sql, db = 'postgres') {
    return pg('psql', [
      '-h',
      '127.0.0.1',
      '-p',
      String(port(which)),
      '-U',
      'postgres',
      '-d',
      db,
      '-qtAc',
      sql,
    ]).trim();
  }

  function isRunning(which) {
    try {
      pg('pg_ctl', ['-D', dataDir(which), 'status']);
      return true;
    } catch {
      return false;
    }
  }

  const serverOptions = (which) =>
    `-p ${port(which)} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${socketDir}`;

  async function start(which) {
    if (isRunning(which)) return;
    const opts = serverOptions(which);
    await pgAsync('pg_ctl', [
      '-D',
      dataDir(which),
      '-l',
      path.join(dir, `${which}.log`),
      '-w',
      '-t',
      '60',
      '-o',
      opts,
      'start',
    ]);
  }

  async function stop(which, mode = 'fast') {
    if (isRunning(which)) await pgAsync('pg_ctl', ['-D', dataDir(which), '-m', mode, '-w', 'stop']);
  }

  async function restart(which) {
    const opts = serverOptions(which);
    await pgAsync('pg_ctl', [
      '-D',
      dataDir(which),
      '-l',
      path.join(dir, `${which}.log`),
      '-m',
      'fast',
      '-w',
      '-o',
      opts,
      'restart',
    ]);
  }

  async function initPrimary() {
    if (fs.existsSync(path.join(primaryDir, 'PG_VERSION'))) return false;
    fs.mkdirSync(primaryDir, { recursive: true });
    fs.mkdirSync(socketDir, { recursive: true });
    ownByPostgres(dir);
    pg('initdb', ['-D', primaryDir, '-U', 'postgres', '-A', 'trust', '--no-sync']);
    fs.appendFileSync(
      path.join(primaryDir, 'postgresql.conf'),
      [
        '',
        '# regwatch cluster: a streaming replica follows this server',
        'wal_level = replica',
        'max_wal_senders = 5',
        'wal_keep_size = 512MB',
        'hot_standby = on',
        'max_connections = 200',
        // Replica queries are short; cancel them rather than hold replay back for long.
        'max_standby_streaming_delay = 5s',
        "log_line_prefix = '%m [%p] '",
        '',
      ].join('\n'),
    );
    // The replication role signs in with a password; listed first, so initdb's trust lines do not apply to it.
    const hba = path.join(primaryDir, 'pg_hba.conf');
    fs.writeFileSync(
      hba,
      `host replication replicator 127.0.0.1/32 scram-sha-256\n${fs.readFileSync(hba, 'utf8')}`,
    );
    await start('primary');
    const password = crypto.randomBytes(18).toString('base64url');
    fs.writeFileSync(secretFile, password, { mode: 0o600 });
    psql('primary', `CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD '${password}'`);
    psql('primary', 'CREATE DATABASE regwatch');
    return true;
  }

  function initReplica() {
    if (fs.existsSync(path.join(replicaDir, 'standby.signal'))) return false;
    fs.rmSync(replicaDir, { recursive: true, force: true });
    const password = fs.readFileSync(secretFile, 'utf8').trim();
    // -R writes standby.signal and primary_conninfo (with the password) into the copy.
    runSync(
      'env',
      [
        `PGPASSWORD=${password}`,
        path.join(bin, 'pg_basebackup'),
        '-h',
        '127.0.0.1',
        '-p',
        String(primaryPort),
        '-U',
        'replicator',
        '-D',
        replicaDir,
        '-R',
        '-X',
        'stream',
        '-c',
        'fast',
        '--no-sync',
      ],
      { asPg: true },
    );
    fs.chmodSync(replicaDir, 0o700);
    return true;
  }

  /** Initialises what is missing and starts both servers; registers their stop for Ctrl-C. */
  async function up() {
    const fresh = await initPrimary();
    await start('primary');
    onStop(async () => stop('primary'));
    initReplica();
    await start('replica');
    onStop(async () => stop('replica'));
    return fresh;
  }

  const url = (which) => `postgres://postgres@127.0.0.1:${port(which)}/regwatch`;
  return { up, start, stop, restart, isRunning, psql, url, dataDir };
}
