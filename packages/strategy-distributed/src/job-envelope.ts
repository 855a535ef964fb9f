import type { FetchResult, PreparedRequest, TransferredError } from '@waitless/core/plugin';

/**
 * One request as a job carries it: what `prepareRequest` made of it (body encoded, limits applied), without
 * its signal and its timeout, which become the job's cancel channel and deadline.
 */
export type JobRequest = Omit<PreparedRequest, 'signal' | 'timeoutMs'>;

/** The data of one job. */
export interface JobData {
  request: JobRequest;
  /** Epoch milliseconds after which nobody waits for the answer: workers refuse or stop the job. */
  deadline: number;
}

/** The request a job carries: the prepared request without its signal and timeout. */
export function toJobRequest(prepared: PreparedRequest): JobRequest {
  const request: PreparedRequest = { ...prepared };
  delete request.signal;
  delete request.timeoutMs;
  return request;
}

/** What a worker returns for a job: the result, or the error flattened so the caller rebuilds its class. */
export type JobEnvelope = { ok: true; result: FetchResult } | { ok: false; error: TransferredError };

/** The pub/sub channel callers publish a job id on to stop it on whichever worker runs it. */
export function cancelChannel(prefix: string, queue: string): string {
  return `${prefix}:${queue}:waitless-cancel`;
}
