import { HttpError } from '../errors/http-error';
import { NetworkError } from '../errors/network-error';
import { redactUrl, urlForMessage } from './url-for-message';

describe('redactUrl and urlForMessage', () => {
  it('replaces credentials and leaves everything else alone, malformed input included', () => {
    expect(redactUrl('https://me:pa@ss@127.0.0.1:8443/p?q=@x')).toBe('https://***@127.0.0.1:8443/p?q=@x');
    expect(redactUrl('http://token@127.0.0.1/')).toBe('http://***@127.0.0.1/');
    expect(redactUrl('http://127.0.0.1/a@b')).toBe('http://127.0.0.1/a@b');
    expect(redactUrl('not a url')).toBe('not a url');
  });

  it('cuts a huge URL to a few hundred characters and says how long it was', () => {
    const huge = `http://127.0.0.1/${'a'.repeat(10_000_000)}`;
    const shown = urlForMessage(huge);
    expect(shown.length).toBeLessThan(400);
    expect(shown).toMatch(/^http:\/\/127\.0\.0\.1\/a+… \(10000017 characters\)$/);
  });

  it('keeps credentials out of error messages and fields, and huge URLs out of messages', () => {
    const http = new HttpError(401, 'GET', 'http://user:hunter2@127.0.0.1/x', '');
    expect([http.message, http.url].join(' ')).not.toContain('hunter2');
    const hugeUrl = `http://127.0.0.1/${'b'.repeat(1_000_000)}`;
    const network = new NetworkError('GET', hugeUrl, `Request cannot be constructed from a URL: ${hugeUrl}`);
    expect(network.message.length).toBeLessThan(800);
    const quoted = new NetworkError('GET', 'http://u:hunter2@h/', 'URL includes credentials: http://u:hunter2@h/ (see http://a:b@c/)');
    expect(quoted.detail).toBe('URL includes credentials: http://***@h/ (see http://***@c/)');
    expect(quoted.message).not.toContain('hunter2');
  });
});
