import { ConfigError, validateOrThrow } from '@waitless/core/plugin';
import { undiciPoolOptionsSchema } from './undici-pool-options';

const read = (options: Record<string, unknown>) =>
  validateOrThrow(undiciPoolOptionsSchema, options, 'waitless.config.json', 'strategies.undici-pool.options');

describe('undiciPoolOptionsSchema', () => {
  it('defaults to 128 connections per origin without pipelining', () => {
    expect(read({})).toEqual({ connections: 128, pipelining: 1 });
    expect(read({ connections: 64 })).toEqual({ connections: 64, pipelining: 1 });
  });

  it('names the field and the range when a value is wrong', () => {
    expect(() => read({ connections: 0 })).toThrow(ConfigError);
    expect(() => read({ connections: '8' })).toThrow(
      'Invalid config in waitless.config.json: "strategies.undici-pool.options.connections" ' +
        'must be an integer from 1 to 1024 (default 128). Fix the value, or remove the field to use the default.',
    );
  });

  it('rejects unknown options', () => {
    expect(() => read({ conections: 8 })).toThrow(
      '"strategies.undici-pool.options.conections" is not a known field. Fix its spelling, or remove it.',
    );
  });
});
