/** The request header whose value becomes the job id, so the same logical request is queued once. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/**
 * The job id for a request carrying an `Idempotency-Key` header (any case), or undefined to let BullMQ
 * number the job. Encoded because BullMQ rejects custom ids that contain ":" or look like integers.
 */
export function idempotencyJobId(headers: Record<string, string>): string | undefined {
  for (const name in headers) {
    if (name.toLowerCase() === IDEMPOTENCY_HEADER) return `key-${encodeURIComponent(headers[name])}`;
  }
  return undefined;
}
