// @waitless/to-thread: Python's asyncio.to_thread for Node. Kept private on purpose: how a module
// specifier is resolved and the worker entry file (thread-entry.cjs) — both may change.
export { toThread } from './to-thread';
export type { ThreadFunction, ThreadableFunction, ToThreadOptions } from './to-thread';
export { ThreadPool, MAX_POOL_SIZE } from './thread-pool';
export type { ThreadPoolOptions, ThreadCall } from './thread-pool';
export { sharedThreadPool, closeSharedThreadPool } from './shared-thread-pool';
export { ThreadResultNotCloneableError } from './errors/thread-result-not-cloneable-error';
export { ThreadExitError } from './errors/thread-exit-error';
export { isThreadResultNotCloneableError, isThreadExitError } from './errors/error-guards';
