import { AbortError } from './abort-error';
import { ConfigError } from './config-error';
import {
  isAbortError,
  isHttpError,
  isNetworkError,
  isResponseTooLargeError,
  isTooManyRedirectsError,
  isUserFixableError,
  isWaitlessError,
} from './error-guards';
import { HttpError } from './http-error';
import { NetworkError } from './network-error';
import { TimeoutError } from './timeout-error';
import { ResponseTooLargeError } from './response-too-large-error';
import { TooManyRedirectsError } from './too-many-redirects-error';
import { reviveError, transferError } from './error-transfer';
import { WaitlessError } from './waitless-error';

/** What the other side of a worker thread gets back. */
const acrossThreads = (error: unknown): Error => reviveError(structuredClone(transferError(error)));

describe('error transfer across threads', () => {
  it('rebuilds typed errors after a structured clone', () => {
    const revived = acrossThreads(new HttpError(429, 'GET', 'http://127.0.0.1/x', 'slow down', { 'retry-after': '1' })) as HttpError;
    expect(revived).toBeInstanceOf(HttpError);
    expect(isHttpError(revived)).toBe(true);
    expect(revived.status).toBe(429);
    expect(revived.headers).toEqual({ 'retry-after': '1' });
    expect(revived.message).toBe('Request failed with status 429: GET http://127.0.0.1/x — slow down');
    expect(acrossThreads(new TimeoutError(50, 'GET', 'u'))).toBeInstanceOf(TimeoutError);
    expect(isUserFixableError(acrossThreads(new ConfigError('f', 's', 'p')))).toBe(true);
  });

  it('rebuilds the response-limit errors with their limit and message', () => {
    const tooLarge = new ResponseTooLargeError('GET', 'http://me:secret@127.0.0.1/big', 1024);
    const revivedLarge = acrossThreads(tooLarge);
    expect(isResponseTooLargeError(revivedLarge) && [revivedLarge.limit, revivedLarge.url]).toEqual([1024, 'http://***@127.0.0.1/big']);
    expect(revivedLarge.message).toBe(tooLarge.message);
    const loop = acrossThreads(new TooManyRedirectsError('GET', 'http://127.0.0.1/loop', 5));
    expect(isTooManyRedirectsError(loop) && loop.limit).toBe(5);
    expect(loop.message).toMatch(/redirect loop.*more than 5 times/);
  });

  it('keeps the name, message and cloneable fields of other errors', () => {
    class CustomError extends Error {
      override name = 'CustomError';
      code = 'E_CUSTOM';
    }
    const revived = acrossThreads(new CustomError('boom')) as Error & { code: string };
    expect([revived.name, revived.message, revived.code]).toEqual(['CustomError', 'boom', 'E_CUSTOM']);
    expect(reviveError(transferError('plain string')).message).toBe('plain string');
  });

  it('keeps the cause: an error as a typed or plain error with its fields, a cloneable value as is', () => {
    const socket = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const fetchFailed = new TypeError('fetch failed', { cause: socket });
    const network = acrossThreads(new NetworkError('GET', 'u', 'ECONNREFUSED', { cause: fetchFailed })) as NetworkError;
    expect(isNetworkError(network) && network.detail).toBe('ECONNREFUSED');
    expect(network.cause).toMatchObject({
      name: 'TypeError',
      message: 'fetch failed',
      cause: { message: socket.message, code: 'ECONNREFUSED' },
    });

    const aborted = acrossThreads(new AbortError('GET', 'u', 'stop', { cause: 'stop' })) as AbortError;
    expect([isAbortError(aborted), aborted.reason, aborted.cause]).toEqual([true, 'stop', 'stop']);
    const wrapped = acrossThreads(new WaitlessError('outer', { cause: new TimeoutError(5, 'GET', 'u') }));
    expect(wrapped.cause).toBeInstanceOf(TimeoutError);
  });

  it('flattens a cause that cannot be cloned, and stops at a cycle', () => {
    const unclonable = acrossThreads(new AbortError('GET', 'u', 'gone', { cause: { close: () => undefined } }));
    expect(unclonable.cause).toBe('[object Object]');
    const cyclic: Error = new Error('loop');
    cyclic.cause = cyclic;
    let depth = 0;
    for (let e: unknown = acrossThreads(cyclic); e instanceof Error; e = e.cause) depth++;
    expect(depth).toBeGreaterThan(1);
    expect(depth).toBeLessThan(10);
  });

  it('keeps a Waitless error of a kind it has no class for recognisable', () => {
    // Like the concurrency package's InvalidOptionError, which core cannot import.
    class InvalidOptionError extends WaitlessError {
      override name = 'InvalidOptionError' as const;
      override readonly kind = 'invalid-option' as const;
      override readonly userFixable = true;
      readonly option = 'concurrency';
    }
    const revived = acrossThreads(new InvalidOptionError('Invalid option "concurrency"')) as InvalidOptionError;
    expect(isWaitlessError(revived)).toBe(true);
    expect(isUserFixableError(revived)).toBe(true);
    expect([revived.name, revived.kind, revived.option, revived.message]).toEqual([
      'InvalidOptionError',
      'invalid-option',
      'concurrency',
      'Invalid option "concurrency"',
    ]);
  });

  it('does not turn a DOM AbortError into Waitless AbortError on the way', () => {
    const revived = acrossThreads(new DOMException('This operation was aborted', 'AbortError'));
    expect(revived.name).toBe('AbortError');
    expect(isAbortError(revived)).toBe(false);
  });
});
