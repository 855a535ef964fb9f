export { createWebApp, startWebServer, DEFAULT_STATIC_DIR, type WebApp, type WebAppOptions, type WebServer } from './server/create-web-app';
export { RunManager, type RunManagerOptions, type RunSink, type RunState } from './server/run-manager';
export { runRequestSchema, parseRunRequest, RunRequestError } from './server/run-request-schema';
export { dispatchPerTurn, type DispatchOptions } from './worker/dispatch-per-turn';
export * from './shared/run-events';
