import { AbortError } from './abort-error';
import { ConfigError } from './config-error';
import { HttpError } from './http-error';
import { NetworkError } from './network-error';
import { PluginLoadError } from './plugin-load-error';
import { ResponseBodyError } from './response-body-error';
import { StrategyNotFoundError } from './strategy-not-found-error';
import { TimeoutError } from './timeout-error';
import { WaitlessError } from './waitless-error';

describe('WaitlessError', () => {
  it('keeps the failure underneath as cause, on every class', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const options = { cause };
    const errors = [
      new HttpError(503, 'GET', 'u', '', {}, options),
      new TimeoutError(50, 'GET', 'u', options),
      new AbortError('GET', 'u', 'stop', options),
      new NetworkError('GET', 'u', 'ECONNREFUSED', options),
      new ResponseBodyError('GET', 'u', 'bad', options),
      new ConfigError('f', 's', 'p', options),
      new PluginLoadError('p', 's', 'p', options),
      new WaitlessError('base', options),
    ];
    expect(errors.filter((error) => error.cause !== cause).map((error) => error.name)).toEqual([]);
    expect(new StrategyNotFoundError('x', [])).not.toHaveProperty('cause');
  });

  it('leaves cause out when none is given, and keeps the old text fields beside it', () => {
    expect(new NetworkError('GET', 'u', 'reset')).not.toHaveProperty('cause');
    const reason = new Error('user left');
    const aborted = new AbortError('GET', 'u', reason.message, { cause: reason });
    expect([aborted.reason, aborted.cause, aborted.message]).toEqual(['user left', reason, 'Request aborted: GET u (user left)']);
  });

  it('has a literal name and kind per class', () => {
    expect([
      new HttpError(500, 'GET', 'u', '').kind,
      new ResponseBodyError('GET', 'u', 'd').kind,
      new StrategyNotFoundError('x', []).kind,
    ]).toEqual(['http', 'response-body', 'strategy-not-found']);
    expect(new TimeoutError(1, 'GET', 'u').name).toBe('TimeoutError');
  });
});
