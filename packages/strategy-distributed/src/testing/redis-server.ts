import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** Options of {@link startRedisServer}. */
export interface RedisServerOptions {
  /** The `redis-server` binary; default `REDIS_SERVER` from the environment, else `redis-server` on PATH. */
  binary?: string;
  /** Persistence: `none` (`--save ''`, the default) or `aof` (`--appendonly yes --appendfsync everysec`). */
  persistence?: 'none' | 'aof';
  /** Folder for the socket and the AOF files; default a fresh temporary folder, removed by `stop()`. */
  dir?: string;
}

/** A `redis-server` this process started, listening on a unix socket only. */
export interface RedisServer {
  /** The unix socket path: what `strategies.distributed.options.redis` takes. */
  readonly socket: string;
  /** The folder holding the socket and the data files. */
  readonly dir: string;
  /** The server's process id. */
  readonly pid: number;
  /** Kills the server with `signal` (SIGKILL simulates a crash) and resolves once it has exited; the folder stays. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the server again on the same socket and folder (an AOF is replayed); resolves once it accepts connections. */
  restart(): Promise<void>;
  /** Stops the server and removes the folder when this helper created it. Safe to call twice. */
  stop(): Promise<void>;
}

const READY_LINE = /ready to accept connections/i;
const READY_TIMEOUT_MS = 20_000;

/**
 * Starts a real `redis-server` on a unix socket in a temporary folder (redis has no "port 0"; `--port 0`
 * turns TCP off), for tests and benchmarks that must not share a Redis. Stopped by PID, never by name.
 * @example
 * const redis = await startRedisServer();
 * const config = { strategies: { distributed: { options: { redis: redis.socket } } } };
 * await redis.stop();
 */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  const binary = options.binary ?? process.env['REDIS_SERVER'] ?? 'redis-server';
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'waitless-redis-'));
  const socket = join(dir, 'redis.sock');
  const persistence =
    options.persistence === 'aof'
      ? ['--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '']
      : ['--save', '', '--appendonly', 'no'];
  const args = ['--port', '0', '--unixsocket', socket, '--unixsocketperm', '700', '--dir', dir, '--daemonize', 'no', ...persistence];
  let child = await launch(binary, args);
  let stopped = false;

  const kill = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  };
  return {
    socket,
    dir,
    get pid() {
      return child.pid as number;
    },
    kill,
    restart: async () => {
      await kill('SIGKILL');
      child = await launch(binary, args);
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await kill('SIGTERM');
      if (ownDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function launch(binary: string, args: string[]): Promise<ChildProcess> {
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`redis-server did not start within ${READY_TIMEOUT_MS / 1000} s.`)),
        READY_TIMEOUT_MS,
      );
      const fail = (reason: string): void => {
        clearTimeout(timer);
        reject(
          new Error(`redis-server ${reason}. Install it (apt-get install redis-server) or set REDIS_SERVER. Output: ${output.join('\n')}`),
        );
      };
      child.once('error', (error) => fail(`could not start: ${error.message}`));
      child.once('exit', (code) => fail(`exited with code ${code} before it was ready`));
      child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
      lines.on('line', (line) => {
        output.push(line);
        if (READY_LINE.test(line)) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  } finally {
    lines.close();
    child.removeAllListeners('exit');
    child.removeAllListeners('error');
    child.stderr?.removeAllListeners('data');
  }
  // Keep draining its output so a chatty server never blocks on a full pipe.
  child.stdout?.resume();
  child.stderr?.resume();
  return child;
}

/** Whether a `redis-server` binary can be started here, for suites and benchmarks that are opt-in. */
export function hasRedisServer(binary = process.env['REDIS_SERVER'] ?? 'redis-server'): boolean {
  return spawnSync(binary, ['--version'], { stdio: 'ignore' }).status === 0;
}
