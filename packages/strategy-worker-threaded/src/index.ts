export { toThread, type ThreadFunction, type ThreadableFunction, type ToThreadOptions } from './to-thread';
export { ThreadPool, MAX_POOL_SIZE, type ThreadPoolOptions, type ThreadCall } from './thread-pool';
export { sharedThreadPool, closeSharedThreadPool } from './shared-thread-pool';
export { WorkerThreadedStrategy } from './worker-threaded-strategy';
export { workerThreadedOptionsSchema, type WorkerThreadedOptions } from './worker-threaded-options';
export { workerThreadedModule } from './worker-threaded-module';
