// `@waitless/core/plugin`: what strategy and decorator authors need — the contract, plugin and decorator
// definitions, typed errors and the request/response helpers every transport shares. It loads neither
// zod nor inversify, so worker threads that import it start fast (~0.4 s less per thread under tsx).
// Apps use the root entry point instead.

// The contract.
export type { FetchStrategy, FetchRequest, FetchOptions, FetchResult, FetchTimings, HttpMethod } from './fetch-strategy';
export type { StrategyDescriptor, ConcurrencyProfile } from './strategy-descriptor';
export { now } from './clock';

// Extension points: plain definitions core registers in its container.
export { defineStrategyPlugin, type StrategyPluginDefinition, type StrategyContext } from './extensions/strategy-plugin-definition';
export { defineStrategyDecorator, type StrategyDecoratorDefinition } from './extensions/strategy-decorator-definition';
export type { PipelineStep, StepContext } from './extensions/pipeline-step';
export { applyDecorators } from './di/apply-decorators';
export type { StandardSchemaV1 } from './schema/standard-schema';
export { validateOrThrow } from './schema/validate-or-throw';
export { describeSchemaIssue, deepestSchemaIssue, type SchemaIssue } from './schema/describe-schema-issue';

// Typed errors.
export { WaitlessError } from './errors/waitless-error';
export { HttpError } from './errors/http-error';
export { TimeoutError } from './errors/timeout-error';
export { AbortError } from './errors/abort-error';
export { NetworkError } from './errors/network-error';
export { ResponseBodyError } from './errors/response-body-error';
export { ResponseTooLargeError } from './errors/response-too-large-error';
export { TooManyRedirectsError } from './errors/too-many-redirects-error';
export { ConfigError } from './errors/config-error';
export {
  isWaitlessError,
  isUserFixableError,
  isHttpError,
  isTimeoutError,
  isAbortError,
  isNetworkError,
  isResponseBodyError,
  isResponseTooLargeError,
  isTooManyRedirectsError,
  isConfigError,
  isPluginLoadError,
  isStrategyNotFoundError,
} from './errors/error-guards';
export { transferError, reviveError, type TransferredError } from './errors/error-transfer';

// One call's skeleton, shared by in-process transports.
export { prepareRequest, type PreparedRequest } from './http/prepared-request';
export { interpretResponse, type RawResponse } from './http/raw-response';
export { fetchNetworkError } from './http/fetch-network-error';
export { performCall, type Transport, type TransportResponse, type TransportErrorMapper } from './http/perform-call';
export { callSignal, abortedCallError, throwIfAborted, describeAbortReason, type CallSignal } from './http/call-signal';
export { linkSignal, type LinkedSignal } from './http/link-signal';
export { allowManyListeners } from './http/allow-many-listeners';
export { normalizeBaseUrl } from './http/normalize-base-url';
export {
  responseLimits,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_REDIRECTS,
  MAX_BODY_BYTES_LIMIT,
  MAX_REDIRECTS_LIMIT,
  type ResponseLimits,
} from './http/response-limits';
export { redactUrl, urlForMessage } from './http/url-for-message';
export { redirectTarget } from './http/redirect-target';
export { readLimitedBody } from './http/read-limited-body';

// Tracing: the channels calls and waits are published on (see docs/tracing.md).
export { fetchChannel, tracedCall, FETCH_CHANNEL, type FetchTraceContext } from './tracing/fetch-channel';
export {
  retryChannel,
  rateLimitWaitChannel,
  queueWaitChannel,
  RETRY_CHANNEL,
  RATE_LIMIT_WAIT_CHANNEL,
  QUEUE_WAIT_CHANNEL,
  type RetryEvent,
  type GateWaitEvent,
} from './tracing/wait-channels';
export { noteOnError, failedCallTimings, type AttemptTimings } from './tracing/failed-call-timings';
export { subscribeToCalls, type CallSubscriber } from './tracing/subscribe-to-calls';
