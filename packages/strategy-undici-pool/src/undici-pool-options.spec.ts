import { ConfigError } from '@waitless/core';
import { readUndiciPoolOptions } from './undici-pool-options';

const context = (options: Record<string, unknown>) => ({ options, optionsField: 'strategies.undici-pool.options', source: 'waitless.config.json' });

describe('readUndiciPoolOptions', () => {
  it('defaults to 128 connections per origin without pipelining', () => {
    expect(readUndiciPoolOptions(context({}))).toEqual({ connections: 128, pipelining: 1 });
    expect(readUndiciPoolOptions(context({ connections: 64 }))).toEqual({ connections: 64, pipelining: 1 });
  });

  it('names the field, the value and the range when a value is wrong', () => {
    expect(() => readUndiciPoolOptions(context({ connections: 0 }))).toThrow(ConfigError);
    expect(() => readUndiciPoolOptions(context({ connections: '8' }))).toThrow(
      'Invalid config in waitless.config.json: "strategies.undici-pool.options.connections" must be an integer from 1 to 1024; got "8". Fix the value, or remove the field to use the default (128).',
    );
  });

  it('rejects unknown options, listing the known ones', () => {
    expect(() => readUndiciPoolOptions(context({ conections: 8 }))).toThrow(/"strategies\.undici-pool\.options\.conections" is not an option of undici-pool\. Known options: connections, pipelining\./);
  });
});
