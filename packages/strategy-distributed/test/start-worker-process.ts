import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** One line a test worker process printed: a worker event, or `ready`. */
export interface WorkerLine {
  type: string;
  jobId?: string;
  outcome?: string;
  message?: string;
}

/** A worker running in its own process (test/worker-process.cjs), so a test can kill it with SIGKILL. */
export interface WorkerProcess {
  readonly pid: number;
  /** Every line printed so far. */
  readonly lines: WorkerLine[];
  /** Resolves with the first line (already printed or still to come) that matches. */
  waitFor(match: (line: WorkerLine) => boolean): Promise<WorkerLine>;
  /** Sends `signal` and resolves once the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts a test worker process on `config` (a whole waitless.config.json) and resolves once it takes jobs. */
export async function startWorkerProcess(config: unknown, concurrency?: number): Promise<WorkerProcess> {
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'worker-process.cjs'), JSON.stringify({ config, concurrency })], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  const lines: WorkerLine[] = [];
  const printed = new EventEmitter();
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (text) => {
    const line = JSON.parse(text) as WorkerLine;
    lines.push(line);
    printed.emit('line', line);
  });
  const exited = once(child, 'exit');
  const waitFor = async (match: (line: WorkerLine) => boolean): Promise<WorkerLine> => {
    const seen = lines.find(match);
    if (seen) return seen;
    return new Promise((resolve, reject) => {
      const onLine = (line: WorkerLine): void => {
        if (!match(line)) return;
        printed.off('line', onLine);
        resolve(line);
      };
      printed.on('line', onLine);
      void exited.then(() => reject(new Error(`worker process ${child.pid} exited before it printed the line waited for. ${errors}`)));
    });
  };
  await waitFor((line) => line.type === 'ready');
  return {
    pid: child.pid as number,
    lines,
    waitFor,
    kill: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
  };
}
