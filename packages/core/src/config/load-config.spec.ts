import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../errors/config-error';
import { loadConfig } from './load-config';

function tempProject(config: unknown | string): { root: string; nested: string } {
  const root = mkdtempSync(join(tmpdir(), 'waitless-config-'));
  const nested = join(root, 'a', 'b');
  mkdirSync(nested, { recursive: true });
  writeFileSync(join(root, 'waitless.config.json'), typeof config === 'string' ? config : JSON.stringify(config));
  return { root, nested };
}

describe('loadConfig', () => {
  it('finds waitless.config.json by searching upwards from cwd', () => {
    const { root, nested } = tempProject({ strategy: 'native-async', plugins: ['x'] });
    const loaded = loadConfig({ cwd: nested, env: {} });
    expect(loaded.configPath).toBe(join(root, 'waitless.config.json'));
    expect(loaded.config.plugins).toEqual(['x']);
    expect(loaded.requestedStrategy).toEqual({ name: 'native-async', source: 'config' });
  });

  it('ranks the explicit strategy over WAITLESS_STRATEGY over the file', () => {
    const { nested } = tempProject({ strategy: 'from-file' });
    expect(loadConfig({ cwd: nested, env: { WAITLESS_STRATEGY: 'from-env' } }).requestedStrategy).toEqual({
      name: 'from-env',
      source: 'env',
    });
    expect(loadConfig({ cwd: nested, env: { WAITLESS_STRATEGY: 'from-env' }, strategy: 'from-flag' }).requestedStrategy).toEqual({
      name: 'from-flag',
      source: 'flag',
    });
  });

  it('leaves the strategy to the default when nothing names one', () => {
    const loaded = loadConfig({ inline: {}, env: {} });
    expect(loaded.requestedStrategy).toBeUndefined();
    expect(loaded.config.strategies).toEqual({});
  });

  it('names the bad field and the file', () => {
    const { root } = tempProject({ plugins: ['@waitless/strategy-native-async', ''] });
    expect(() => loadConfig({ cwd: root, env: {} })).toThrow(ConfigError);
    expect(() => loadConfig({ cwd: root, env: {} })).toThrow(
      /waitless\.config\.json: "plugins\.1" Too small: expected string to have >=1 characters/,
    );
  });

  it('accepts only http(s) base URLs, and bounds the response limits', () => {
    for (const baseUrl of ['file:///etc/passwd', 'javascript:alert(1)', 'ftp://127.0.0.1/']) {
      expect(() => loadConfig({ inline: { baseUrl }, env: {} })).toThrow(
        'Invalid config in the inline config: "baseUrl" must be an absolute http:// or https:// URL.',
      );
    }
    expect(loadConfig({ inline: { baseUrl: 'https://127.0.0.1:8443/' }, env: {} }).config.baseUrl).toBe('https://127.0.0.1:8443');
    expect(loadConfig({ inline: { http: { maxBodyBytes: 1024, maxRedirects: 0 } }, env: {} }).config.http).toEqual({
      maxBodyBytes: 1024,
      maxRedirects: 0,
    });
    expect(() => loadConfig({ inline: { http: { maxBodyBytes: 0 } }, env: {} })).toThrow(/"http\.maxBodyBytes" Too small/);
    expect(() => loadConfig({ inline: { http: { maxRedirects: 51 } }, env: {} })).toThrow(
      /"http\.maxRedirects" Too big: expected number to be <=50/,
    );
  });

  it('rejects unknown fields instead of silently ignoring them', () => {
    expect(() => loadConfig({ inline: { stratgy: 'x' }, env: {} })).toThrow(
      'Invalid config in the inline config: "stratgy" is not a known field. Fix its spelling, or remove it.',
    );
  });

  it('reports invalid JSON with the file path', () => {
    const { root } = tempProject('{ "strategy": ');
    expect(() => loadConfig({ cwd: root, env: {} })).toThrow(/waitless\.config\.json: "\(file\)" is not valid JSON/);
  });

  it('fails clearly when an explicit config file does not exist', () => {
    expect(() => loadConfig({ configPath: '/nowhere/waitless.config.json', env: {} })).toThrow(
      /\/nowhere\/waitless\.config\.json: "config" does not exist/,
    );
  });

  it('takes the config path from WAITLESS_CONFIG', () => {
    const { root } = tempProject({ strategy: 'via-env-path' });
    const loaded = loadConfig({ cwd: tmpdir(), env: { WAITLESS_CONFIG: join(root, 'waitless.config.json') } });
    expect(loaded.requestedStrategy?.name).toBe('via-env-path');
  });
});
