import { closeSync, openSync, writeSync } from 'node:fs';
import { subscribeToCalls, type FetchTraceContext } from '@waitless/core';
import type { Command } from 'commander';

/** One line of a `--trace` file: which call, what happened, when (epoch ms), and the event's own fields. */
export interface TraceLine {
  event: 'start' | 'retry' | 'rate-limit-wait' | 'queue-wait' | 'error' | 'end';
  /** Numbers the calls of one run from 1; every line of a call carries it. */
  call: number;
  time: number;
  [field: string]: unknown;
}

/** A trace file being written; `close()` detaches from the channels and closes the file. */
export interface TraceFile {
  close(): void;
}

/**
 * Writes every call's events to `path` as JSON lines (truncating it): `start`, then any `retry`, `rate-limit-wait` or
 * `queue-wait`, an `error` if the call failed, and always an `end` with status, attempts, waiting and timings. Lines
 * are written synchronously, so the file is complete even when the process exits right after the last call.
 * @example const trace = traceToFile('calls.jsonl'); try { await run(); } finally { trace.close(); }
 */
export function traceToFile(path: string): TraceFile {
  const fd = openSync(path, 'w');
  const ids = new WeakMap<FetchTraceContext, number>();
  let nextId = 1;
  const write = (line: TraceLine): void => void writeSync(fd, `${JSON.stringify(line)}\n`);
  const idOf = (call: FetchTraceContext | undefined): number | undefined => (call ? ids.get(call) : undefined);
  const unsubscribe = subscribeToCalls({
    start(call) {
      const id = nextId++;
      ids.set(call, id);
      write({ event: 'start', call: id, time: Date.now(), strategy: call.strategy, method: call.method, url: call.url });
    },
    error(call) {
      const id = idOf(call);
      if (id !== undefined) write({ event: 'error', call: id, time: Date.now(), error: describe(call.error) });
    },
    end(call) {
      const id = idOf(call);
      if (id === undefined) return;
      const { status, attempts, waitedMs, timings } = call;
      write({ event: 'end', call: id, time: Date.now(), ok: !('error' in call), status, attempts, waitedMs, timings });
    },
    retry({ call, attempt, delayMs, error }) {
      const id = idOf(call);
      if (id !== undefined) write({ event: 'retry', call: id, time: Date.now(), attempt, delayMs, error: describe(error) });
    },
    gateWait(event, { call, waitedMs }) {
      const id = idOf(call);
      if (id !== undefined) write({ event, call: id, time: Date.now(), waitedMs });
    },
  });
  let open = true;
  return {
    close() {
      if (!open) return;
      open = false;
      unsubscribe();
      closeSync(fd);
    },
  };
}

/**
 * Adds the global `--trace <file>` option: the file is opened before the command runs and closed after it. A file
 * that cannot be opened is a usage error (exit 2) that names it.
 */
export function registerTraceOption(program: Command): void {
  let trace: TraceFile | undefined;
  program
    .option('--trace <file>', "write every call's events to <file> as JSON lines (start, retry, waits, error, end)")
    .hook('preAction', (command) => {
      const path = command.opts<{ trace?: string }>().trace;
      if (path === undefined) return;
      try {
        trace = traceToFile(path);
      } catch (error) {
        command.error(`waitless: cannot write the trace file ${path}: ${(error as Error).message}. Pick a writable path for --trace.`, {
          exitCode: 2,
          code: 'waitless.traceFile',
        });
      }
    })
    .hook('postAction', () => trace?.close());
}

function describe(error: unknown): { name: string; message: string } {
  return error instanceof Error ? { name: error.name, message: error.message } : { name: typeof error, message: String(error) };
}
