export { describeConformance, type ConformanceOptions } from './describe-conformance';
export { watchEventLoop, type EventLoopWatch } from './watch-event-loop';
