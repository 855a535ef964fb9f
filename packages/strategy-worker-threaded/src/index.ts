// The worker-threaded plugin. `toThread`, `ThreadPool` and friends live in `@waitless/to-thread`:
// import them from there.
export { plugin } from './worker-threaded-plugin';
export { WorkerThreadedStrategy } from './worker-threaded-strategy';
export { workerThreadedOptionsSchema, type WorkerThreadedOptions } from './worker-threaded-options';
