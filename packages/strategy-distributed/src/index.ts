// `@waitless/strategy-distributed`: the `distributed` plugin (callers) and `startDistributedWorker` (what
// `waitless worker` runs). The job format, the cancel channel and the reconciliation stay private: callers
// and workers of one version agree on them. A real redis-server for tests is in the `./testing` subpath.
export { plugin } from './distributed-plugin';
export { DistributedStrategy } from './distributed-strategy';
export {
  startDistributedWorker,
  type DistributedWorker,
  type DistributedWorkerOptions,
  type WorkerEvent,
  type WorkerStats,
} from './distributed-worker';
export { distributedOptionsSchema, type DistributedOptions } from './distributed-options';
export { RedisUnavailableError } from './redis-unavailable-error';
export { IDEMPOTENCY_HEADER } from './idempotency-job-id';
