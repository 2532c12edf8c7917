// Child processes of the cluster: each long-running one leads its own process group, so it can be
// stopped (or killed in a drill) together with anything it forked, by its own PID and nothing else.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const children = new Set();
const stoppers = []; // async cleanups for things that run detached (PostgreSQL under pg_ctl)

export function asPostgres(cmd, args) {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
}

/** Runs a command to completion; throws with the tail of its output when it fails. */
export function runSync(cmd, args, { env, cwd, asPg = false, input } = {}) {
  const [c, a] = asPg ? asPostgres(cmd, args) : [cmd, args];
  const r = spawnSync(c, a, { env: env ?? process.env, cwd, encoding: 'utf8', input, maxBuffer: 64 << 20 });
  if (r.status !== 0) {
    const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-20).join('\n');
    throw new Error(
      `${cmd.split('/').pop()} ${a.slice(0, 3).join(' ')} failed (${r.status ?? r.signal}):\n${out}`,
    );
  }
  return r.stdout;
}

/** Runs a command to completion with its output in a log file (async, so Ctrl-C stays responsive). */
export function runLogged(cmd, args, { env, cwd, logFile }) {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'a');
    const child = spawn(cmd, args, { env, cwd, stdio: ['ignore', out, out] });
    children.add(child);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      children.delete(child);
      fs.closeSync(out);
      if (code === 0) resolve(fs.readFileSync(logFile, 'utf8'));
      else
        reject(
          new Error(
            `${args[0] ?? cmd} ${signal ? `stopped by ${signal}` : `exited with ${code}`}; see ${logFile}`,
          ),
        );
    });
  });
}

/** Starts a long-running process in its own process group with output appended to logFile. */
export function startProcess(name, cmd, args, { env, cwd, logFile, onExit }) {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(cmd, args, { env, cwd, stdio: ['ignore', out, out], detached: true });
  fs.closeSync(out);
  child.name = name;
  children.add(child);
  child.on('exit', (code, signal) => {
    children.delete(child);
    onExit?.(code, signal);
  });
  return child;
}

export function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
    return true;
  } catch {
    return false;
  }
}

export function waitForExit(child, timeoutMs) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export function onStop(fn) {
  stoppers.push(fn);
}

/** Stops every child (TERM, then KILL after a grace period), then runs the registered cleanups. */
export async function stopAll() {
  const list = [...children];
  for (const child of list) signalGroup(child, 'SIGTERM');
  await Promise.all(list.map((c) => waitForExit(c, 10_000)));
  for (const child of list)
    if (child.exitCode === null && child.signalCode === null) signalGroup(child, 'SIGKILL');
  for (const fn of stoppers.splice(0).reverse()) {
    try {
      await fn();
    } catch (error) {
      console.error(`[cluster] cleanup: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function waitFor(what, check, timeoutMs, everyMs = 500) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not ready yet
    }
    if (Date.now() > deadline) throw new Error(`${what} not ready within ${Math.round(timeoutMs / 1000)} s`);
    await sleep(everyMs);
  }
}

/** runSync without blocking the event loop (the drills keep their load running meanwhile). */
export function runAsync(cmd, args, { env, cwd, asPg = false } = {}) {
  const [c, a] = asPg ? asPostgres(cmd, args) : [cmd, args];
  return new Promise((resolve, reject) => {
    const child = spawn(c, a, { env: env ?? process.env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve(out)
        : reject(
            new Error(
              `${cmd.split('/').pop()} ${a.slice(0, 3).join(' ')} failed (${code ?? signal}):\n${out.trim().split('\n').slice(-20).join('\n')}`,
            ),
          ),
    );
  });
}
