// The transport-level half of core: the contract, errors and request/response helpers, without the
// config (zod) and DI (inversify) halves. Worker threads import `@waitless/core/transport` so each new
// thread skips loading those (~0.4 s per thread measured under tsx).
export type { FetchStrategy, FetchRequest, FetchOptions, FetchResult, FetchTimings, HttpMethod } from './fetch-strategy';
export { now } from './clock';

export { WaitlessError } from './errors/waitless-error';
export { HttpError } from './errors/http-error';
export { TimeoutError } from './errors/timeout-error';
export { AbortError } from './errors/abort-error';
export { NetworkError } from './errors/network-error';
export { ResponseBodyError } from './errors/response-body-error';
export { ConfigError } from './errors/config-error';
export { transferError, reviveError, type TransferredError } from './errors/error-transfer';

export { prepareRequest, type PreparedRequest } from './http/prepared-request';
export { interpretResponse, type RawResponse } from './http/raw-response';
export { fetchNetworkError } from './http/fetch-network-error';
export { performCall, type Transport, type TransportResponse, type TransportErrorMapper } from './http/perform-call';
export { callSignal, abortedCallError, throwIfAborted, describeAbortReason, allowManyListeners, type CallSignal } from './http/call-signal';
