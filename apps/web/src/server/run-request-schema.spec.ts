import { parseRunRequest, RunRequestError } from './run-request-schema';

const strategies = ['blocking-sync', 'native-async', 'worker-threaded'];
const targets = ['fixture', 'https://pokeapi.co'];
const parse = (body: unknown) => parseRunRequest(body, strategies, targets);
const errorOf = (body: unknown): RunRequestError => {
  try {
    parse(body);
  } catch (error) {
    return error as RunRequestError;
  }
  throw new Error('expected a RunRequestError');
};

describe('parseRunRequest', () => {
  it('applies defaults', () => {
    expect(parse({ strategy: 'native-async' })).toEqual({
      strategy: 'native-async',
      count: 20,
      concurrency: 20,
      latencyMs: 100,
      errorRate: 0,
      mode: 'gather',
      target: 'fixture',
    });
  });

  it.each([
    [{ strategy: 'native-async', count: 0 }, 'count', /Invalid "count": .*>=1.* \(got 0\)\./],
    [{ strategy: 'native-async', count: 501 }, 'count', /Invalid "count": .*<=500.* \(got 501\)\./],
    [{ strategy: 'native-async', count: 2.5 }, 'count', /Invalid "count"/],
    [{ strategy: 'native-async', concurrency: 0 }, 'concurrency', /Invalid "concurrency"/],
    [{ strategy: 'native-async', latencyMs: 5001 }, 'latencyMs', /Invalid "latencyMs"/],
    [{ strategy: 'native-async', errorRate: 1.5 }, 'errorRate', /Invalid "errorRate": .* \(got 1.5\)\./],
    [{ strategy: 'native-async', mode: 'parallel' }, 'mode', /Invalid "mode": .*"sequential"\|"gather".* \(got "parallel"\)/],
    [{ strategy: 'native-async', count: '20' }, 'count', /Invalid "count": .*expected number/],
    [{ count: 20 }, 'strategy', /Invalid "strategy"/],
    [
      { strategy: 'nativ-async' },
      'strategy',
      /unknown strategy "nativ-async"\. Registered: blocking-sync, native-async, worker-threaded\./,
    ],
    // A base URL the config does not list is refused (validation only: nothing is ever sent to it).
    [
      { strategy: 'native-async', target: 'http://127.0.0.1:9' },
      'target',
      /"http:\/\/127\.0\.0\.1:9" is not allowed\. Use one of: fixture, https:\/\/pokeapi\.co/,
    ],
    [{ strategy: 'native-async', url: 'http://127.0.0.1:9' }, 'url', /Invalid "url"/],
    [[], '(body)', /expected a JSON object/],
  ])('refuses %j naming the field', (body, field, message) => {
    const error = errorOf(body);
    expect(error).toBeInstanceOf(RunRequestError);
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });
});
