export { describeConformance, type ConformanceOptions } from './describe-conformance';
// Re-exported for plugin authors' own tests; it lives with the runtime tools so apps can use it too.
export { watchEventLoop, type EventLoopWatch } from '@waitless/concurrency';
