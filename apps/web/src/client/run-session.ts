import type { RunEvent, RunParams } from '../shared/run-events';
import { ApiError, cancelRun, createRun } from './api';
import { applyRunEvent, endWithoutServer, isActive, newRunRecord, type RunRecord } from './run-record';

// After Cancel, how long to wait for the server's final summary before summarising here.
const CANCEL_ANSWER_MS = 5_000;

/** One run as the page drives it: its record (updated as events arrive), its end, and a way to cancel it. */
export interface RunSession {
  readonly record: RunRecord;
  /** Resolves with the record once the run has ended, been cancelled or failed; never rejects. */
  readonly done: Promise<RunRecord>;
  cancel(): void;
}

/** Why the run could not be created, with the input the server blamed (e.g. `latencyMs`). */
export interface CreateFailure {
  message: string;
  field?: string;
}

/**
 * Creates a run and streams its events into a {@link RunRecord}, calling `onChange` after each change. A run
 * that breaks off (cancelled, the server gone) keeps what settled and gets a summary of it.
 */
export function startRunSession(
  params: RunParams,
  onChange: (record: RunRecord) => void,
  onCreateFailed: (failure: CreateFailure) => void,
): RunSession {
  const record = newRunRecord(params);
  let source: EventSource | undefined;
  let cancelRequested = false;
  let answerTimer: number | undefined;
  let finish!: (record: RunRecord) => void;
  const done = new Promise<RunRecord>((resolve) => (finish = resolve));

  const end = (): void => {
    source?.close();
    window.clearTimeout(answerTimer);
    onChange(record);
    finish(record);
  };

  const cancel = (): void => {
    if (!isActive(record) || cancelRequested) return;
    cancelRequested = true;
    if (!record.id) return; // still creating: cancelled once the server answers
    void cancelRun(record.id).then((reached) => {
      if (!reached && isActive(record)) {
        endWithoutServer(record, 'cancelled');
        end();
      }
    });
    answerTimer = window.setTimeout(() => {
      if (!isActive(record)) return;
      endWithoutServer(record, 'cancelled');
      end();
    }, CANCEL_ANSWER_MS);
  };

  void (async () => {
    let created: { id: string; eventsUrl: string };
    try {
      created = await createRun(params);
    } catch (error) {
      record.state = 'error';
      record.error = (error as Error).message;
      onCreateFailed({ message: record.error, field: error instanceof ApiError ? error.field : undefined });
      end();
      return;
    }
    record.id = created.id;
    record.state = 'starting';
    onChange(record);
    if (cancelRequested) {
      void cancelRun(record.id);
      endWithoutServer(record, 'cancelled');
      end();
      return;
    }
    source = new EventSource(created.eventsUrl);
    source.onmessage = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as RunEvent;
      applyRunEvent(record, event);
      if (event.type === 'run-end') end();
      else if (event.type === 'run-error') {
        endWithoutServer(record, 'error', event.message);
        end();
      } else onChange(record);
    };
    source.onerror = () => {
      if (!isActive(record)) return;
      endWithoutServer(
        record,
        cancelRequested ? 'cancelled' : 'error',
        cancelRequested ? undefined : 'Lost the connection to the server; the numbers cover the requests that settled before.',
      );
      end();
    };
  })();

  return { record, done, cancel };
}
