import { AbortError } from './abort-error';
import { ConfigError } from './config-error';
import {
  isAbortError,
  isConfigError,
  isHttpError,
  isNetworkError,
  isPluginLoadError,
  isResponseBodyError,
  isResponseTooLargeError,
  isStrategyNotFoundError,
  isTimeoutError,
  isTooManyRedirectsError,
  isUserFixableError,
  isWaitlessError,
} from './error-guards';
import { HttpError } from './http-error';
import { NetworkError } from './network-error';
import { PluginLoadError } from './plugin-load-error';
import { ResponseBodyError } from './response-body-error';
import { ResponseTooLargeError } from './response-too-large-error';
import { StrategyNotFoundError } from './strategy-not-found-error';
import { TimeoutError } from './timeout-error';
import { TooManyRedirectsError } from './too-many-redirects-error';
import { WaitlessError } from './waitless-error';

const guards = {
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
};

const instances: Record<keyof typeof guards, WaitlessError> = {
  isHttpError: new HttpError(503, 'GET', 'u', 'busy'),
  isTimeoutError: new TimeoutError(50, 'GET', 'u'),
  isAbortError: new AbortError('GET', 'u', 'stop'),
  isNetworkError: new NetworkError('GET', 'u', 'ECONNRESET'),
  isResponseBodyError: new ResponseBodyError('GET', 'u', 'Unexpected end of JSON input'),
  isResponseTooLargeError: new ResponseTooLargeError('GET', 'u', 1024),
  isTooManyRedirectsError: new TooManyRedirectsError('GET', 'u', 5),
  isConfigError: new ConfigError('retry.attempts', 'waitless.config.json', 'must be ≥ 1'),
  isPluginLoadError: new PluginLoadError('@acme/nope', 'waitless.config.json', 'not found'),
  isStrategyNotFoundError: new StrategyNotFoundError('nativ-async', ['native-async']),
};

describe('error guards', () => {
  it.each(Object.keys(guards) as (keyof typeof guards)[])('%s matches its own class and no other', (name) => {
    const matched = Object.entries(instances).filter(([, error]) => guards[name](error));
    expect(matched.map(([other]) => other)).toEqual([name]);
    expect(Object.values(instances).every(isWaitlessError)).toBe(true);
  });

  it('flags the errors a user fixes by changing how Waitless is called', () => {
    const fixable = Object.entries(instances)
      .filter(([, error]) => isUserFixableError(error))
      .map(([name]) => name);
    expect(fixable).toEqual(['isConfigError', 'isPluginLoadError', 'isStrategyNotFoundError']);
  });

  it('rejects look-alikes: a matching name, fields or a half-made brand is not enough', () => {
    const domAbort = new DOMException('This operation was aborted', 'AbortError');
    const namedAbort = Object.assign(new Error('aborted'), { name: 'AbortError' });
    const plainHttp = { name: 'HttpError', kind: 'http', status: 503, message: 'x' };
    const brandWithoutKind = { [Symbol.for('waitless.error')]: true, name: 'HttpError' };
    const brandNotTrue = { [Symbol.for('waitless.error')]: 'yes', kind: 'http' };
    const otherBrand = { [Symbol('waitless.error')]: true, kind: 'http' };
    for (const value of [domAbort, namedAbort, plainHttp, brandWithoutKind, brandNotTrue, otherBrand, null, undefined, 'HttpError', 503]) {
      expect(isWaitlessError(value)).toBe(false);
      expect(isHttpError(value) || isAbortError(value) || isUserFixableError(value)).toBe(false);
    }
  });

  it('recognises an error made by a second copy of @waitless/core', () => {
    // What another copy's classes look like from here: unrelated classes and its own constant for the
    // brand, which is the same symbol because it comes from the global registry.
    const OTHER_COPY_BRAND: unique symbol = Symbol.for('waitless.error');
    class OtherCopyHttpError extends Error {
      override name = 'HttpError' as const;
      readonly [OTHER_COPY_BRAND] = true;
      readonly kind = 'http';
      readonly userFixable = false;
      constructor(readonly status: number) {
        super(`Request failed with status ${status}`);
      }
    }
    class OtherCopyConfigError extends Error {
      override name = 'ConfigError' as const;
      readonly [OTHER_COPY_BRAND] = true;
      readonly kind = 'config';
      readonly userFixable = true;
    }
    const http = new OtherCopyHttpError(429);
    expect(http).not.toBeInstanceOf(HttpError);
    expect(isWaitlessError(http)).toBe(true);
    expect(isHttpError(http) && http.status).toBe(429);
    expect(isTimeoutError(http)).toBe(false);
    const config = new OtherCopyConfigError('bad');
    expect([isConfigError(config), isUserFixableError(config)]).toEqual([true, true]);
  });

  it('tells a subclass from elsewhere by its own kind', () => {
    class QuotaError extends WaitlessError {
      override name = 'QuotaError' as const;
      override readonly kind = 'acme/quota' as const;
    }
    const error = new QuotaError('over quota');
    expect([isWaitlessError(error), error.kind, isUserFixableError(error)]).toEqual([true, 'acme/quota', false]);
    expect(Object.values(guards).some((guard) => guard(error))).toBe(false);
  });
});
