// Starting the processes a benchmark compares, each pinned to its own core where `taskset` exists
// (server on CPU 0, load generator on CPU 1), and talking to them over IPC.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
const TASKSET = ['/usr/bin/taskset', '/bin/taskset'].find((p) => existsSync(p));
export const pinned = TASKSET !== undefined;

/** Forks a TypeScript module under tsx, pinned to `cpu`, with an IPC channel. */
export function forkPinned(modulePath: string, cpu: number, env: NodeJS.ProcessEnv = {}): ChildProcess {
  const execArgv = ['--import', 'tsx', '--max-old-space-size=4096'];
  if (!TASKSET) return fork(modulePath, [], { execArgv, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  // fork() cannot be wrapped by taskset, so spawn node under taskset with an IPC fd.
  return spawn(TASKSET, ['-c', String(cpu), process.execPath, ...execArgv, modulePath], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

export function nextMessage<T = any>(child: ChildProcess, kind: string, timeoutMs = 600_000): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${kind}`)), timeoutMs);
    const onMessage = (message: any) => {
      if (message?.kind !== kind) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolvePromise(message as T);
    };
    child.on('message', onMessage);
  });
}

export interface ConveneServer {
  baseUrl: string;
  pid: number;
  stop(): Promise<void>;
  rss(): number;
}

/** Starts the real Convene server (server/main.ts) on a fresh data directory, pinned to `cpu`. */
export async function startConvene(
  cpu: number,
  extraEnv: Record<string, string> = {},
  options: { memoryDisk?: boolean } = {},
): Promise<ConveneServer> {
  // memoryDisk: the log on tmpfs, so a commit costs no disk flush. The fan-out benchmarks use it to measure
  // commit-to-receipt (an event's `at` is stamped just before the append, so a flush would count as fan-out);
  // the write-path benchmark keeps a real disk, because there the flush is the point.
  const base = options.memoryDisk && existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const dataDir = mkdtempSync(join(base, 'convene-bench-'));
  // BENCH_PROFILE_DIR: write a V8 CPU profile of the server (on its graceful exit) to find where time goes.
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const args = ['--import', 'tsx', ...profile, join(ROOT, 'server/main.ts')];
  const command = TASKSET ?? process.execPath;
  const argv = TASKSET ? ['-c', String(cpu), process.execPath, ...args] : args;
  const child = spawn(command, argv, {
    cwd: ROOT,
    // LOG_LEVEL=warn: no line per request (pino-http), so the figures measure Convene, not its log output.
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, NODE_ENV: 'development', LOG_LEVEL: 'warn', ...extraEnv },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const baseUrl = await new Promise<string>((resolvePromise, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
  child.stdout!.resume();
  return {
    baseUrl,
    pid: child.pid!,
    rss: () => readRss(child.pid!),
    stop: () =>
      new Promise((resolvePromise) => {
        child.once('exit', () => resolvePromise());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

/** Resident memory of a process from /proc (the server's own RSS, not the load generator's). */
export function readRss(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb * 1024;
  } catch {
    return 0;
  }
}
